#pragma once
// Where each page is written. One rule, documented in docs/content-model.md ("Addresses"):
// a typed page lives flat under its type's folder (/meetings/<slug>/), a free page keeps its
// folders (/guides/setup/); when two pages that are not one file would share an address,
// each keeps more of its path, so neither is lost and both addresses are stable.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "model/page.hpp"

namespace cp::model {

// The page's slug: its file's stem, slugged; a typed page dated by its folders
// (minutes/2019/03/14.md) starts it with the date instead ("2019-03-14").
std::string slug_for(const Page& page);

// The short address: /<type folder>/<slug>/ for a typed page, the path's folders for a free page
// (README.md and index.md are their folder's page).
std::string url_for(const Page& page);

// Gives pages that share an address without being one file a longer one each: a typed page in
// a subfolder keeps its subfolders (/meetings/groupa/2014-12-10/, its slug "groupa-2014-12-10"),
// and a free X.md beside a folder X/ whose README.md is /x/ becomes /x-md/. Each change is a
// warning naming both files. A true duplicate (the longer addresses are the same too) is left
// for the caller's collision check to refuse. `url_keys` (collision keys of the URLs) is kept in step.
void separate_shared_addresses(std::vector<Page>& pages, std::vector<std::string>& url_keys, diag::Sink& sink);

}  // namespace cp::model
