#pragma once
// /print/ and /print/DOMAIN/: the whole memory, or one domain's part of it, as a single
// document to print or save as PDF for an institutional repository: a title page with Dublin
// Core metadata, contents, domains, meetings by date, notes by kind, people; each section on
// a new page, each item with its printed address. Reads only the filtered site.
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

// The whole memory's print page, then one per domain (template "print", standalone).
// `bodies[i]` is site.pages[i] rendered; both outlive the pages. Never fails.
std::vector<views::HtmlPage> print_pages(const links::ResolvedSite& resolved);

}  // namespace cp::reports
