// The detectors are written out by hand rather than as regular expressions: each form has a
// check a pattern cannot make (the NHS number's check digit, the letters National Insurance
// never allocates, a number's neighbours), and the false alarms matter as much as the finds.
#include "audience/personal_data.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "audience/emails.hpp"
#include "markdown/code_blocks.hpp"

namespace cp::audience {

namespace {

using Span = std::pair<std::size_t, std::size_t>;  // [start, end)

bool digit(char c) { return c >= '0' && c <= '9'; }
bool upper(char c) { return c >= 'A' && c <= 'Z'; }
bool alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// A number may start here: nothing joins it to a word, path, version or reference before it.
bool starts_alone(std::string_view t, std::size_t i) {
    if (i == 0) return true;
    char p = t[i - 1];
    return !alnum(p) && std::string_view("./\\_-@#%&=~^+").find(p) == std::string_view::npos;
}

// A number may end here: nothing joins it to what follows ("1.2.3", "x/07700", "…-12").
bool ends_alone(std::string_view t, std::size_t e) {
    if (e >= t.size()) return true;
    char n = t[e];
    if (alnum(n) || n == '@') return false;
    bool joiner = std::string_view("./-_:").find(n) != std::string_view::npos;
    return !(joiner && e + 1 < t.size() && alnum(t[e + 1]));
}

bool follows_isbn(std::string_view t, std::size_t i) {
    std::size_t from = i > 16 ? i - 16 : 0;
    std::string before;
    for (char c : t.substr(from, i - from)) before.push_back(lower(c));
    return before.find("isbn") != std::string::npos;
}

// Digits from `i`; their end.
std::size_t digits_from(std::string_view t, std::size_t i) {
    while (i < t.size() && digit(t[i])) ++i;
    return i;
}

// An NHS number: modulus 11 over the first nine digits, weights 10 down to 2.
bool nhs_check_digit_valid(const std::string& d) {
    int sum = 0;
    for (int k = 0; k < 9; ++k) sum += (d[static_cast<std::size_t>(k)] - '0') * (10 - k);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    return check != 10 && check == d[9] - '0';
}

std::size_t nhs_number_at(std::string_view t, std::size_t i) {
    std::size_t e = digits_from(t, i);
    std::string d;
    if (e - i == 10) {
        d = std::string(t.substr(i, 10));
    } else if (e - i == 3 && e < t.size() && (t[e] == ' ' || t[e] == '-')) {
        char sep = t[e];
        std::size_t b = digits_from(t, e + 1);
        if (b - e - 1 != 3 || b >= t.size() || t[b] != sep) return 0;
        std::size_t c = digits_from(t, b + 1);
        if (c - b - 1 != 4) return 0;
        d = std::string(t.substr(i, 3)) + std::string(t.substr(e + 1, 3)) + std::string(t.substr(b + 1, 4));
        e = c;
    } else {
        return 0;
    }
    return nhs_check_digit_valid(d) && ends_alone(t, e) ? e : 0;
}

// Digit groups joined by one space or hyphen, from `i`: each group's digit count and end.
struct Group {
    std::size_t digits = 0, end = 0;
};
std::vector<Group> groups_from(std::string_view t, std::size_t i, std::size_t max_groups) {
    std::vector<Group> groups;
    while (groups.size() < max_groups) {
        std::size_t e = digits_from(t, i);
        if (e == i) break;
        groups.push_back({e - i, e});
        if (e + 1 < t.size() && (t[e] == ' ' || t[e] == '-') && digit(t[e + 1]))
            i = e + 1;
        else
            break;
    }
    return groups;
}

// A UK number: 0 and nine or ten more digits; written in groups, the first (the area code,
// maybe in brackets) has three to six digits, and the rest at least two each.
std::size_t uk_phone_at(std::string_view t, std::size_t i) {
    bool bracket = t[i] == '(';
    std::size_t total = 0, first = 0, from = i;
    if (bracket) {
        std::size_t e = digits_from(t, i + 1);
        if (e >= t.size() || t[e] != ')' || e - i - 1 < 3 || e - i - 1 > 6 || t[i + 1] != '0') return 0;
        total = first = e - i - 1;
        from = e + 1 < t.size() && t[e + 1] == ' ' ? e + 2 : e + 1;
        if (from >= t.size() || !digit(t[from])) return 0;
    } else if (t[i] != '0') {
        return 0;
    }
    std::size_t zero = bracket ? i + 1 : i;
    if (zero + 1 >= t.size() || t[zero + 1] == '0') return 0;  // "00": an international prefix
    auto groups = groups_from(t, from, 4);
    if (groups.empty()) return 0;
    if (!bracket) first = groups.front().digits;
    std::size_t best = 0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        total += groups[g].digits;
        bool alone = g == 0 && !bracket;  // written without groups: "07700900123"
        if (!alone && groups[g].digits < 2) break;
        if (total > 11) break;
        bool shape = alone || (first >= 3 && first <= 6);
        if (total >= 10 && shape && ends_alone(t, groups[g].end)) best = groups[g].end;
    }
    return best;
}

// "+CC" and eight to fifteen digits in groups, the trunk "(0)" of "+44 (0)20" allowed.
std::size_t international_phone_at(std::string_view t, std::size_t i) {
    if (t[i] != '+' || i + 1 >= t.size() || !digit(t[i + 1])) return 0;
    std::size_t e = digits_from(t, i + 1);
    std::size_t total = e - i - 1, best = 0;
    std::size_t at = e;
    if (total >= 8 && total <= 15 && ends_alone(t, e)) best = e;
    if (total > 3) return best;  // a long run: the whole number, or none
    for (std::size_t groups = 1; groups < 6; ++groups) {
        if (at + 1 >= t.size() || (t[at] != ' ' && t[at] != '-')) break;
        std::size_t next = at + 1;
        if (t.substr(next, 3) == "(0)") {
            next += 3;
            if (next < t.size() && t[next] == ' ') ++next;
        }
        std::size_t g = digits_from(t, next);
        if (g - next < (groups == 1 ? 1u : 2u)) break;  // Dublin's area code is one digit: +353 1
        total += g - next;
        at = g;
        if (total > 15) break;
        if (total >= 8 && ends_alone(t, at)) best = at;
    }
    return best;
}

// A National Insurance number: two letters HMRC allocates, six digits (maybe in pairs), A-D.
std::size_t ni_number_at(std::string_view t, std::size_t i) {
    if (i + 9 > t.size() || !upper(t[i]) || !upper(t[i + 1])) return 0;
    if (std::string_view("DFIQUV").find(t[i]) != std::string_view::npos) return 0;
    if (std::string_view("DFIOQUV").find(t[i + 1]) != std::string_view::npos) return 0;
    std::string prefix(t.substr(i, 2));
    for (const char* never : {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})
        if (prefix == never) return 0;
    std::size_t at = i + 2;
    for (int pair = 0; pair < 3; ++pair) {
        if (at < t.size() && t[at] == ' ') ++at;
        if (at + 2 > t.size() || !digit(t[at]) || !digit(t[at + 1])) return 0;
        at += 2;
    }
    if (at < t.size() && t[at] == ' ') ++at;
    if (at >= t.size() || t[at] < 'A' || t[at] > 'D') return 0;
    ++at;
    return at >= t.size() || !alnum(t[at]) ? at : 0;
}

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

// A month's name or abbreviation at `i` ("March", "Mar", "Sept"); its end, or 0.
std::size_t month_at(std::string_view t, std::size_t i) {
    if (i + 3 > t.size()) return 0;
    std::string three;
    for (char c : t.substr(i, 3)) three.push_back(lower(c));
    if (std::find(kMonths.begin(), kMonths.end(), three) == kMonths.end()) return 0;
    std::size_t e = i + 3;
    while (e < t.size() && std::isalpha(static_cast<unsigned char>(t[e]))) ++e;
    if (e < t.size() && t[e] == '.') ++e;
    return e;
}

std::size_t spaces_from(std::string_view t, std::size_t i) {
    while (i < t.size() && t[i] == ' ') ++i;
    return i;
}

// A day with its ordinal ("14", "14th"); its end, or 0.
std::size_t day_at(std::string_view t, std::size_t i) {
    std::size_t e = digits_from(t, i);
    if (e == i || e - i > 2) return 0;
    for (std::string_view suffix : {"st", "nd", "rd", "th"})
        if (t.substr(e, 2) == suffix) return e + 2;
    return e;
}

// A date at `i`: 14/03/1962, 14-03-62, 14.03.1962, 1962-03-14, 14 March 1962, 14th of
// March 1962, March 14, 1962; its end, or 0.
std::size_t date_at(std::string_view t, std::size_t i) {
    std::size_t a = digits_from(t, i);
    if (a - i == 4 && a < t.size() && t[a] == '-') {  // 1962-03-14
        std::size_t b = digits_from(t, a + 1);
        if (b - a - 1 != 2 || b >= t.size() || t[b] != '-') return 0;
        std::size_t c = digits_from(t, b + 1);
        return c - b - 1 == 2 ? c : 0;
    }
    if ((a - i == 1 || a - i == 2) && a < t.size() && std::string_view("/.-").find(t[a]) != std::string_view::npos) {
        char sep = t[a];
        std::size_t b = digits_from(t, a + 1);
        if (b - a - 1 < 1 || b - a - 1 > 2 || b >= t.size() || t[b] != sep) return 0;
        std::size_t c = digits_from(t, b + 1);
        return c - b - 1 == 2 || c - b - 1 == 4 ? c : 0;
    }
    auto year_after = [&](std::size_t at) -> std::size_t {
        if (at < t.size() && t[at] == ',') ++at;
        at = spaces_from(t, at);
        std::size_t y = digits_from(t, at);
        return y - at == 4 ? y : 0;
    };
    if (std::size_t d = day_at(t, i)) {  // 14 March 1962
        std::size_t m = spaces_from(t, d);
        if (t.substr(m, 3) == "of ") m = spaces_from(t, m + 3);
        if (m == d) return 0;
        std::size_t me = month_at(t, m);
        return me ? year_after(me) : 0;
    }
    if (std::size_t me = month_at(t, i)) {  // March 14, 1962
        std::size_t d = spaces_from(t, me);
        std::size_t de = d > me ? day_at(t, d) : 0;
        return de ? year_after(de) : 0;
    }
    return 0;
}

// The dates introduced as someone's birth: "DOB: 14/03/1962", "date of birth 14 March 1962",
// "born on 14 March 1962". The date itself is the finding.
void find_dates_of_birth(std::string_view t, std::vector<PersonalMatch>& out) {
    std::string low;
    low.reserve(t.size());
    for (char c : t) low.push_back(lower(c));
    for (std::string_view intro : {"date of birth", "d.o.b.", "d.o.b", "dob", "born on"}) {
        for (std::size_t at = low.find(intro); at != std::string::npos; at = low.find(intro, at + 1)) {
            std::size_t end = at + intro.size();
            if ((at > 0 && alnum(low[at - 1])) || (end < low.size() && alnum(low[end]) && intro.back() != '.'))
                continue;
            std::size_t d = end;
            while (d < t.size() && std::string_view(" \t:=-|*").find(t[d]) != std::string_view::npos) ++d;
            for (std::string_view verb : {"is ", "was "})
                if (low.compare(d, verb.size(), verb) == 0) d = spaces_from(t, d + verb.size());
            bool seen = std::any_of(out.begin(), out.end(), [d](const PersonalMatch& m) { return m.start == d; });
            if (std::size_t e = date_at(t, d); e && !seen) out.push_back({d, e - d, PersonalData::DateOfBirth});
        }
    }
}

// Web addresses and DOIs: numbers in them are paths and identifiers, not someone's.
std::vector<Span> web_addresses(std::string_view t) {
    std::vector<Span> out;
    std::string low;
    for (char c : t) low.push_back(lower(c));
    for (std::string_view start : {"http://", "https://", "ftp://", "www.", "doi:"}) {
        for (std::size_t at = low.find(start); at != std::string::npos; at = low.find(start, at + 1)) {
            std::size_t e = at;
            while (e < t.size() && !std::isspace(static_cast<unsigned char>(t[e])) &&
                   std::string_view("<>\"')]").find(t[e]) == std::string_view::npos)
                ++e;
            out.emplace_back(at, e);
        }
    }
    return out;
}

// Spans of the text already accounted for, merged and sorted, asked about in O(log n).
class Taken {
public:
    explicit Taken(std::vector<Span> spans) {
        std::sort(spans.begin(), spans.end());
        for (const auto& s : spans) {
            if (!spans_.empty() && s.first <= spans_.back().second)
                spans_.back().second = std::max(spans_.back().second, s.second);
            else
                spans_.push_back(s);
        }
    }
    bool holds(std::size_t i) const {
        auto it = std::upper_bound(spans_.begin(), spans_.end(), Span{i, static_cast<std::size_t>(-1)});
        return it != spans_.begin() && i < std::prev(it)->second;
    }

private:
    std::vector<Span> spans_;
};

// Blanks `t[from, to)` with a byte no detector reads as part of anything, keeping offsets.
void blank(std::string& t, std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < t.size(); ++i)
        if (t[i] != '\n') t[i] = '\x01';
}

}  // namespace

