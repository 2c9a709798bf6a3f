#pragma once
// Every page the generator makes beyond the pages themselves: timelines, tags,
// actions, the learning agenda, measures, feeds, calendar, sitemap, redirects.
// Each reads only the filtered site, so it can never show what the audience filter removed.
#include <memory>
#include <vector>

#include "diag/diagnostic.hpp"
#include "indexes/timeline.hpp"
#include "links/bodies.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

struct Generated {
    std::vector<views::HtmlPage> pages;
    std::vector<views::RawFile> files;
};

// Makes every index page and file. One pass over the pages per index: never quadratic.
// `bodies[i]` is site.pages[i] rendered. Problems (an alias outside the site, an unknown
// time zone) are warnings in the sink; the rest of the output is still made.
// `timeline` is the site's (shared_timeline), made once for these and for PageEnricher.
Generated generate_indexes(const model::Site& site, const std::vector<links::RenderedPage>& bodies,
                           const Timeline& timeline, diag::Sink& sink);

// Adds to one page's context what comes from other pages: a domain's meetings, notes and
// timeline, a person's meetings, notes and actions, previous/next links. `page_index`
// indexes site.pages. Called for every page, so it must not scan the whole site per call.
class PageEnricher {
public:
    // `timeline`: the site's, when the caller has it already (it is made here otherwise).
    explicit PageEnricher(const model::Site& site, Timeline timeline = nullptr);
    ~PageEnricher();
    void enrich(std::size_t page_index, nlohmann::json& context) const;

private:
    struct Data;
    std::unique_ptr<Data> data_;
};

}  // namespace cp::indexes
