#include "frontmatter/split.hpp"

#include <cstdint>
#include <cstring>

namespace cp::frontmatter {

namespace {

// True when every byte is ASCII and none is NUL, checked eight bytes at a time: nearly every
// file is, and then no byte needs decoding (and no position is needed).
bool plain_ascii(std::string_view s) {
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL, kOnes = 0x0101010101010101ULL;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        if ((w & kHigh) || ((w - kOnes) & ~w & kHigh)) return false;  // a high bit, or a zero byte
    }
    for (; i < s.size(); ++i)
        if (s[i] == 0 || (static_cast<unsigned char>(s[i]) & 0x80)) return false;
    return true;
}

}  // namespace

std::optional<std::pair<int, int>> find_invalid_utf8(std::string_view s) {
    if (plain_ascii(s)) return std::nullopt;
    int line = 1, column = 1;
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = 0;
        if (c == 0) return std::pair{line, column};
        if (c < 0x80)
            len = 1;
        else if ((c >> 5) == 0x6 && c >= 0xC2)
            len = 2;
        else if ((c >> 4) == 0xE)
            len = 3;
        else if ((c >> 3) == 0x1E && c <= 0xF4)
            len = 4;
        else
            return std::pair{line, column};
        if (i + len > s.size()) return std::pair{line, column};
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return std::pair{line, column};
        if (len == 3) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return std::pair{line, column};
        } else if (len == 4) {
            auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return std::pair{line, column};
        }
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            column += static_cast<int>(len);  // columns count bytes; the printer shows characters
        }
        i += len;
    }
    return std::nullopt;
}

namespace {

// The 1-based line and byte column of byte `offset`.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            line++;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

std::string normalise(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find('\r') == std::string_view::npos) return std::string(text);
    // Every line ending a file may use (CRLF, and a lone CR as old Macs wrote), becomes LF:
    // a fence must be found whatever the editor saved, or the page's visibility is lost.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        out.push_back(text[i] == '\r' ? '\n' : text[i]);
    }
    return out;
}

// The line without its trailing spaces, for comparing with a fence.
std::string_view trimmed_line(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::optional<SplitFile> split(std::string_view raw, const std::string& path, diag::Sink& sink) {
    if (auto nul = raw.find('\0'); nul != std::string_view::npos) {
        auto [line, column] = position_of(raw, nul);
        sink.error(path, line, column, "file holds a NUL byte: it is binary, not Markdown text");
        return std::nullopt;
    }
    if (auto bad = find_invalid_utf8(raw)) {
        sink.error(path, bad->first, bad->second, "file is not valid UTF-8 text: save it as UTF-8");
        return std::nullopt;
    }
    std::string text = normalise(raw);
    SplitFile result;
    std::size_t first_end = text.find('\n');
    std::string_view first = trimmed_line(std::string_view(text).substr(0, first_end));
    if (first != "---") {
        result.body = std::move(text);
        result.body_first_line = 1;
        return result;
    }
    // Look for the closing fence, line by line.
    std::size_t pos = first_end == std::string::npos ? text.size() : first_end + 1;
    int line = 2;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::string_view l =
            trimmed_line(std::string_view(text).substr(pos, end == std::string::npos ? std::string::npos : end - pos));
        if (l == "---" || l == "...") {
            result.has_front_matter = true;
            result.yaml = text.substr(first_end + 1, pos - first_end - 1);
            result.yaml_first_line = 2;
            result.body = end == std::string::npos ? std::string{} : text.substr(end + 1);
            result.body_first_line = line + 1;
            return result;
        }
        if (end == std::string::npos) break;
        pos = end + 1;
        ++line;
    }
    sink.error(path, 1, 1, "front matter is not closed: the first line is '---' but no line '---' or '...' ends it");
    return std::nullopt;
}

}  // namespace cp::frontmatter
