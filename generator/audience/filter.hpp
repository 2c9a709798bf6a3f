#pragma once
// The audience filter: the one place that decides what a build may show. It runs
// once, on the site model, before links, indexes, search, feeds or templates see
// anything; what it removes is gone for every later stage.
#include <string>
#include <string_view>
#include <vector>

#include "model/site.hpp"
#include "parallel/pool.hpp"

namespace cp::audience {

using Audience = model::Audience;  // model/audience.hpp: the site model records it too

struct FilterOptions {
    Audience audience = Audience::Community;
    bool drafts = false;  // keep drafts (never in a public build unless asked)
};

// True when a build for these options holds the page: not a draft (unless drafts are
// asked for) and, in a public build, visibility exactly public. Never fails.
bool keeps(const model::Page& page, const FilterOptions& options);

// One `:::community` block of a body, as written between its opening and closing lines.
struct CommunityBlock {
    std::size_t first_line = 0;  // 0-based line of the opening `:::community`
    std::size_t end_line = 0;    // 0-based line of the closing `:::`, or the line count when unclosed
    std::string text;            // the lines inside, joined by '\n'
};

// Finds the community blocks of a body. An opening line is `:::community` (three or more
// colons, spaces and case ignored, anything after the word allowed: fail closed); the block
// ends at the `:::` that closes it, counting nested `:::name` divs, or at the end of the body.
// Never fails; no blocks gives an empty list.
std::vector<CommunityBlock> community_blocks(std::string_view body);

// Community build: marks each `:::community` ... `:::` block for rendering as an aside.
// Public build: removes the block's lines. An unclosed block runs to the end (fail closed).
// Line count is kept, so messages still point at the right lines. Never fails.
std::string filter_community_blocks(std::string_view body, Audience audience);

// The display name of a person whose page this build does not hold: the full name, or
// its initials ("A.O.") when the setting is "initials". Never fails.
std::string public_name(const std::string& full_name, const std::string& public_names_setting);

// Returns the site as this audience may see it (see ARCHITECTURE.md, "Audiences"), each page
// filtered on `pool`'s threads. Takes the site by value: the caller hands it over and never
// sees the unfiltered model again. Never fails: whatever it cannot prove public, a public
// build does not get.
model::Site filter(model::Site site, const FilterOptions& options, parallel::Pool& pool);

}  // namespace cp::audience
