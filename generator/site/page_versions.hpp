#pragma once
// Reads the old versions of the pages that get a versions page into site.versions.
#include <filesystem>

#include "audience/filter.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"

namespace cp::site {

// Lists read before in the same process (serve's rebuilds), for one commit and config; none
// when null. Those read now are added.
struct VersionsCache {
    model::Versions* shown = nullptr;        // as read_page_versions makes them, for this build's audience
    model::VersionsRead* written = nullptr;  // as read_versions_as_written makes them
};

// Every domain, and any page whose file has two revisions or more, that a build for `options`
// keeps gets its versions: the file at each revision's commit (renames followed), read as a
// page with the site's config, then made what that build shows (audience::filter_version_list)
// and settled (indexes::settle_version_list: their changes worked out, their texts dropped).
// Page by page on `pool`'s threads, from the repository holding `folder`, so only a few pages'
// old texts are held at a time. Nothing is read when the site has no history.
void read_page_versions(const std::filesystem::path& folder, model::Site& site, const audience::FilterOptions& options,
                        parallel::Pool& pool, VersionsCache cache = {});

// The old versions of the pages a build for `options` keeps, as they were written (unfiltered,
// with their texts): what a public build's audit must know (audience::audit_facts).
model::VersionsRead read_versions_as_written(const std::filesystem::path& folder, const model::Site& site,
                                             const audience::FilterOptions& options, parallel::Pool& pool,
                                             VersionsCache cache = {});

}  // namespace cp::site
