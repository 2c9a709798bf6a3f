#include "model/path_date.hpp"

#include <array>
#include <cctype>
#include <optional>
#include <vector>

#include "time/date.hpp"

namespace cp::model {

namespace {

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (c == '-' || c == '_' || c == '.' || c == ' ' || c == ',') {
            if (!word.empty()) out.push_back(std::move(word));
            word.clear();
        } else {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

bool all_digits(const std::string& s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool plausible_year(int y) { return y >= 1900 && y <= 2199; }

std::optional<int> year_of(const std::string& w) {
    if (w.size() != 4 || !all_digits(w)) return std::nullopt;
    int y = std::stoi(w);
    return plausible_year(y) ? std::optional<int>(y) : std::nullopt;
}

std::optional<int> month_name(const std::string& w) {
    static const std::array<const char*, 12> names = {"january",   "february", "march",    "april",
                                                      "may",       "june",     "july",     "august",
                                                      "september", "october",  "november", "december"};
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string full = names[i];
        if (w == full || (w.size() == 3 && full.compare(0, 3, w) == 0) || (i == 8 && w == "sept"))
            return static_cast<int>(i) + 1;
    }
    return std::nullopt;
}

std::optional<int> small_number(const std::string& w, int max) {
    if (w.empty() || w.size() > 2 || !all_digits(w)) return std::nullopt;
    int n = std::stoi(w);
    return n >= 1 && n <= max ? std::optional<int>(n) : std::nullopt;
}

std::optional<int> month_of(const std::string& w) {
    if (auto n = month_name(w)) return n;
    return small_number(w, 12);
}

std::optional<int> day_of_month(const std::string& w) {
    // "14th", "1st": ordinals, as people write them
    if (w.size() > 2 &&
        (w.compare(w.size() - 2, 2, "st") == 0 || w.compare(w.size() - 2, 2, "nd") == 0 ||
         w.compare(w.size() - 2, 2, "rd") == 0 || w.compare(w.size() - 2, 2, "th") == 0))
        return small_number(w.substr(0, w.size() - 2), 31);
    return small_number(w, 31);
}

std::string format(int y, int m, int d) {
    auto day = time::Date::from(y, m, d);
    return day ? day->iso() : std::string{};
}

// The words of `words` left once [from, from + count) is taken out, joined with '-'.
std::string rest_of(const std::vector<std::string>& words, std::size_t from, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i >= from && i < from + count) continue;
        out += (out.empty() ? "" : "-") + words[i];
    }
    return out;
}

// A whole date among the name's words: 2019-03-14, 20190314, 14-march-2019, march-14-2019.
std::optional<PathDate> full_date_in(const std::vector<std::string>& w) {
    for (std::size_t i = 0; i < w.size(); ++i) {
        if (w[i].size() == 8 && all_digits(w[i])) {
            int n = std::stoi(w[i]);  // YYYYMMDD
            std::string d = format(n / 10000, n / 100 % 100, n % 100);
            if (!d.empty() && plausible_year(n / 10000)) return PathDate{d, true, rest_of(w, i, 1)};
        }
        if (i + 2 >= w.size()) continue;
        if (auto y = year_of(w[i])) {
            auto m = month_of(w[i + 1]);
            auto d = day_of_month(w[i + 2]);
            if (m && d) {
                std::string s = format(*y, *m, *d);
                if (!s.empty()) return PathDate{s, true, rest_of(w, i, 3)};
            }
        }
        if (auto y = year_of(w[i + 2])) {
            std::optional<int> m = month_name(w[i + 1]), d = m ? day_of_month(w[i]) : std::nullopt;  // 14-march-2019
            if (!(m && d)) {                                                                         // march-14-2019
                m = month_name(w[i]);
                d = m ? day_of_month(w[i + 1]) : std::nullopt;
            }
            if (m && d) {
                std::string s = format(*y, *m, *d);
                if (!s.empty()) return PathDate{s, true, rest_of(w, i, 3)};
            }
        }
    }
    return std::nullopt;
}

}  // namespace

PathDate date_from_path(std::string_view path) {
    if (path.size() > 3 && path.substr(path.size() - 3) == ".md") path.remove_suffix(3);
    auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    std::string_view folders = slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
    std::vector<std::string> words = words_of(name);
    if (auto full = full_date_in(words)) return *full;

    // The folders' words, in order ("2024-07" gives 2024, 07).
    std::vector<std::string> above;
    for (std::size_t start = 0; start < folders.size();) {
        std::size_t end = folders.find('/', start);
        if (end == std::string_view::npos) end = folders.size();
        for (auto& w : words_of(folders.substr(start, end - start))) above.push_back(std::move(w));
        start = end + 1;
    }
    std::optional<int> year;
    std::size_t year_at = 0;
    for (std::size_t i = 0; i < above.size(); ++i)
        if (auto y = year_of(above[i])) {
            year = y;
            year_at = i;
        }
    if (!year || words.empty()) return {};
    // The name starts with a month and a day (july-29, 03-14, 29-july): the year is a folder's.
    if (words.size() >= 2) {
        std::optional<int> m = month_of(words[0]), d = m ? day_of_month(words[1]) : std::nullopt;
        if (!(m && d)) {
            d = day_of_month(words[0]);
            m = d ? month_name(words[1]) : std::nullopt;
        }
        if (m && d) {
            std::string s = format(*year, *m, *d);
            if (!s.empty()) return PathDate{s, false, rest_of(words, 0, 2)};
        }
    }
    // The name starts with the day (14.md, 14-sync.md): year and month are the last folders'.
    if (year_at + 1 < above.size()) {
        auto m = month_of(above[year_at + 1]);
        auto d = day_of_month(words[0]);
        if (m && d && year_at + 2 == above.size()) {
            std::string s = format(*year, *m, *d);
            if (!s.empty()) return PathDate{s, false, rest_of(words, 0, 1)};
        }
    }
    return {};
}

}  // namespace cp::model
