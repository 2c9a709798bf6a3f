#pragma once
// Every page the generator makes beyond the pages themselves: timelines, tags,
// actions, the learning agenda, measures, feeds, calendar, sitemap, redirects.
// Each reads only the filtered site, so it can never show what the audience filter removed.
#include <memory>
#include <vector>

#include "diag/diagnostic.hpp"
#include "indexes/timeline.hpp"
#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

struct Generated {
    std::vector<views::HtmlPage> pages;
    std::vector<views::RawFile> files;
};

// Makes every index page and file. One pass over the pages per index: never quadratic.
// Problems (an alias outside the site, an unknown time zone) are warnings in the sink; the
// rest of the output is still made.
Generated generate_indexes(const links::ResolvedSite& resolved, diag::Sink& sink);

// What other pages say of a page, gathered once for every page: a domain's meetings, notes
// and timeline, a person's meetings, notes and actions, previous/next links.
class RelatedPages {
public:
    explicit RelatedPages(const links::ResolvedSite& resolved);
    ~RelatedPages();
    // The fields these add to site.pages[page_index]'s `page` (an object, maybe empty).
    // Called for every page, so it must not scan the whole site per call.
    nlohmann::json fields(std::size_t page_index) const;

private:
    struct Data;
    std::unique_ptr<Data> data_;
};

}  // namespace cp::indexes
