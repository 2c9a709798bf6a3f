#pragma once
// The community's words for what the indexes show: kinds of notes, phases, roles (months: time/date.hpp).
#include <string>

#include "i18n/catalog.hpp"

namespace cp::indexes {

// "Lessons learned" for "lesson": the heading of a group of notes of one kind.
std::string kind_heading(const i18n::Catalog& words, const std::string& kind);
// "Lesson" for "lesson", "Value story" for "value-story": one note's kind in words.
std::string kind_label(const i18n::Catalog& words, const std::string& kind);

}  // namespace cp::indexes
