#include "site/page_versions.hpp"

#include "history/versions.hpp"
#include "model/page_reader.hpp"
#include "parallel/pool.hpp"

namespace cp::site {

void read_page_versions(const std::filesystem::path& folder, model::Site& site, parallel::Pool& pool,
                        VersionsCache cache) {
    if (!site.history.available) return;
    std::vector<history::VersionRequest> requests;
    for (const auto& page : site.pages) {
        const history::FileHistory* fh = site.history.find(page.source_path);
        if (!fh || page.lfs_pointer) continue;
        if (page.type != model::PageType::Domain && fh->revisions.size() < 2) continue;
        if (cache.kept) {
            if (auto kept = cache.kept->find(page.source_path); kept != cache.kept->end()) {
                // Read for this commit before (an empty list: no version could be read).
                if (!kept->second.empty()) site.versions[page.source_path] = kept->second;
                continue;
            }
        }
        history::VersionRequest request{page.source_path, {}};
        request.revisions = &fh->revisions;
        requests.push_back(std::move(request));
    }
    auto contents = history::read_versions(folder, requests, site.config.max_file_size, pool);
    // Each version read as a page, on every core; what is wrong in an old version is no
    // problem of today's memory, so its diagnostics are dropped.
    std::vector<std::vector<model::Version>> parsed(requests.size());
    pool.parallel_for(requests.size(), [&](std::size_t i) {
        for (std::size_t k = 0; k < contents[i].size(); ++k) {
            auto& file_version = contents[i][k];
            if (!file_version) continue;
            source::SourceFile file;
            file.path = file_version->path;
            file.content = std::move(file_version->content);
            diag::Sink ignored;
            auto page = model::read_page(file, site.config, ignored);
            if (page) parsed[i].push_back({(*requests[i].revisions)[k].commit, file.path, std::move(*page), {}});
        }
    });
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (cache.kept) (*cache.kept)[requests[i].path] = parsed[i];  // an empty list is kept too: read once
        if (!parsed[i].empty()) site.versions[requests[i].path] = std::move(parsed[i]);
    }
}

}  // namespace cp::site