namespace {

struct KindNames {
    std::string_view one, many;
};
// In the order of PersonalData.
constexpr std::array<KindNames, kPersonalDataKinds> kNames = {{
    {"an e-mail address", "e-mail addresses"},
    {"a phone number", "phone numbers"},
    {"an NHS number", "NHS numbers"},
    {"a National Insurance number", "National Insurance numbers"},
    {"a date of birth", "dates of birth"},
}};

}  // namespace

std::string_view personal_data_name(PersonalData kind) { return kNames[static_cast<std::size_t>(kind)].one; }

std::string_view personal_data_plural(PersonalData kind) { return kNames[static_cast<std::size_t>(kind)].many; }

std::vector<PersonalMatch> find_personal_data(std::string_view text) {
    std::vector<PersonalMatch> out;
    for (auto [start, length] : find_email_addresses(text)) out.push_back({start, length, PersonalData::Email});
    find_dates_of_birth(text, out);
    std::vector<Span> spans = web_addresses(text);
    for (const auto& m : out) spans.emplace_back(m.start, m.start + m.length);
    Taken taken(std::move(spans));
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (!(digit(c) || c == '+' || c == '(' || upper(c)) || !starts_alone(text, i) || taken.holds(i)) continue;
        PersonalData kind = PersonalData::Phone;
        std::size_t end = 0;
        if (upper(c)) {
            end = ni_number_at(text, i);
            kind = PersonalData::NiNumber;
        } else if (!follows_isbn(text, i)) {
            if (digit(c)) {
                end = nhs_number_at(text, i);
                kind = PersonalData::NhsNumber;
            }
            if (!end) {
                end = c == '+' ? international_phone_at(text, i) : uk_phone_at(text, i);
                kind = PersonalData::Phone;
            }
        }
        if (!end || taken.holds(end - 1)) continue;
        out.push_back({i, end - i, kind});
        i = end - 1;
    }
    std::sort(out.begin(), out.end(), [](const PersonalMatch& a, const PersonalMatch& b) { return a.start < b.start; });
    return out;
}

