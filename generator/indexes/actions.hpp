#pragma once
// What was agreed and what is still open: /actions/ (actions from every meeting) and
// /agenda/ (the learning agenda of every domain, and the meetings' parking lots).
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// /actions/: open actions by owner and by due date, overdue ones marked against
// site.reference_date (none is overdue when it is empty), done ones apart.
views::HtmlPage actions_page(const model::Site& site);

// /agenda/: open questions by domain, answered ones linked to their answer, and the parking lot.
views::HtmlPage agenda_page(const model::Site& site);

}  // namespace cp::indexes
