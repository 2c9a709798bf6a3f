#include "diag/summary.hpp"

#include <algorithm>
#include <map>

namespace cp::diag {

std::string kind_of(const Diagnostic& d) {
    const std::string& m = d.message;
    // The words before the first particular: a quote, a bracket, a colon, or a path (the
    // word a '/' is in is dropped with it). Numbers become '#'.
    std::string kind;
    for (std::size_t i = 0; i < m.size(); ++i) {
        char c = m[i];
        if (c == '/') {
            auto space = kind.rfind(' ');
            kind.erase(space == std::string::npos ? 0 : space);
            break;
        }
        if (c == '\'' || c == '"' || c == '(' || c == '[' || (c == ':' && i + 1 < m.size() && m[i + 1] == ' ')) break;
        if (c >= '0' && c <= '9') {
            if (kind.empty() || kind.back() != '#') kind += '#';
            continue;
        }
        kind += c;
    }
    while (!kind.empty() && (kind.back() == ' ' || kind.back() == ',')) kind.pop_back();
    if (kind.empty()) kind = m.substr(0, std::min<std::size_t>(m.size(), 40));
    return (d.severity == Severity::Error ? "error: " : "warning: ") + kind;
}

void print_summary(std::ostream& out, const std::vector<Diagnostic>& diagnostics) {
    if (diagnostics.empty()) return;
    struct Count {
        std::size_t n = 0;
        std::string first;  // where it occurs first
    };
    std::map<std::string, Count> kinds;
    for (const auto& d : diagnostics) {
        Count& c = kinds[kind_of(d)];
        if (c.n++ == 0) c.first = d.path;
    }
    std::vector<std::pair<std::string, Count>> sorted(kinds.begin(), kinds.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second.n > b.second.n; });
    out << "problems by kind:\n";
    for (const auto& [kind, c] : sorted) out << "  " << c.n << " x " << kind << " (first in " << c.first << ")\n";
}

}  // namespace cp::diag
