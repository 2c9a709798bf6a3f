#pragma once
// The community's words for what the indexes show: kinds of notes, phases, roles, months.
#include <string>

namespace cp::indexes {

// "Lessons learned" for "lesson": the heading of a group of notes of one kind.
std::string kind_heading(const std::string& kind);
// "Lesson" for "lesson", "Value story" for "value-story": one note's kind in words.
std::string kind_label(const std::string& kind);
// "November 2017" from "2017-11-23"; the text itself when it is not a date.
std::string month_heading(const std::string& day);
// "2017 Q4" from "2017-11-23"; empty when it is not a date.
std::string quarter_of(const std::string& day);

}  // namespace cp::indexes
