#pragma once
// The community's words for what the indexes show: kinds of notes, phases, roles (months: time/date.hpp).
#include <string>

namespace cp::indexes {

// "Lessons learned" for "lesson": the heading of a group of notes of one kind.
std::string kind_heading(const std::string& kind);
// "Lesson" for "lesson", "Value story" for "value-story": one note's kind in words.
std::string kind_label(const std::string& kind);
// "note_taker" -> "Note taker": a field value in words, first letter capitalised.
std::string in_words(std::string value);

}  // namespace cp::indexes
