#include "links/resolved_site.hpp"

namespace cp::links {

ResolvedSite::ResolvedSite(model::Site site) : site_(std::move(site)), index_(site_) {}

ResolvedSite::~ResolvedSite() = default;

std::unique_ptr<const ResolvedSite> resolve(model::Site filtered, const Catalogue& catalogue,
                                            const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    std::unique_ptr<ResolvedSite> resolved(new ResolvedSite(std::move(filtered)));
    // The index holds positions and addresses, which resolving references does not change.
    resolve_references(resolved->site_, resolved->index_, catalogue, options.strictness, sink);
    resolved->bodies_ = render_bodies(resolved->site_, resolved->index_, catalogue, options, pool, sink);
    std::vector<bool> recorded(resolved->bodies_.size());
    for (std::size_t i = 0; i < recorded.size(); ++i) recorded[i] = !resolved->bodies_[i].body->media.empty();
    resolved->timeline_ = model::shared_timeline(resolved->site_, recorded);
    return resolved;
}

std::unique_ptr<const ResolvedSite> already_resolved(model::Site site, std::vector<RenderedPage> bodies) {
    std::unique_ptr<ResolvedSite> resolved(new ResolvedSite(std::move(site)));
    if (bodies.empty()) bodies.resize(resolved->site_.pages.size());
    resolved->bodies_ = std::move(bodies);
    std::vector<bool> recorded(resolved->bodies_.size());
    for (std::size_t i = 0; i < recorded.size(); ++i) recorded[i] = !resolved->bodies_[i].body->media.empty();
    resolved->timeline_ = model::shared_timeline(resolved->site_, recorded);
    return resolved;
}

}  // namespace cp::links
