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
// With a cache (serve's rebuilds, for one commit and config), the versions of a page read
// before are taken from it, and those read now are added to it.
struct VersionsCache {
    model::Versions* kept = nullptr;
};
void read_page_versions(const std::filesystem::path& folder, model::Site& site, parallel::Pool& pool,
                        VersionsCache cache = {});

}  // namespace cp::site
