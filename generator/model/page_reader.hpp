#pragma once
// Turns one Markdown source file into a Page: front matter parsed and every field
// checked for its shape and values. Cross-references are resolved later.
#include <optional>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "model/page.hpp"
#include "source/snapshot.hpp"

namespace cp::model {

// Reads `file` as a page of the type its folder gives (front matter `type:` may override).
// Every problem goes to the sink. A file that cannot be read (too large, binary, not UTF-8,
// front matter that does not parse) still gives a page with its address and a title from its
// name, so other pages' links to it are not reported too; the error stops the build.
std::optional<Page> read_page(const source::SourceFile& file, const config::Config& config, diag::Sink& sink);

// The type a path gives: the first `types:` glob of the config that matches it, else its
// first folder (meetings/ -> meeting), else a free page.
PageType type_of_path(const std::string& path, const config::Config& config);

// The names of every field a type knows, for "did you mean".
const std::vector<std::string>& known_fields(PageType type);

// The first "# heading" of a Markdown body outside code fences, or empty.
std::string first_heading(std::string_view body);

}  // namespace cp::model
