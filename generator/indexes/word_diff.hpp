#pragma once
// What changed between two versions of a text, paragraph by paragraph, word by word.
#include <string>
#include <vector>

#include "model/versions.hpp"

namespace cp::indexes {

using model::ParagraphChange;

// The paragraphs that differ between `before` and `after` (each one paragraph's words, as
// markdown::paragraphs gives them), in reading order: paragraphs equal in both are matched
// first (longest common subsequence), and between two matches an old and a new paragraph in
// the same place are compared word by word; the rest were added or removed whole.
// Unchanged paragraphs are not listed. Never fails.
std::vector<ParagraphChange> changed_paragraphs(const std::vector<std::string>& before,
                                                const std::vector<std::string>& after);

// One paragraph's words from `before` to `after`: kept words as they are, each run of removed
// words in one <del>, each run of added words in one <ins> (removed first), escaped for HTML.
std::string word_diff(const std::string& before, const std::string& after);

}  // namespace cp::indexes
