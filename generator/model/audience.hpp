#pragma once
// Who a build is for: the community's own site (everything but drafts), or the public one
// (only pages whose visibility is exactly public). The audience filter (generator/audience/)
// decides what each may see; the site model records which one it was filtered for.
#include <optional>
#include <string>
#include <string_view>

namespace cp::model {

enum class Audience { Community, Public };

// The audience as text, wherever text is printed (the command line, the export, the
// templates' site.audience): "community" or "public". Never fails.
std::string audience_name(Audience audience);

// The audience a name means ("community" or "public", as audience_name writes it); nothing for
// any other text.
std::optional<Audience> audience_named(std::string_view name);

}  // namespace cp::model
