#pragma once
// Glob patterns for `exclude:`: `*` and `?` stay within a folder, `**` crosses folders.
#include <string_view>

namespace cp::model {

// True when the '/'-separated `path` matches `pattern`. A pattern with no '/' also
// matches the last component ("*.tmp" matches "notes/a.tmp").
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace cp::model
