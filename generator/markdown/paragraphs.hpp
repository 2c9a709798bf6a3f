#pragma once
// A body's rendered text, block by block: what a reader sees, without the Markdown.
#include <string>
#include <string_view>
#include <vector>

namespace cp::markdown {

// The text of each paragraph, heading, list item's paragraph, quote's paragraph, table row
// and code block of a Markdown body, in reading order, as one line of words each. Links keep
// their text, a [[target|label]] its label (a [[target]] its target), images their alt text;
// raw HTML (the audience filter's markers too) is left out. Never throws.
std::vector<std::string> paragraphs(std::string_view markdown);

// `markdown` cut into pieces whose paragraphs() are, in order, the paragraphs() of the whole:
// cut at blank lines before a line that starts a new top-level block (not indented, not a
// list item, not a quote's continuation). A body with fenced code, link reference or footnote
// definitions, or HTML blocks is one piece (those reach across blank lines). Lets a diff of
// two versions parse only the pieces that differ.
std::vector<std::string_view> independent_blocks(std::string_view markdown);

}  // namespace cp::markdown
