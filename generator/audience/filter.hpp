#pragma once
// The audience filter: the one place that decides what a build may show. It runs
// once, on the site model, before links, indexes, search, feeds or templates see
// anything; what it removes is gone for every later stage.
#include <string>
#include <string_view>

#include "model/site.hpp"

namespace cp::audience {

enum class Audience { Community, Public };

struct FilterOptions {
    Audience audience = Audience::Community;
    bool drafts = false;  // keep drafts (never in a public build unless asked)
};

// Community build: marks each `:::community` ... `:::` block for rendering as an aside.
// Public build: removes the block's lines. An unclosed block runs to the end (fail closed).
// Line count is kept, so messages still point at the right lines.
std::string filter_community_blocks(std::string_view body, Audience audience);

// The display name of a person whose page this build does not hold.
std::string public_name(const std::string& full_name, const std::string& public_names_setting);

// Returns the site as this audience may see it. Takes the site by value: the caller
// hands it over and never sees the unfiltered model again.
model::Site filter(model::Site site, const FilterOptions& options);

}  // namespace cp::audience
