#pragma once
// What the community sends out of the meeting room: feedback that teaches the next event,
// period digests, the value-creation account, and the memory exported and printed for an
// institutional repository. Each is made from the filtered site, so a public build's
// reports hold only what the public may see.
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

struct Reports {
    std::vector<views::HtmlPage> pages;
    std::vector<views::RawFile> files;
};

// /feedback/, /digest/..., /value/, /print/..., /export/memory.json and /export/schema.json.
// `resolved` outlives the pages (their contexts are made as they are written).
Reports generate_reports(const links::ResolvedSite& resolved);

}  // namespace cp::reports
