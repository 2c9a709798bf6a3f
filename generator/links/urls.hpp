#pragma once
// Site addresses written as links that work from any folder, on any host, from file:// too.
#include <optional>
#include <string>
#include <string_view>

namespace cp::links {

// The relative prefix from a page's folder to the site root: "/" -> "", "/notes/x/" -> "../../".
std::string root_prefix(std::string_view from_url);

// A site-absolute URL ("/notes/x/#part") written relative to the page at `from_url`.
std::string relative_url(std::string_view from_url, std::string_view to_url);

// Joins a memory-relative folder and a relative path, resolving "." and "..";
// returns nothing when the path climbs above the memory's root.
std::optional<std::string> join_path(std::string_view folder, std::string_view relative);

}  // namespace cp::links
