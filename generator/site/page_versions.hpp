#pragma once
// Reads the old versions of the pages that get a versions page into site.versions.
#include <filesystem>

#include "model/site.hpp"
#include "parallel/pool.hpp"

namespace cp::site {

// Every domain, and any page whose file has two revisions or more, gets its versions: the file
// at each revision's commit (renames followed), read as a page with the site's config. Blobs
// are read for those pages only, on `pool`'s threads, from the repository holding `folder`.
// Nothing is read when the site has no history.
void read_page_versions(const std::filesystem::path& folder, model::Site& site, parallel::Pool& pool);

}  // namespace cp::site
