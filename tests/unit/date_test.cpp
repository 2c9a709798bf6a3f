#include <catch2/catch.hpp>

#include "time/date.hpp"

using cp::time::Date;

TEST_CASE("a date is read only when written YYYY-MM-DD and real", "[time]") {
    auto d = Date::parse("2016-03-02");
    REQUIRE(d);
    CHECK(d->year == 2016);
    CHECK(d->month == 3u);
    CHECK(d->day == 2u);
    CHECK(Date::parse("2016-02-29"));
    CHECK(Date::parse("2000-02-29"));
    CHECK(Date::parse("0000-01-01"));
    CHECK(Date::parse("9999-12-31"));
    CHECK_FALSE(Date::parse("2015-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK_FALSE(Date::parse("2024-02-30"));
    CHECK_FALSE(Date::parse("2016-04-31"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-00-10"));
    CHECK_FALSE(Date::parse("2024-01-00"));
    CHECK_FALSE(Date::parse("2024-1-5"));
    CHECK_FALSE(Date::parse("2024-01-5"));
    CHECK_FALSE(Date::parse("24-01-05"));
    CHECK_FALSE(Date::parse(""));
    CHECK_FALSE(Date::parse("someday"));
    CHECK_FALSE(Date::parse("2024/01/05"));
    CHECK_FALSE(Date::parse("2024-01-05 "));
    CHECK_FALSE(Date::parse(" 2024-01-05"));
    CHECK_FALSE(Date::parse("2024-01-05T10:00"));
    CHECK_FALSE(Date::parse("+202-01-05"));
    CHECK_FALSE(Date::parse("2024-0a-05"));
}

TEST_CASE("a date-time's or a file name's day is its first ten characters", "[time]") {
    CHECK(Date::parse_prefix("2016-03-02T14:30:00+01:00") == Date{2016, 3, 2});
    CHECK(Date::parse_prefix("2016-03-02-sync") == Date{2016, 3, 2});
    CHECK(Date::parse_prefix("2016-03-02") == Date{2016, 3, 2});
    CHECK_FALSE(Date::parse_prefix("2016-03"));
    CHECK_FALSE(Date::parse_prefix(""));
    CHECK_FALSE(Date::parse_prefix("2016-02-30T10:00"));
}

TEST_CASE("a date from numbers exists only when the calendar has it", "[time]") {
    CHECK(Date::from(2019, 3, 14) == Date{2019, 3, 14});
    CHECK_FALSE(Date::from(2019, 2, 29));
    CHECK_FALSE(Date::from(2019, 13, 1));
    CHECK_FALSE(Date::from(2019, 0, 1));
    CHECK_FALSE(Date::from(-1, 1, 1));
    CHECK_FALSE(Date::from(10000, 1, 1));
}

TEST_CASE("dates order by year, then month, then day", "[time]") {
    CHECK(Date{2015, 12, 31} < Date{2016, 1, 1});
    CHECK(Date{2016, 1, 31} < Date{2016, 2, 1});
    CHECK(Date{2016, 2, 1} < Date{2016, 2, 2});
    CHECK(Date{2016, 2, 2} == Date{2016, 2, 2});
    CHECK(Date{2016, 2, 2} >= Date{2016, 2, 2});
    CHECK_FALSE(Date{2016, 10, 1} < Date{2016, 9, 30});  // the text's order too: "2016-10" after "2016-09"
}

TEST_CASE("a date written back and in words", "[time]") {
    Date d{2017, 11, 3};
    CHECK(d.iso() == "2017-11-03");
    CHECK(d.year_month() == "2017-11");
    CHECK(d.year_text() == "2017");
    CHECK(Date{987, 1, 5}.iso() == "0987-01-05");  // four digits, as it was written
    CHECK(d.quarter() == 4u);
    CHECK(Date{2017, 1, 1}.quarter() == 1u);
    CHECK(Date{2017, 3, 31}.quarter() == 1u);
    CHECK(Date{2017, 4, 1}.quarter() == 2u);
    CHECK(d.human() == "3 November 2017");
    CHECK(Date{2016, 3, 12}.human() == "12 March 2016");
    CHECK(d.month_and_year() == "November 2017");
    CHECK(d.quarter_label() == "2017 Q4");
    CHECK(cp::time::month_name(1) == "January");
    CHECK(cp::time::month_name(12) == "December");
    CHECK(cp::time::month_name(0).empty());
    CHECK(cp::time::month_name(13).empty());
    for (const char* text : {"2016-02-29", "0001-01-01", "2024-12-31"}) CHECK(Date::parse(text)->iso() == text);
}
