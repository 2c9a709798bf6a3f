#pragma once
// What the git history shows beyond each page's own: /changes/, the recent commits with
// the pages each touched, and on each person's page what they contributed.
// Both read only the filtered site, so a page this build leaves out never shows.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// The /changes/ page (template "changes"): the recent commits, newest first, each with its
// date, contributor (linked to their page when this build has it), subject and the pages it
// touched. With no history it says so. Never fails.
views::HtmlPage changes_page(const links::ResolvedSite& resolved);

// A contributor (a person's slug, or a name git gives) as {label, url, linked}, seen from the
// page at `from`: their page when this build holds it, their public name when it does not,
// else the name itself.
nlohmann::json contributor_json(const model::Site& site, const model::SiteIndex& index, const std::string& key,
                                const std::string& from);

// The pages each person contributed to (a page's git contributors), found once for the site.
class Contributions {
public:
    explicit Contributions(const model::Site& site);
    // For a person's page, the field contributions [{title, url, type, date, date_human, ...}],
    // most recently updated first; for every other page, no field (an empty object).
    nlohmann::json fields(std::size_t page_index) const;

private:
    const model::Site& site_;
    std::map<std::string, std::vector<std::size_t>> by_person_url_;  // person page URL -> page indices
};

}  // namespace cp::indexes
