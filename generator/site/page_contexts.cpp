#include "site/page_contexts.hpp"

#include "indexes/changes.hpp"
#include "indexes/indexes.hpp"
#include "indexes/lists.hpp"
#include "indexes/versions.hpp"
#include "reports/feedback.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::site {

using nlohmann::json;

// The facts about every page that come from other pages, gathered once.
struct PageContexts::Facts {
    const links::ResolvedSite& resolved;
    indexes::RelatedPages related;         // a domain's meetings and notes, a person's, previous/next
    indexes::Contributions contributions;  // the pages each person contributed to
    reports::FeedbackCarry feedback;       // what the series' previous meeting asked to improve
    explicit Facts(const links::ResolvedSite& r)
        : resolved(r), related(r), contributions(r.site()), feedback(r.site()) {}
};

PageContexts::PageContexts(const links::ResolvedSite& resolved) : facts_(std::make_unique<Facts>(resolved)) {}

PageContexts::~PageContexts() = default;

json PageContexts::make(std::size_t i) const {
    const model::Site& site = facts_->resolved.site();
    const model::Page& page = site.pages[i];
    json ctx = views::page_context(site, page, facts_->resolved.bodies()[i], site.pages);
    json& fields = ctx["page"];
    fields.update(facts_->related.fields(i));
    fields.update(facts_->contributions.fields(i));
    fields.update(facts_->feedback.fields(i));
    fields.update(indexes::version_fields(site, page));
    views::flag_lists(fields);
    if (page.url == "/") {
        ctx.update(indexes::home_fields(site));
        views::flag_lists(ctx);
    }
    return ctx;
}

}  // namespace cp::site
