#include "indexes/labels.hpp"

#include <cctype>
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

}  // namespace cp::indexes
