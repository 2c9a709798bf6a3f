#include "audience/versions.hpp"

#include <algorithm>
#include <unordered_set>

#include "audience/emails.hpp"

namespace cp::audience {

void filter_version_list(std::vector<model::VersionRead>& versions, const FilterOptions& options) {
    versions.erase(std::remove_if(versions.begin(), versions.end(),
                                  [&](const model::VersionRead& v) { return !keeps(v.page, options); }),
                   versions.end());
    for (auto& v : versions) {
        v.page.body = filter_community_blocks(v.page.body, options.audience);
        hide_email_addresses(v.page);
    }
}

void filter_versions(model::Site& site) {
    std::unordered_set<std::string> kept;
    for (const auto& p : site.pages) kept.insert(p.source_path);
    for (auto it = site.versions.begin(); it != site.versions.end();)
        it = kept.count(it->first) && !it->second.empty() ? std::next(it) : site.versions.erase(it);
}

}  // namespace cp::audience
