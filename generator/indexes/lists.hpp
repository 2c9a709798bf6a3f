#pragma once
// The list page of each type: /domains/, /meetings/ (by year), /notes/ (by kind), /people/.
#include <vector>

#include "links/bodies.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// One HtmlPage per type list, in a fixed order. Reads only the (filtered) site.
std::vector<views::HtmlPage> type_lists(const model::Site& site);

// The values the home page shows besides its own: home_domains, recent (activity), upcoming
// (meetings) and start_here_url, as top-level fields of its context.
nlohmann::json home_fields(const model::Site& site);

}  // namespace cp::indexes
