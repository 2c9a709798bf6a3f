#pragma once
// The index page of each folder of free pages that has no README.md or index.md of its own,
// so that nothing is reachable only by search, and a link to the folder has somewhere to go.
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// One HtmlPage per such folder of the (filtered) site, at the folder's address, listing its
// pages by title and then its subfolders. A folder whose address a page or the generator
// already has gets none.
std::vector<views::HtmlPage> folder_pages(const model::Site& site);

}  // namespace cp::indexes
