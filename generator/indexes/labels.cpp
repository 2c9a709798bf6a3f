#include "indexes/labels.hpp"

#include <cctype>
#include <map>

namespace cp::indexes {

std::string kind_heading(const std::string& kind) {
    static const std::map<std::string, std::string> names = {
        {"story", "Stories"},      {"lesson", "Lessons learned"},
        {"practice", "Practices"}, {"question", "Questions"},
        {"tip", "Tips"},           {"resource", "Resources"},
        {"review", "Reviews"},     {"value-story", "Value stories"},
        {"note", "Other notes"}};
    auto it = names.find(kind);
    return it == names.end() ? in_words(kind) : it->second;
}

std::string kind_label(const std::string& kind) { return in_words(kind.empty() ? "note" : kind); }

std::string in_words(std::string s) {
    for (char& c : s)
        if (c == '_' || c == '-') c = ' ';
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

}  // namespace cp::indexes
