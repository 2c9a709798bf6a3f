#include "site/page_versions.hpp"

#include "audience/versions.hpp"
#include "history/versions.hpp"
#include "indexes/versions.hpp"
#include "model/page_reader.hpp"
#include "parallel/pool.hpp"

namespace cp::site {

namespace {

// Each page that a build for `options` keeps and that gets a versions page, with its versions
// read as pages and handed to `settle` on a worker of `pool`'s; those in `cache` are taken
// from it, and those read now are added to it. The lists left non-empty are the result.
model::Versions read_lists(const std::filesystem::path& folder, const model::Site& site,
                           const audience::FilterOptions& options, parallel::Pool& pool, model::Versions* cache,
                           const std::function<void(std::vector<model::Version>&)>& settle) {
    model::Versions out;
    if (!site.history.available) return out;
    std::vector<history::VersionRequest> requests;
    for (const auto& page : site.pages) {
        const history::FileHistory* fh = site.history.find(page.source_path);
        if (!fh || page.lfs_pointer || !audience::keeps(page, options)) continue;
        if (page.type != model::PageType::Domain && fh->revisions.size() < 2) continue;
        if (cache) {
            if (auto kept = cache->find(page.source_path); kept != cache->end()) {
                // Read for this commit before (an empty list: no version could be read).
                if (!kept->second.empty()) out[page.source_path] = kept->second;
                continue;
            }
        }
        history::VersionRequest request{page.source_path, {}};
        request.revisions = &fh->revisions;
        requests.push_back(std::move(request));
    }
    std::vector<std::vector<model::Version>> lists(requests.size());
    // Each version read as a page; what is wrong in an old version is no problem of today's
    // memory, so its diagnostics are dropped.
    auto take = [&](std::size_t i, std::vector<std::optional<history::FileVersion>>&& contents) {
        for (std::size_t k = 0; k < contents.size(); ++k) {
            auto& file_version = contents[k];
            if (!file_version) continue;
            source::SourceFile file;
            file.path = std::move(file_version->path);
            file.content = std::move(file_version->content);
            diag::Sink ignored;
            auto page = model::read_page(file, site.config, ignored);
            if (page) lists[i].push_back({(*requests[i].revisions)[k].commit, file.path, std::move(*page), {}});
        }
        settle(lists[i]);
    };
    history::read_versions_each(folder, requests, site.config.max_file_size, pool, take);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        if (cache) (*cache)[requests[i].path] = lists[i];  // an empty list is kept too: read once
        if (!lists[i].empty()) out[requests[i].path] = std::move(lists[i]);
    }
    return out;
}

}  // namespace

void read_page_versions(const std::filesystem::path& folder, model::Site& site, const audience::FilterOptions& options,
                        parallel::Pool& pool, VersionsCache cache) {
    site.versions = read_lists(folder, site, options, pool, cache.shown, [&options](auto& versions) {
        audience::filter_version_list(versions, options);
        indexes::settle_version_list(versions);
    });
}

model::Versions read_versions_as_written(const std::filesystem::path& folder, const model::Site& site,
                                         const audience::FilterOptions& options, parallel::Pool& pool,
                                         VersionsCache cache) {
    return read_lists(folder, site, options, pool, cache.written, [](auto&) {});
}

}  // namespace cp::site