std::vector<PersonalMatch> find_personal_data_in_markdown(std::string_view body) {
    std::string text(body);
    // Line starts, to blank whole code blocks by their line numbers.
    std::vector<std::size_t> line_start{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') line_start.push_back(i + 1);
    line_start.push_back(text.size());
    for (auto [first, last] : markdown::code_block_lines(body)) {
        auto line = [&](int n) {
            return line_start[std::min(static_cast<std::size_t>(std::max(n, 1)), line_start.size() - 1) - 1];
        };
        blank(text, line(first), line(last + 1));
    }
    for (std::size_t at = text.find("<!--"); at != std::string::npos; at = text.find("<!--", at)) {
        std::size_t end = text.find("-->", at + 4);
        end = end == std::string::npos ? text.size() : end + 3;
        blank(text, at, end);
        at = end;
    }
    // Code spans: a run of backticks to the next run of the same length, within a paragraph.
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '`' || (i > 0 && text[i - 1] == '\\')) {
            ++i;
            continue;
        }
        std::size_t run = i;
        while (run < text.size() && text[run] == '`') ++run;
        std::size_t n = run - i, close = std::string::npos;
        std::size_t paragraph_end = std::min(text.find("\n\n", run), text.size());
        for (std::size_t j = run; j < paragraph_end;) {
            if (text[j] != '`') {
                ++j;
                continue;
            }
            std::size_t k = j;
            while (k < text.size() && text[k] == '`') ++k;
            if (k - j == n) {
                close = k;
                break;
            }
            j = k;
        }
        if (close == std::string::npos) {
            i = run;
            continue;
        }
        blank(text, i, close);
        i = close;
    }
    return find_personal_data(text);
}

}  // namespace cp::audience
