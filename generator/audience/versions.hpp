#pragma once
// The audience filter's part for old versions (site.versions).
#include <vector>

#include "audience/filter.hpp"
#include "model/versions.hpp"

namespace cp::audience {

// One page's old versions as a build for `options` may show them: only the versions the
// audience could have seen then (in a public build, a version in which the page was
// community-only, or a draft, is gone with every word of it), each filtered as today's pages
// are: `:::community` blocks removed (public) or marked (community), e-mail addresses hidden.
// The versions are read this way as they are loaded (site/page_versions.hpp). Never fails.
void filter_version_list(std::vector<model::VersionRead>& versions, const FilterOptions& options);

// Keeps the versions of kept pages only (the filter has removed the others from site.pages).
void filter_versions(model::Site& site);

}  // namespace cp::audience
