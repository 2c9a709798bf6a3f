#pragma once
// Every page's Markdown rendered to HTML (in parallel), its links resolved, and the
// backlinks gathered from what the pages link to, in one pass.
#include <vector>

#include "diag/diagnostic.hpp"
#include "links/resolve.hpp"
#include "markdown/render.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"

namespace cp::links {

struct RenderedPage {
    markdown::Rendered body;
    PageLinks links;
    std::vector<std::size_t> backlinks;  // indices into site.pages, sorted, of pages linking here
};

// Part of the links step (links::resolve). Renders site.pages[i] into result[i], on `pool`'s
// threads; fills each page's summary from its first paragraph when the front matter gave none
// (so `site` is updated in place for that).
std::vector<RenderedPage> render_bodies(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                                        const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink);

}  // namespace cp::links
