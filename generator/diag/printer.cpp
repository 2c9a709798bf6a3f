#include "diag/printer.hpp"

#include <sstream>

namespace cp::diag {

namespace {

std::string line_of(const std::string& text, int line) {
    if (line <= 0) return {};
    std::size_t pos = 0;
    for (int i = 1; i < line; ++i) {
        pos = text.find('\n', pos);
        if (pos == std::string::npos) return {};
        ++pos;
    }
    std::size_t end = text.find('\n', pos);
    std::string result = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!result.empty() && result.back() == '\r') result.pop_back();
    // Keep the quoted line printable: control bytes would garble a terminal.
    for (char& c : result)
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t') c = '?';
    if (result.size() > 200) result.resize(200);
    return result;
}

}  // namespace

std::string format(const Diagnostic& d, const std::string& source_text) {
    std::ostringstream out;
    out << d.path;
    if (d.line > 0) out << ':' << d.line << ':' << (d.column > 0 ? d.column : 1);
    out << ": " << (d.severity == Severity::Error ? "error" : "warning") << ": " << d.message << '\n';
    std::string quoted = line_of(source_text, d.line);
    if (!quoted.empty()) {
        out << "    " << quoted << '\n';
        std::string caret = "    ";
        for (int i = 1; i < d.column && i <= static_cast<int>(quoted.size()); ++i)
            caret += quoted[i - 1] == '\t' ? '\t' : ' ';
        out << caret << "^\n";
    }
    return out.str();
}

std::size_t print(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceLookup& lookup, std::size_t limit) {
    std::size_t printed = 0;
    for (const auto& d : diagnostics) {
        if (printed == limit) break;
        out << format(d, lookup ? lookup(d.path) : std::string{});
        ++printed;
    }
    if (diagnostics.size() > printed)
        out << "... and " << (diagnostics.size() - printed) << " more problems not shown\n";
    return printed;
}

}  // namespace cp::diag
