#include "minutes/names.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "text/strings.hpp"
#include "time/date.hpp"

namespace cp::minutes {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_handle_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.'; }

// The text with what is not part of a name blanked out, offsets kept: parentheses, brackets and
// angle brackets (with what they hold), and e-mail addresses, which must never reach a page.
std::string set_aside(std::string_view text) {
    std::string out(text);
    int depth = 0;
    for (char& c : out) {
        bool open = c == '(' || c == '[' || c == '<', close = c == ')' || c == ']' || c == '>';
        if (open) ++depth;
        if (depth > 0) c = ' ';
        if (close && depth > 0) --depth;
    }
    for (std::size_t at = out.find('@'); at != std::string::npos; at = out.find('@', at + 1)) {
        if (at == 0 || is_space(out[at - 1])) continue;  // a handle, not an address
        std::size_t start = at, end = at;
        while (start > 0 && !is_space(out[start - 1]) && out[start - 1] != ',' && out[start - 1] != ';') --start;
        while (end < out.size() && !is_space(out[end]) && out[end] != ',' && out[end] != ';') ++end;
        std::fill(out.begin() + static_cast<long>(start), out.begin() + static_cast<long>(end), ' ');
    }
    return out;
}

// Takes the first "@handle" out of `text` (blanking it), or gives empty; `where` is set to its offset.
std::string take_handle(std::string& text, std::size_t* where = nullptr) {
    for (std::size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + 1)) {
        if (at > 0 && !is_space(text[at - 1])) continue;
        std::size_t end = at + 1;
        while (end < text.size() && is_handle_char(text[end])) ++end;
        std::string handle = text.substr(at + 1, end - at - 1);
        while (!handle.empty() && (handle.back() == '.' || handle.back() == '-')) handle.pop_back();
        if (handle.empty()) continue;
        std::fill(text.begin() + static_cast<long>(at), text.begin() + static_cast<long>(end), ' ');
        if (where) *where = at;
        return handle;
    }
    return {};
}

bool is_trimmed(char c) {
    return is_space(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '*' || c == '_' || c == '"' ||
        c == '\'' || c == '`' || c == '!' || c == '?';
}

bool is_placeholder(const std::string& name) {
    static const std::array<const char*, 12> words = {"none", "n/a", "na", "nobody", "no one", "tbd",
                                                      "tba",  "-",   "--", "...",    "all",    "everyone"};
    std::string l = text::lower(name);
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return l == w; });
}

// One written name from `part` (already set aside), which starts at `offset` in the line.
// `item` cuts at a comma too: a list item holds one person and what follows is about them.
// `prose` is set when the part is too long to be a name: the line is a sentence, not a list.
std::optional<WrittenName> clean(std::string part, std::size_t offset, bool item, bool* prose = nullptr) {
    WrittenName out;
    std::size_t handle_at = 0;
    out.handle = take_handle(part, &handle_at);
    for (const char* cut : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | ", ": ", ", "}) {
        if (!item && std::string_view(cut) == ", ") continue;
        if (auto at = part.find(cut); at != std::string::npos) part.erase(at);
    }
    std::size_t start = 0, end = part.size();
    while (start < end && is_trimmed(part[start])) ++start;
    while (end > start && is_trimmed(part[end - 1])) --end;
    for (const char* lead : {"and ", "& "})
        if (text::lower(part.substr(start, end - start)).rfind(lead, 0) == 0) {
            start += std::string_view(lead).size();
            while (start < end && is_trimmed(part[start])) ++start;
        }
    std::string name;  // runs of spaces left by what was set aside become one
    for (std::size_t i = start; i < end; ++i)
        if (!is_space(part[i]) || (!name.empty() && name.back() != ' ')) name += is_space(part[i]) ? ' ' : part[i];
    long words = 1 + std::count(name.begin(), name.end(), ' ');
    bool letters = std::any_of(name.begin(), name.end(),
                               [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80); });
    bool too_long = words > 5 || name.size() > 60;
    if (too_long && prose) *prose = true;
    if (name.empty() || !letters || is_placeholder(name) || too_long) name.clear();
    if (name.empty() && out.handle.empty()) return std::nullopt;
    out.name = std::move(name);
    out.at = offset + (out.name.empty() ? handle_at : start);
    return out;
}

