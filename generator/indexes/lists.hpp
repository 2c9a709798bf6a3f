#pragma once
// The list page of each type: /domains/, /meetings/ (by year), /notes/ (by kind), /people/.
#include <vector>

#include "links/bodies.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// One HtmlPage per type list, in a fixed order. Reads only the (filtered) site.
std::vector<views::HtmlPage> type_lists(const model::Site& site);

// The extra values the home page shows: domains, recent activity, upcoming meetings.
// `context` is the home page's context, filled in place.
void fill_home(const model::Site& site, nlohmann::json& context);

}  // namespace cp::indexes
