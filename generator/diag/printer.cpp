#include "diag/printer.hpp"

#include <sstream>

namespace cp::diag {

namespace {

constexpr std::size_t kMaxQuoted = 200;  // bytes of a source line worth quoting

// The raw bytes of 1-based line `line` without its line ending (and without a BOM on line 1).
std::string_view raw_line(std::string_view text, int line) {
    if (line <= 0) return {};
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // the split dropped it too
    std::size_t pos = 0;
    for (int i = 1; i < line; ++i) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos) return {};
        ++pos;
    }
    if (pos > text.size()) return {};
    std::size_t end = text.find('\n', pos);
    std::string_view result = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (!result.empty() && result.back() == '\r') result.remove_suffix(1);
    return result;
}

// The length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts none.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 && c >= 0xC2 ? 2 : (c >> 4) == 0xE ? 3
                                 : (c >> 3) == 0x1E && c <= 0xF4  ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
    return len;
}

// A line made safe to print: control bytes and broken UTF-8 become '?' (a terminal would
// garble them), cut at a character boundary. `byte_column` is turned into a character column
// in the same pass, so the caret and the printed number count what a person sees.
struct Quoted {
    std::string text;
    int column = 0;        // 1-based, in characters; 0 when the column is past the quoted part
    std::string indent;    // what goes before the caret: tabs kept, so it lines up
    bool caret = false;    // the column falls inside the quoted part
};

Quoted quote(std::string_view line, int byte_column) {
    Quoted q;
    int chars = 0;
    bool cut = false;
    std::size_t i = 0;
    while (i < line.size()) {
        if (static_cast<int>(i) + 1 == byte_column) q.column = chars + 1;
        std::size_t len = utf8_length(line, i);
        std::size_t step = len ? len : 1;
        cut = cut || q.text.size() + step > kMaxQuoted;
        if (!cut) {
            bool control = len == 1 && ((static_cast<unsigned char>(line[i]) < 0x20 && line[i] != '\t') || line[i] == 0x7F);
            if (len == 0 || control) q.text.push_back('?');
            else q.text.append(line.substr(i, len));
            if (q.column == 0) q.indent.push_back(line[i] == '\t' ? '\t' : ' ');
        }
        ++chars;
        i += step;
    }
    // A column just past the end of the line (an unclosed bracket) still gets its caret.
    if (q.column == 0 && static_cast<int>(i) + 1 == byte_column) q.column = chars + 1;
    q.caret = q.column > 0 && static_cast<int>(q.indent.size()) == q.column - 1;
    return q;
}

}  // namespace

std::string format(const Diagnostic& d, const std::string& source_text) {
    std::ostringstream out;
    Quoted quoted = quote(raw_line(source_text, d.line), d.column > 0 ? d.column : 1);
    out << d.path;
    if (d.line > 0) {
        int column = d.column > 0 ? d.column : 1;
        // Counted in characters when the line is known, as an editor counts them.
        if (quoted.column > 0 && d.column > 0) column = quoted.column;
        out << ':' << d.line << ':' << column;
    }
    out << ": " << (d.severity == Severity::Error ? "error" : "warning") << ": " << d.message << '\n';
    if (!quoted.text.empty()) {
        out << "    " << quoted.text << '\n';
        if (quoted.caret) out << "    " << quoted.indent << "^\n";
    }
    return out.str();
}

std::size_t print(std::ostream& out, const std::vector<Diagnostic>& diagnostics,
                  const SourceLookup& lookup, std::size_t limit) {
    // Over the cap, errors come before warnings: a build stopped by one error among
    // thousands of warnings must still say what the error was.
    const bool capped = diagnostics.size() > limit;
    std::size_t printed = 0, errors_left = 0;
    for (const auto& d : diagnostics) errors_left += d.severity == Severity::Error;
    for (int pass = 0; pass < (capped ? 2 : 1); ++pass) {
        for (const auto& d : diagnostics) {
            if (printed == limit) break;
            if (capped && (pass == 0) != (d.severity == Severity::Error)) continue;
            out << format(d, lookup ? lookup(d.path) : std::string{});
            errors_left -= d.severity == Severity::Error;
            ++printed;
        }
    }
    if (diagnostics.size() > printed) {
        out << "... and " << (diagnostics.size() - printed) << " more problems not shown";
        if (errors_left == 0) out << " (all of them warnings)";
        out << "\n";
    }
    return printed;
}

}  // namespace cp::diag
