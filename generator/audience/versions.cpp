#include "audience/versions.hpp"

#include <algorithm>
#include <unordered_set>

#include "audience/emails.hpp"
#include "parallel/pool.hpp"

namespace cp::audience {

void filter_versions(model::Site& site, const FilterOptions& options, parallel::Pool& pool) {
    std::unordered_set<std::string> kept;
    for (const auto& p : site.pages) kept.insert(p.source_path);  // the filter has removed the others
    std::vector<std::vector<model::Version>*> lists;
    for (auto it = site.versions.begin(); it != site.versions.end();) {
        if (!kept.count(it->first)) {
            it = site.versions.erase(it);
            continue;
        }
        lists.push_back(&it->second);
        ++it;
    }
    pool.parallel_for(lists.size(), [&](std::size_t i) {
        auto& versions = *lists[i];
        versions.erase(std::remove_if(versions.begin(), versions.end(),
                                      [&](const model::Version& v) { return !keeps(v.page, options); }),
                       versions.end());
        for (auto& v : versions) {
            v.page.body = filter_community_blocks(v.page.body, options.audience);
            hide_email_addresses(v.page);
        }
    });
    for (auto it = site.versions.begin(); it != site.versions.end();)
        it = it->second.empty() ? site.versions.erase(it) : std::next(it);
}

}  // namespace cp::audience
