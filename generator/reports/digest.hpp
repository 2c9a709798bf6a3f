#pragma once
// Period digests for newsletters and sponsors' reports: /digest/ lists the periods that had
// activity, /digest/PERIOD/ shows one (meetings, decisions, actions opened and closed,
// highlights, new notes by kind, new members, phase changes, and its measures beside the
// period before), and /digest/PERIOD/email.html is the same as an e-mail: inline styles,
// tables for layout, no scripts, absolute links from base_url. Periods are quarters, or
// months with `digest: month`. Reads only the filtered site.
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

// Every digest page, the list first. Never fails; a memory with nothing dated has a list
// that says so and no period pages.
std::vector<views::HtmlPage> digest_pages(const model::Site& site);

}  // namespace cp::reports
