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
// Every problem goes to the sink; returns nothing when the file cannot be read at all
// (front matter that does not parse or is not a mapping, binary content).
std::optional<Page> read_page(const source::SourceFile& file, const config::Config& config,
                              diag::Sink& sink);

// The names of every field a type knows, for "did you mean".
const std::vector<std::string>& known_fields(PageType type);

// The first "# heading" of a Markdown body outside code fences, or empty.
std::string first_heading(std::string_view body);

}  // namespace cp::model
