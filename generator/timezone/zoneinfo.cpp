#include "timezone/zoneinfo.hpp"

#include <algorithm>
#include <cstdlib>

#include "text/files.hpp"

namespace cp::timezone {

// Howard Hinnant's civil-calendar algorithms.
std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civil_from_days(std::int64_t z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2));
}

namespace {

std::int64_t be(std::string_view b, std::size_t at, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
    if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A POSIX TZ string, read left to right.
class TzReader {
public:
    explicit TzReader(std::string_view s) : s_(s) {}
    bool at_end() const { return i_ >= s_.size(); }
    char peek() const { return at_end() ? '\0' : s_[i_]; }
    bool take(char c) {
        if (peek() != c) return false;
        ++i_;
        return true;
    }
    bool name() {  // "GMT" or "<+0330>"
        if (take('<')) {
            while (!at_end() && s_[i_] != '>') ++i_;
            return take('>');
        }
        std::size_t start = i_;
        while (!at_end() && std::isalpha(static_cast<unsigned char>(s_[i_]))) ++i_;
        return i_ - start >= 3;
    }
    bool number(int& out) {
        std::size_t start = i_;
        out = 0;
        while (!at_end() && std::isdigit(static_cast<unsigned char>(s_[i_]))) out = out * 10 + (s_[i_++] - '0');
        return i_ > start;
    }
    bool hms(std::int32_t& seconds) {  // [+-]hh[:mm[:ss]]
        int sign = 1;
        if (take('-'))
            sign = -1;
        else
            take('+');
        int h = 0, m = 0, sec = 0;
        if (!number(h)) return false;
        if (take(':')) {
            if (!number(m)) return false;
            if (take(':') && !number(sec)) return false;
        }
        seconds = sign * (h * 3600 + m * 60 + sec);
        return true;
    }

private:
    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

TimeZone TimeZone::utc() { return TimeZone{}; }

std::optional<TimeZone> TimeZone::load(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find("..") != std::string::npos ||
        name.find('\\') != std::string::npos)
        return std::nullopt;
    if (name == "UTC" || name == "Etc/UTC" || name == "GMT") return utc();
    const char* dir = std::getenv("TZDIR");
    auto bytes = text::read_file(std::string(dir && *dir ? dir : "/usr/share/zoneinfo") + "/" + name);
    if (!bytes) return std::nullopt;
    return parse(*bytes);
}

std::optional<TimeZone> TimeZone::parse(std::string_view b) {
    auto header = [&](std::size_t at, std::int64_t counts[6]) -> bool {
        if (b.size() < at + 44 || b.substr(at, 4) != "TZif") return false;
        for (int k = 0; k < 6; ++k) counts[k] = be(b, at + 20 + std::size_t{4} * k, 4);
        for (int k = 0; k < 6; ++k)
            if (counts[k] < 0 || counts[k] > 100000) return false;
        return true;
    };
    std::int64_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    if (!header(0, c)) return std::nullopt;
    const char version = b[4];
    auto block_size = [&](int time_bytes) {
        return c[3] * time_bytes + c[3] + c[4] * 6 + c[5] + c[2] * (time_bytes + 4) + c[1] + c[0];
    };
    std::size_t at = 44;
    int time_bytes = 4;
    if (version >= '2') {
        at += static_cast<std::size_t>(block_size(4));
        if (!header(at, c)) return std::nullopt;
        at += 44;
        time_bytes = 8;
    }
    if (b.size() < at + static_cast<std::size_t>(block_size(time_bytes)) || c[4] == 0) return std::nullopt;
    TimeZone tz;
    const std::size_t times = at, indices = times + c[3] * time_bytes, types = indices + c[3];
    std::vector<std::int32_t> type_offsets;
    std::vector<bool> type_dst;
    for (std::int64_t k = 0; k < c[4]; ++k) {
        type_offsets.push_back(static_cast<std::int32_t>(be(b, types + 6 * k, 4)));
        type_dst.push_back(b[types + 6 * k + 4] != 0);
    }
    for (std::int64_t k = 0; k < c[3]; ++k) {
        unsigned idx = static_cast<unsigned char>(b[indices + k]);
        if (idx >= type_offsets.size()) return std::nullopt;
        tz.transitions_.push_back(be(b, times + k * time_bytes, time_bytes));
        tz.offsets_after_.push_back(type_offsets[idx]);
    }
    if (!std::is_sorted(tz.transitions_.begin(), tz.transitions_.end())) return std::nullopt;
    // Before the first transition: the first standard-time type (RFC 8536 section 3.2).
    tz.initial_offset_ = type_offsets[0];
    for (std::size_t k = 0; k < type_offsets.size(); ++k)
        if (!type_dst[k]) {
            tz.initial_offset_ = type_offsets[k];
            break;
        }
    if (version >= '2') {
        std::size_t footer = at + static_cast<std::size_t>(block_size(8));
        if (footer < b.size() && b[footer] == '\n') {
            std::size_t end = b.find('\n', footer + 1);
            if (end != std::string_view::npos && end > footer + 1 &&
                !tz.parse_footer(b.substr(footer + 1, end - footer - 1)))
                return std::nullopt;
        }
    }
    return tz;
}

bool TimeZone::parse_footer(std::string_view s) {
    TzReader r(s);
    std::int32_t std_west = 0;
    if (!r.name() || !r.hms(std_west)) return false;
    has_footer_ = true;
    std_offset_ = -std_west;  // POSIX offsets count westward
    if (r.at_end()) return true;
    if (!r.name()) return false;
    footer_dst_ = true;
    dst_offset_ = std_offset_ + 3600;
    if (r.peek() != ',') {
        std::int32_t dst_west = 0;
        if (!r.hms(dst_west)) return false;
        dst_offset_ = -dst_west;
    }
    auto change = [&](Change& ch) -> bool {
        if (!r.take(',')) return false;
        if (r.take('M')) {
            ch.kind = 'M';
            if (!r.number(ch.month) || !r.take('.') || !r.number(ch.week) || !r.take('.') || !r.number(ch.weekday))
                return false;
            if (ch.month < 1 || ch.month > 12 || ch.week < 1 || ch.week > 5 || ch.weekday > 6) return false;
        } else if (r.take('J')) {
            ch.kind = 'J';
            if (!r.number(ch.day) || ch.day < 1 || ch.day > 365) return false;
        } else {
            ch.kind = 'n';
            if (!r.number(ch.day) || ch.day > 365) return false;
        }
        ch.time = 7200;
        if (r.take('/') && !r.hms(ch.time)) return false;
        return true;
    };
    return change(dst_start_) && change(dst_end_) && r.at_end();
}

std::int64_t TimeZone::change_instant(int year, const Change& c, std::int32_t offset_before) const {
    std::int64_t day = 0;
    if (c.kind == 'M') {
        std::int64_t first = days_from_civil(year, static_cast<unsigned>(c.month), 1);
        int weekday_of_first = static_cast<int>(((first % 7) + 11) % 7);  // 1970-01-01 was a Thursday (4)
        int delta = (c.weekday - weekday_of_first + 7) % 7;
        day = first + delta + std::int64_t{7} * (c.week - 1);
        static const int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        int length = lengths[c.month - 1] + (c.month == 2 && leap(year));
        while (day - first >= length) day -= 7;  // week 5 means the last such day
    } else if (c.kind == 'J') {
        day = days_from_civil(year, 1, 1) + c.day - 1 + (leap(year) && c.day >= 60);
    } else {
        day = days_from_civil(year, 1, 1) + c.day;
    }
    return day * 86400 + c.time - offset_before;
}

std::int64_t TimeZone::footer_offset(std::int64_t utc) const {
    if (!footer_dst_) return std_offset_;
    int year;
    unsigned m, d;
    civil_from_days((utc + std_offset_) / 86400 - ((utc + std_offset_) % 86400 < 0), year, m, d);
    std::int64_t start = change_instant(year, dst_start_, std_offset_);
    std::int64_t end = change_instant(year, dst_end_, dst_offset_);
    bool dst =
        start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);  // southern summers span new year
    return dst ? dst_offset_ : std_offset_;
}

std::int64_t TimeZone::offset_at(std::int64_t utc) const {
    if (transitions_.empty() || utc < transitions_.front()) {
        if (transitions_.empty() && has_footer_) return footer_offset(utc);
        return initial_offset_;
    }
    auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
    std::size_t k = static_cast<std::size_t>(it - transitions_.begin()) - 1;
    if (k + 1 == transitions_.size() && has_footer_) return footer_offset(utc);
    return offsets_after_[k];
}

std::int64_t TimeZone::to_utc(std::int64_t local) const {
    // The offsets in force a day either side cover any single change of the clocks.
    std::int64_t before = offset_at(local - 86400), after = offset_at(local + 86400);
    std::optional<std::int64_t> best;
    for (std::int64_t off : {before, after}) {
        std::int64_t utc = local - off;
        if (offset_at(utc) == off && (!best || utc < *best)) best = utc;
    }
    return best ? *best : local - before;
}

}  // namespace cp::timezone
