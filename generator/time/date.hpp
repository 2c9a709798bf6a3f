#pragma once
// A calendar day. The memory writes days as YYYY-MM-DD text (front matter, file names, git's
// author days); they are read into numbers once, here, so no other code cuts date text.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace cp::time {

struct Date {
    int year = 1970;  // 0 to 9999: the text has four digits
    unsigned month = 1, day = 1;

    // A real calendar day written exactly YYYY-MM-DD (2016-02-29, not 2015-02-29, 2016-2-29
    // or 2016-02-29T10:00); nothing for anything else.
    static std::optional<Date> parse(std::string_view text);
    // The day written in the first ten characters, whatever follows: a date-time's day
    // ("2016-03-02T14:30:00+01:00"), a file name's date ("2016-03-02-sync").
    static std::optional<Date> parse_prefix(std::string_view text);
    // The day of these numbers, when there is one (no 30 February).
    static std::optional<Date> from(int year, int month, int day);

    std::string iso() const;                                  // "2016-03-02"
    std::string year_month() const;                           // "2016-03"
    std::string year_text() const;                            // "2016"
    unsigned quarter() const { return (month - 1) / 3 + 1; }  // 1 to 4
    std::string human() const;                                // "2 March 2016"
    std::string month_and_year() const;                       // "March 2016"
    std::string quarter_label() const;                        // "2016 Q1"

    friend auto operator<=>(const Date&, const Date&) = default;
};

// "January" for 1 ... "December" for 12.
std::string_view month_name(unsigned month);

}  // namespace cp::time
