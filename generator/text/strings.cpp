#include "text/strings.hpp"

namespace cp::text {

std::string lower(std::string_view s) {
    std::string out(s);
    // A-Z only, whatever the locale: what std::tolower does in the "C" locale the program runs in.
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string in_words(std::string_view value) {
    std::string s(value);
    for (char& c : s)
        if (c == '_' || c == '-') c = ' ';
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

}  // namespace cp::text
