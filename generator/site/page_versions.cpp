#include "site/page_versions.hpp"

#include "audience/versions.hpp"
#include "history/versions.hpp"
#include "indexes/versions.hpp"
#include "model/page_reader.hpp"
#include "parallel/pool.hpp"

namespace cp::site {

namespace {

// Each page that a build for `options` keeps and that gets a versions page, with its versions
// read as pages and made into a list by `settle` on a worker of `pool`'s; those in `cache` are
// taken from it, and those read now are added to it. The lists left non-empty are the result.
template <typename Version>
std::map<std::string, std::vector<Version>> read_lists(
    const std::filesystem::path& folder, const model::Site& site, const audience::FilterOptions& options,
    parallel::Pool& pool, std::map<std::string, std::vector<Version>>* cache,
    const std::function<std::vector<Version>(std::vector<model::VersionRead>&&)>& settle) {
    std::map<std::string, std::vector<Version>> out;
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
    std::vector<std::vector<Version>> lists(requests.size());
    // Each version read as a page; what is wrong in an old version is no problem of today's
    // memory, so its diagnostics are dropped.
    auto take = [&](std::size_t i, std::vector<std::optional<history::FileVersion>>&& contents) {
        std::vector<model::VersionRead> read;
        for (std::size_t k = 0; k < contents.size(); ++k) {
            auto& file_version = contents[k];
            if (!file_version) continue;
            source::SourceFile file;
            file.path = std::move(file_version->path);
            file.content = std::move(file_version->content);
            diag::Sink ignored;
            auto page = model::read_page(file, site.config, ignored);
            if (page) read.push_back({(*requests[i].revisions)[k].commit(), file.path, std::move(*page)});
        }
        lists[i] = settle(std::move(read));
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
    site.versions = read_lists<model::Version>(folder, site, options, pool, cache.shown,
                                               [&options](std::vector<model::VersionRead>&& versions) {
                                                   audience::filter_version_list(versions, options);
                                                   return indexes::settle_version_list(std::move(versions));
                                               });
}

model::VersionsRead read_versions_as_written(const std::filesystem::path& folder, const model::Site& site,
                                             const audience::FilterOptions& options, parallel::Pool& pool,
                                             VersionsCache cache) {
    return read_lists<model::VersionRead>(
        folder, site, options, pool, cache.written,
        [](std::vector<model::VersionRead>&& versions) { return std::move(versions); });
}

}  // namespace cp::site
