#pragma once
// The site as the links step leaves it, and as every later step reads it: the filtered pages
// with their references resolved and summaries filled, their Markdown rendered, the index
// that finds them, and the timeline. Made once, then only ever seen as const: nothing after
// the links step can change what the audience filter and the links step decided.
#include <memory>
#include <vector>

#include "diag/diagnostic.hpp"
#include "links/bodies.hpp"
#include "links/resolve.hpp"
#include "model/site.hpp"
#include "model/timeline.hpp"

namespace cp::links {

class ResolvedSite {
public:
    ResolvedSite(const ResolvedSite&) = delete;
    ResolvedSite& operator=(const ResolvedSite&) = delete;
    ~ResolvedSite();

    const model::Site& site() const { return site_; }
    const model::SiteIndex& index() const { return index_; }
    // bodies()[i] is site().pages[i] rendered, with its links and backlinks.
    const std::vector<RenderedPage>& bodies() const { return bodies_; }
    // Every dated entry, newest first (model::collect_timeline).
    const model::Timeline& timeline() const { return timeline_; }

private:
    explicit ResolvedSite(model::Site site);
    friend std::unique_ptr<const ResolvedSite> resolve(model::Site, const Catalogue&, const ResolveOptions&,
                                                       parallel::Pool&, diag::Sink&);
    friend std::unique_ptr<const ResolvedSite> already_resolved(model::Site, std::vector<RenderedPage>);

    model::Site site_;
    model::SiteIndex index_;  // over site_, which never moves: ResolvedSite is neither copied nor moved
    std::vector<RenderedPage> bodies_;
    model::Timeline timeline_;
};

// The links step: resolves every reference of the filtered site (resolve_references), renders
// every page's Markdown with its links (render_bodies, on `pool`'s threads) and gathers the timeline.
std::unique_ptr<const ResolvedSite> resolve(model::Site filtered, const Catalogue& catalogue,
                                            const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink);

// A site whose references are already what they should be (tests, tools): indexed and given
// its timeline; `bodies` (empty: one empty body per page) stand for the rendered Markdown.
std::unique_ptr<const ResolvedSite> already_resolved(model::Site site, std::vector<RenderedPage> bodies = {});

}  // namespace cp::links
