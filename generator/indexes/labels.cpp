#include "indexes/labels.hpp"

#include <cctype>
#include <cstdlib>
#include <map>

#include "text/strings.hpp"

namespace cp::indexes {

std::string kind_heading(const std::string& kind) {
    static const std::map<std::string, std::string> names = {
        {"story", "Stories"},      {"lesson", "Lessons learned"},
        {"practice", "Practices"}, {"question", "Questions"},
        {"tip", "Tips"},           {"resource", "Resources"},
        {"review", "Reviews"},     {"value-story", "Value stories"},
        {"note", "Other notes"}};
    auto it = names.find(kind);
    return it == names.end() ? text::in_words(kind) : it->second;
}

std::string kind_label(const std::string& kind) { return text::in_words(kind.empty() ? "note" : kind); }

namespace {

int month_number(const std::string& day) {
    if (day.size() < 7 || day[4] != '-') return 0;
    int m = std::atoi(day.substr(5, 2).c_str());
    return m >= 1 && m <= 12 ? m : 0;
}

}  // namespace

std::string month_heading(const std::string& day) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    int m = month_number(day);
    return m ? std::string(months[m - 1]) + " " + day.substr(0, 4) : day;
}

std::string quarter_of(const std::string& day) {
    int m = month_number(day);
    return m ? day.substr(0, 4) + " Q" + std::to_string((m - 1) / 3 + 1) : std::string{};
}

}  // namespace cp::indexes
