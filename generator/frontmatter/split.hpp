#pragma once
// Splits a Markdown file into its YAML front matter and its body, keeping the
// line numbers of both so every later message points into the file.
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"

namespace cp::frontmatter {

struct SplitFile {
    bool has_front_matter = false;
    std::string yaml;         // the text between the fences
    int yaml_first_line = 0;  // file line of the first YAML line (2 when the file starts with ---)
    std::string body;         // the Markdown after the closing fence
    int body_first_line = 1;  // file line of the first body line
};

// Normalises the text first (drops a UTF-8 byte-order mark, turns CRLF and a lone CR into LF).
// Reports unclosed front matter, a NUL byte (a binary file) and invalid UTF-8 as errors and returns nothing.
std::optional<SplitFile> split(std::string_view text, const std::string& path, diag::Sink& sink);

// Returns the 1-based line and byte column of the first byte that is not valid UTF-8 (or a NUL), if any.
std::optional<std::pair<int, int>> find_invalid_utf8(std::string_view text);

}  // namespace cp::frontmatter
