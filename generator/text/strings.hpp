#pragma once
// The small string helpers every module uses, written once: lower-casing, trimming, a field's
// value in words.
#include <string>
#include <string_view>

namespace cp::text {

// The text with ASCII letters lower-cased, every other byte as written (UTF-8 stays whole):
// how names, e-mail addresses, tags and file endings are compared without regard to case.
std::string lower(std::string_view s);

// The text without the spaces and tabs at either end (a line break is kept).
std::string_view trim(std::string_view s);

// A field's value in words, first letter capitalised: "night_handover" -> "Night handover",
// "value-story" -> "Value story" (a phase, a role, a kind, a page type).
std::string in_words(std::string_view value);

}  // namespace cp::text
