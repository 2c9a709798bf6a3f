#include "model/glob.hpp"

#include <vector>

namespace cp::model {

namespace {

// Matches a pattern against a path, each (pattern position, path position) decided once: tried
// afresh, a run of stars backtracks exponentially, and a config's `exclude: ["***...***x"]` (found
// by tests/fuzz/fuzz_config) stalled the build on every file.
class Match {
public:
    Match(std::string_view pattern, std::string_view path)
        : p_(pattern), s_(path), known_((pattern.size() + 1) * (path.size() + 1), kUnknown) {}

    // Whether the pattern from `pi` matches the path from `si`.
    bool at(std::size_t pi, std::size_t si) {
        signed char& known = known_[pi * (s_.size() + 1) + si];
        if (known == kUnknown) known = decide(pi, si) ? 1 : 0;
        return known == 1;
    }

private:
    static constexpr signed char kUnknown = -1;

    bool decide(std::size_t pi, std::size_t si) {
        while (pi < p_.size()) {
            if (p_.compare(pi, 2, "**") == 0) {
                std::size_t rest = pi + 2;
                // "**/x" also matches "x" at this level.
                if (rest < p_.size() && p_[rest] == '/' && at(rest + 1, si)) return true;
                for (std::size_t i = si; i <= s_.size(); ++i)
                    if (at(rest, i)) return true;
                return false;
            }
            if (p_[pi] == '*') {
                for (std::size_t i = si; i <= s_.size(); ++i) {
                    if (at(pi + 1, i)) return true;
                    if (i < s_.size() && s_[i] == '/') break;
                }
                return false;
            }
            if (si == s_.size()) return false;
            if (p_[pi] == '?' ? s_[si] == '/' : p_[pi] != s_[si]) return false;
            ++pi;
            ++si;
        }
        return si == s_.size();
    }

    std::string_view p_, s_;
    std::vector<signed char> known_;  // (pi, si) -> unknown, no (0) or yes (1)
};

bool match(std::string_view pattern, std::string_view path) { return Match(pattern, path).at(0, 0); }

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
