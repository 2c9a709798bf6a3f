#pragma once
// The audience filter's part for old versions (site.versions).
#include "audience/filter.hpp"

namespace cp::audience {

// Keeps the versions of kept pages only, and of those only the versions the audience could
// have seen then: in a public build, a version in which the page was community-only (or a
// draft) is gone, with every word of it. What is kept is filtered as today's pages are:
// `:::community` blocks removed (public) or marked (community), e-mail addresses hidden; on
// `pool`'s threads.
void filter_versions(model::Site& site, const FilterOptions& options, parallel::Pool& pool);

}  // namespace cp::audience
