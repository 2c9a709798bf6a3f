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

}  // namespace cp::markdown
