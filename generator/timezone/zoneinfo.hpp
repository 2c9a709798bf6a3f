#pragma once
// Local meeting times to UTC, from the system's time-zone database (TZif files, RFC 8536),
// read directly: GCC 12 has no std::chrono::tzdb, and setting TZ for localtime_r would be
// global state shared by every thread.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::timezone {

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);

class TimeZone {
public:
    // UTC: offset zero, always.
    static TimeZone utc();
    // Reads zone `name` ("Europe/London") from $TZDIR or /usr/share/zoneinfo. Nothing when the
    // name is not a plain zone name, the file is missing, or it is not a TZif file.
    static std::optional<TimeZone> load(const std::string& name);
    // Parses the bytes of a TZif file (version 1 to 4, with the POSIX-TZ footer of version 2+).
    // Nothing when they are malformed.
    static std::optional<TimeZone> parse(std::string_view bytes);

    // Seconds east of UTC in force at a UTC instant (seconds since the epoch).
    std::int64_t offset_at(std::int64_t utc) const;
    // The UTC instant of a local wall-clock time (seconds since the epoch, as if local were UTC).
    // A time that happens twice (clocks go back) is its first occurrence; a time that never
    // happens (clocks go forward) is read with the offset before the change, as most clocks do.
    std::int64_t to_utc(std::int64_t local) const;

private:
    struct Rule;  // a POSIX TZ string's recurring change, for instants after the last transition
    std::vector<std::int64_t> transitions_;    // UTC instants, ascending
    std::vector<std::int32_t> offsets_after_;  // offset in force from each transition
    std::int32_t initial_offset_ = 0;
    // The footer: standard offset, and (when there is daylight time) its offset and rules.
    bool has_footer_ = false, footer_dst_ = false;
    std::int32_t std_offset_ = 0, dst_offset_ = 0;
    struct Change {
        char kind = 'M';  // 'M' month.week.weekday, 'J' Julian day 1-365, 'n' zero-based day 0-365
        int month = 0, week = 0, weekday = 0, day = 0;
        std::int32_t time = 7200;  // seconds after local midnight
    } dst_start_, dst_end_;
    bool parse_footer(std::string_view tz);
    std::int64_t footer_offset(std::int64_t utc) const;
    std::int64_t change_instant(int year, const Change& c, std::int32_t offset_before) const;
};

}  // namespace cp::timezone
