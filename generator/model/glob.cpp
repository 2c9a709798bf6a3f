#include "model/glob.hpp"

namespace cp::model {

namespace {

bool match(std::string_view p, std::string_view s) {
    while (!p.empty()) {
        if (p.substr(0, 2) == "**") {
            std::string_view rest = p.substr(2);
            if (!rest.empty() && rest.front() == '/') {
                // "**/x" also matches "x" at this level.
                if (match(rest.substr(1), s)) return true;
            }
            for (std::size_t i = 0; i <= s.size(); ++i)
                if (match(rest, s.substr(i))) return true;
            return false;
        }
        if (p.front() == '*') {
            for (std::size_t i = 0; i <= s.size(); ++i) {
                if (match(p.substr(1), s.substr(i))) return true;
                if (i < s.size() && s[i] == '/') break;
            }
            return false;
        }
        if (s.empty()) return false;
        if (p.front() == '?' ? s.front() == '/' : p.front() != s.front()) return false;
        p.remove_prefix(1);
        s.remove_prefix(1);
    }
    return s.empty();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
    if (!pattern.empty() && pattern.front() == '/') pattern.remove_prefix(1);
    if (match(pattern, path)) return true;
    if (pattern.find('/') == std::string_view::npos) {
        auto slash = path.rfind('/');
        if (slash != std::string_view::npos && match(pattern, path.substr(slash + 1))) return true;
    }
    // A pattern naming a folder excludes everything in it.
    if (path.size() > pattern.size() && path.substr(0, pattern.size()) == pattern && path[pattern.size()] == '/')
        return true;
    return false;
}

}  // namespace cp::model