// Where a separator between two names starts at `i`, and how long it is; 0 when none does.
std::size_t separator_at(std::string_view s, std::size_t i) {
    if (s[i] == ',' || s[i] == ';') return 1;
    if (s[i] != ' ') return 0;
    if (s.size() - i >= 5 && text::lower(s.substr(i, 5)) == " and ") return 5;
    // Other languages' "and", lower-case only: "Ana y Luis", "Anna und Lukas".
    for (std::string_view conj : {" & ", " + ", " y ", " e ", " et ", " und ", " en ", " og ", " och "})
        if (s.substr(i, conj.size()) == conj) return conj.size();
    return 0;
}

}  // namespace

std::vector<WrittenName> names_in_line(std::string_view text) {
    std::string blank = set_aside(text);
    std::vector<WrittenName> out;
    std::size_t start = 0;
    bool prose = false;
    for (std::size_t i = 0; i <= blank.size(); ++i) {
        std::size_t sep = i == blank.size() ? 1 : separator_at(blank, i);
        if (sep == 0) continue;
        if (auto name = clean(blank.substr(start, i - start), start, false, &prose)) out.push_back(std::move(*name));
        start = i + sep;
        i = start - 1;
    }
    if (prose) out.clear();  // "everyone who came last time and then some": a sentence, not names
    return out;
}

std::optional<WrittenName> name_of_item(std::string_view text) { return clean(set_aside(text), 0, true); }

std::string due_date_in(std::string_view text) {
    auto digits = [&](std::size_t at, std::size_t n) {
        for (std::size_t i = at; i < at + n; ++i)
            if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
        return true;
    };
    for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
        if (!(digits(i, 4) && text[i + 4] == '-' && digits(i + 5, 2) && text[i + 7] == '-' && digits(i + 8, 2)))
            continue;
        if ((i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) || digits(i + 10, 1)) continue;
        if (!time::Date::parse(text.substr(i, 10))) continue;  // a real day: no 30 February, as in front matter
        // The word before it must say it is a deadline.
        std::size_t end = i;
        while (end > 0 && (is_space(text[end - 1]) || text[end - 1] == ':' || text[end - 1] == '(')) --end;
        std::size_t start = end;
        while (start > 0 && std::isalpha(static_cast<unsigned char>(text[start - 1]))) --start;
        std::string word = text::lower(text.substr(start, end - start));
        if (word == "by" || word == "due" || word == "before" || word == "until" || word == "deadline" || word == "on")
            return std::string(text.substr(i, 10));
    }
    return {};
}

std::optional<WrittenName> owner_in(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && is_space(text[start])) ++start;
    if (start < text.size() && text[start] == '@') {
        std::string rest(text.substr(start));
        std::string handle = take_handle(rest);
        if (!handle.empty()) return WrittenName{{}, handle, start};
    }
    std::string l = text::lower(text);
    std::size_t to = l.find(" to ", start);
    if (to == std::string::npos || to - start > 60) return std::nullopt;
    std::string_view who = text.substr(start, to - start);
    // Up to four words, each a name's (capitalised, or "and"), before "to".
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < who.size();) {
        std::size_t e = who.find(' ', i);
        if (e == std::string_view::npos) e = who.size();
        if (e > i) words.push_back(who.substr(i, e - i));
        i = e + 1;
    }
    if (words.empty() || words.size() > 4) return std::nullopt;
    std::size_t keep = 0;  // the words of the first owner
    for (auto w : words) {
        if (w == "and" || w == "&") break;
        bool comma = w.back() == ',';
        if (comma) w.remove_suffix(1);
        if (w.empty() || !(std::isupper(static_cast<unsigned char>(w.front())) || (w.front() & 0x80)))
            return std::nullopt;
        ++keep;
        if (comma) break;
    }
    static const std::array<const char*, 40> imperatives = {
        "need",   "needs",     "try",      "want",      "wants",   "add",      "move",   "talk",
        "reply",  "respond",   "go",       "write",     "send",    "reach",    "get",    "link",
        "point",  "switch",    "migrate",  "return",    "forward", "post",     "submit", "propose",
        "invite", "introduce", "refer",    "report",    "speak",   "explain",  "agree",  "continue",
        "plan",   "remember",  "everyone", "everybody", "someone", "somebody", "we",     "all"};
    std::string first = text::lower(words.front());
    if (!first.empty() && first.back() == ',') first.pop_back();
    if (std::any_of(imperatives.begin(), imperatives.end(), [&](const char* w) { return first == w; }) ||
        first == "they" || first == "i" || first == "team")
        return std::nullopt;
    std::string name;
    for (std::size_t i = 0; i < keep; ++i) name += (i ? " " : "") + std::string(words[i]);
    if (!name.empty() && name.back() == ',') name.pop_back();
    return WrittenName{name, {}, start};
}

}  // namespace cp::minutes
