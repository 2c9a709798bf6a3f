#pragma once
// Folding and word splitting for the search index. themes/default/static/search.js
// mirrors these rules exactly: a query is split and folded in the browser the same
// way the text was at build time, or nothing would match.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::search {

// Lower-cases and strips accents (Latin-1 Supplement, Latin Extended-A/B and
// Additional, Greek and Greek Extended, Cyrillic): é->e, ß->ss, œ->oe, Σ->σ, Ё->е; combining marks
// vanish, other characters are kept. Invalid UTF-8 bytes are dropped; never throws.
std::string fold(std::string_view utf8);

// Splits text into folded words: runs of letters and digits; an apostrophe inside a
// word is dropped ("don't" -> "dont"); each CJK ideograph or kana is a word of its
// own; invalid UTF-8 bytes separate words. Never throws.
std::vector<std::string> tokenize(std::string_view utf8);

// The same words, each handed to `each` in turn (valid only during the call): the index
// builder reads millions of words and needs none of them as a string of its own.
void for_each_word(std::string_view utf8, const std::function<void(std::string_view)>& each);

}  // namespace cp::search
