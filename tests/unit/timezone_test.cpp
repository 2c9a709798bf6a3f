// The time-zone reader: civil dates, POSIX-TZ rules, TZif files from the system's zoneinfo.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "timezone/zoneinfo.hpp"

using namespace cp::timezone;

namespace {

// Seconds since the epoch of a UTC (or local-as-if-UTC) date and time.
std::int64_t at(int y, unsigned m, unsigned d, int hh, int mm) {
    return days_from_civil(y, m, d) * 86400 + hh * 3600 + mm * 60;
}

// A TZif version 2 file with no transitions: the zone is its POSIX-TZ footer alone.
std::string footer_only_tzif(const std::string& footer, std::int32_t std_offset) {
    auto header = [](std::string& out) {
        out += "TZif2";
        out += std::string(15, '\0');
        for (int count : {0, 0, 0, 0, 1, 4}) {  // isut, isstd, leap, time, type, char
            out += std::string(3, '\0');
            out += static_cast<char>(count);
        }
    };
    auto type = [&](std::string& out) {
        for (int shift : {24, 16, 8, 0})
            out += static_cast<char>((static_cast<std::uint32_t>(std_offset) >> shift) & 0xFF);
        out += '\0';  // not daylight time
        out += '\0';  // designation index
        out += std::string("STD\0", 4);
    };
    std::string out;
    header(out);
    type(out);
    header(out);
    type(out);
    return out + "\n" + footer + "\n";
}

}  // namespace

TEST_CASE("civil dates convert to days and back", "[timezone]") {
    CHECK(days_from_civil(1970, 1, 1) == 0);
    CHECK(days_from_civil(2000, 3, 1) == 11017);
    CHECK(days_from_civil(1969, 12, 31) == -1);
    for (std::int64_t d : {-800000, -1, 0, 59, 11016, 17000, 2932896}) {
        int y;
        unsigned m, day;
        civil_from_days(d, y, m, day);
        CHECK(days_from_civil(y, m, day) == d);
    }
}

TEST_CASE("a POSIX-TZ rule gives local times in UTC, across both changes of the clocks", "[timezone]") {
    auto london = TimeZone::parse(footer_only_tzif("GMT0BST,M3.5.0/1,M10.5.0", 0));
    REQUIRE(london);
    CHECK(london->to_utc(at(2016, 1, 21, 18, 0)) == at(2016, 1, 21, 18, 0));
    CHECK(london->to_utc(at(2016, 7, 7, 10, 0)) == at(2016, 7, 7, 9, 0));
    // 27 March 2016: clocks go forward at 01:00 GMT; 01:30 never happens, read as GMT.
    CHECK(london->to_utc(at(2016, 3, 27, 0, 59)) == at(2016, 3, 27, 0, 59));
    CHECK(london->to_utc(at(2016, 3, 27, 1, 30)) == at(2016, 3, 27, 1, 30));
    CHECK(london->to_utc(at(2016, 3, 27, 2, 30)) == at(2016, 3, 27, 1, 30));
    // 30 October 2016: 01:30 happens twice; the first is in summer time.
    CHECK(london->to_utc(at(2016, 10, 30, 1, 30)) == at(2016, 10, 30, 0, 30));
    CHECK(london->to_utc(at(2016, 10, 30, 2, 30)) == at(2016, 10, 30, 2, 30));
    CHECK(london->offset_at(at(2017, 6, 22, 9, 0)) == 3600);

    // Southern summer spans the new year.
    auto sydney = TimeZone::parse(footer_only_tzif("AEST-10AEDT,M10.1.0,M4.1.0/3", 36000));
    REQUIRE(sydney);
    CHECK(sydney->to_utc(at(2016, 1, 15, 12, 0)) == at(2016, 1, 15, 1, 0));
    CHECK(sydney->to_utc(at(2016, 7, 15, 12, 0)) == at(2016, 7, 15, 2, 0));
    // Half-hour zones with no daylight time, named in <>.
    auto kolkata = TimeZone::parse(footer_only_tzif("<+0530>-5:30", 19800));
    REQUIRE(kolkata);
    CHECK(kolkata->to_utc(at(2016, 7, 7, 10, 0)) == at(2016, 7, 7, 4, 30));
}

TEST_CASE("the system's zoneinfo is read, and bad names or bytes are refused", "[timezone]") {
    auto london = TimeZone::load("Europe/London");
    REQUIRE(london);  // tzdata is a dependency of the build machine
    CHECK(london->to_utc(at(2017, 6, 22, 10, 0)) == at(2017, 6, 22, 9, 0));
    CHECK(london->to_utc(at(2015, 3, 12, 13, 30)) == at(2015, 3, 12, 13, 30));
    CHECK(london->to_utc(at(2060, 7, 1, 12, 0)) == at(2060, 7, 1, 11, 0));  // past the file's transitions
    auto new_york = TimeZone::load("America/New_York");
    REQUIRE(new_york);
    CHECK(new_york->to_utc(at(2016, 7, 4, 9, 0)) == at(2016, 7, 4, 13, 0));
    CHECK(new_york->to_utc(at(2016, 12, 4, 9, 0)) == at(2016, 12, 4, 14, 0));
    CHECK(TimeZone::load("UTC")->offset_at(at(2016, 7, 4, 9, 0)) == 0);
    CHECK_FALSE(TimeZone::load("../../etc/passwd"));
    CHECK_FALSE(TimeZone::load("/etc/localtime"));
    CHECK_FALSE(TimeZone::load("Nowhere/Atlantis"));
    CHECK_FALSE(TimeZone::parse("TZif2 but far too short"));
    CHECK_FALSE(TimeZone::parse(footer_only_tzif("GMT0BST,M13.5.0,M10.5.0", 0)));
    CHECK_FALSE(TimeZone::parse(std::string(200, 'x')));
}
