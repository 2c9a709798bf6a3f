#include "diag/printer.hpp"

#include <cstdint>
#include <sstream>
#include <vector>

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
    std::size_t len = c < 0x80          ? 1
        : (c >> 5) == 0x6 && c >= 0xC2  ? 2
        : (c >> 4) == 0xE               ? 3
        : (c >> 3) == 0x1E && c <= 0xF4 ? 4
                                        : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
    return len;
}

// The code point of the valid UTF-8 sequence of `len` bytes at `i`.
std::uint32_t code_point(std::string_view s, std::size_t i, std::size_t len) {
    auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    return cp;
}

// How many terminal cells a character takes: two for East Asian wide and full-width ones
// and emoji, none for a combining mark, else one (as wcwidth counts, without the locale).
int cells_of(std::uint32_t cp) {
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
        (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
}

// A line made safe to print: control bytes and broken UTF-8 become '?' (a terminal would
// garble them). A line longer than kMaxQuoted bytes is quoted around the column, cut at
// character boundaries and marked "…" where cut, so the caret shows at any column.
// `byte_column` is turned into a character column in the same pass, so the caret and the
// printed number count what a person sees.
struct Quoted {
    std::string text;
    int column = 0;      // 1-based, in characters; 0 when the column is not at a character
    std::string indent;  // what goes before the caret: tabs kept, wide characters two cells
    bool caret = false;  // the column falls inside the quoted part
};

Quoted quote(std::string_view line, int byte_column) {
    struct Char {
        std::size_t byte, length;  // length 0: a byte that starts no valid sequence
    };
    std::vector<Char> chars;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t len = utf8_length(line, i);
        chars.push_back({i, len});
        i += len ? len : 1;
    }
    Quoted q;
    // The character the column points at (chars.size(): just past the end, an unclosed bracket).
    std::size_t at = chars.size() + 1;
    for (std::size_t k = 0; k <= chars.size(); ++k) {
        std::size_t byte = k < chars.size() ? chars[k].byte : line.size();
        if (static_cast<int>(byte) + 1 == byte_column) at = k;
    }
    if (at <= chars.size()) q.column = static_cast<int>(at) + 1;
    auto shown = [&](const Char& c) { return c.length ? c.length : 1; };
    // The part quoted: from the start, unless the column lies beyond what fits; then from
    // half the room before it.
    std::size_t first = 0;
    if (at <= chars.size() && (at == chars.size() ? line.size() : chars[at].byte) + 8 > kMaxQuoted) {
        first = at;
        for (std::size_t room = kMaxQuoted / 2; first > 0 && shown(chars[first - 1]) <= room; --first)
            room -= shown(chars[first - 1]);
    }
    std::size_t last = first, used = 0;
    while (last < chars.size() && used + shown(chars[last]) <= kMaxQuoted) used += shown(chars[last++]);
    if (first > 0) {
        q.text = "…";
        q.indent = " ";
    }
    for (std::size_t k = first; k < last; ++k) {
        const Char& c = chars[k];
        char byte = line[c.byte];
        bool control = c.length == 1 && ((static_cast<unsigned char>(byte) < 0x20 && byte != '\t') || byte == 0x7F);
        if (c.length == 0 || control)
            q.text.push_back('?');
        else
            q.text.append(line.substr(c.byte, c.length));
        if (k < at) {
            int cells = c.length == 0 || control ? 1 : cells_of(code_point(line, c.byte, c.length));
            if (byte == '\t')
                q.indent.push_back('\t');
            else
                q.indent.append(static_cast<std::size_t>(cells), ' ');
        }
    }
    if (last < chars.size()) q.text += "…";
    q.caret = at >= first && (at < last || (at == chars.size() && last == chars.size()));
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

std::vector<std::size_t> printed(const std::vector<Diagnostic>& diagnostics, std::size_t limit) {
    // Over the cap, errors come before warnings: a build stopped by one error among
    // thousands of warnings must still say what the error was.
    const bool capped = diagnostics.size() > limit;
    std::vector<std::size_t> out;
    for (int pass = 0; pass < (capped ? 2 : 1); ++pass)
        for (std::size_t i = 0; i < diagnostics.size() && out.size() < limit; ++i)
            if (!capped || (pass == 0) == (diagnostics[i].severity == Severity::Error)) out.push_back(i);
    return out;
}

std::size_t print(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceLookup& lookup,
                  std::size_t limit) {
    std::vector<std::size_t> shown = printed(diagnostics, limit);
    std::size_t errors_left = 0;
    for (const auto& d : diagnostics) errors_left += d.severity == Severity::Error;
    for (std::size_t i : shown) {
        const Diagnostic& d = diagnostics[i];
        out << format(d, lookup ? lookup(d.path) : std::string{});
        errors_left -= d.severity == Severity::Error;
    }
    if (diagnostics.size() > shown.size()) {
        out << "... and " << (diagnostics.size() - shown.size()) << " more problems not shown";
        if (errors_left == 0) out << " (all of them warnings)";
        out << "\n";
    }
    return shown.size();
}

}  // namespace cp::diag
