#pragma once
// Where a Markdown body's code blocks are, as cmark-gfm reads them: code is shown as
// written, so checks that look at prose (the personal-data guard) leave it out.
#include <string_view>
#include <utility>
#include <vector>

namespace cp::markdown {

// The 1-based first and last line (of `markdown` itself) of each fenced or indented code
// block, fences included, in order. Never fails; no code gives an empty list.
std::vector<std::pair<int, int>> code_block_lines(std::string_view markdown);

}  // namespace cp::markdown
