#include "time/date.hpp"

#include <array>

namespace cp::time {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};

// The number written in text[from, from + n), or -1 when a character is not a digit.
int digits(std::string_view text, std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t i = from; i < from + n; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

// `n` in at least `width` digits, zeros in front: "03" for 3.
std::string padded(unsigned n, std::size_t width) {
    std::string out = std::to_string(n);
    if (out.size() < width) out.insert(0, width - out.size(), '0');
    return out;
}

}  // namespace

std::optional<Date> Date::from(int year, int month, int day) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 0 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > days[month - 1] + (month == 2 && leap ? 1 : 0)) return std::nullopt;
    return Date{year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int y = digits(text, 0, 4), m = digits(text, 5, 2), d = digits(text, 8, 2);
    if (y < 0 || m < 0 || d < 0) return std::nullopt;
    return from(y, m, d);
}

std::optional<Date> Date::parse_prefix(std::string_view text) {
    return text.size() < 10 ? std::nullopt : parse(text.substr(0, 10));
}

std::string Date::iso() const { return year_month() + "-" + padded(day, 2); }

std::string Date::year_month() const { return year_text() + "-" + padded(month, 2); }

std::string Date::year_text() const { return padded(static_cast<unsigned>(year), 4); }

std::string Date::human() const {
    // Every list entry shows one: built in one string.
    std::string out = std::to_string(day);
    out.reserve(20);
    out += ' ';
    out += month_name(month);
    out += ' ';
    out += year_text();
    return out;
}

std::string Date::month_and_year() const { return std::string(month_name(month)) + " " + year_text(); }

std::string Date::quarter_label() const { return year_text() + " Q" + std::to_string(quarter()); }

std::string_view month_name(unsigned month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : ""; }

}  // namespace cp::time
