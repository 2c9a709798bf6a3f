#include "indexes/calendar.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>

#include "time/date.hpp"
#include "timezone/zoneinfo.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;

namespace {

std::string escape_text(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case ';':
                out += "\\;";
                break;
            case ',':
                out += "\\,";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                break;
            default:
                if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') out += c;  // other controls are not allowed
        }
    }
    return out;
}

bool digits(const std::string& s, std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

// Days since the epoch of a date's (or date-time's) day, or nothing.
std::optional<std::int64_t> day_number(const std::string& date) {
    auto d = time::Date::parse_prefix(date);
    if (!d) return std::nullopt;
    return timezone::days_from_civil(d->year, d->month, d->day);
}

// Seconds after midnight of "HH:MM", or nothing.
std::optional<std::int64_t> clock_time(const std::string& t) {
    auto colon = t.find(':');
    if (colon == std::string::npos || colon == 0 || colon > 2 || !digits(t, colon + 1, 2)) return std::nullopt;
    int h = std::stoi(t.substr(0, colon)), m = std::stoi(t.substr(colon + 1, 2));
    if (h > 23 || m > 59) return std::nullopt;
    return h * 3600 + m * 60;
}

std::string ics_date(std::int64_t days) {
    int y;
    unsigned m, d;
    timezone::civil_from_days(days, y, m, d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", y, m, d);
    return buf;
}

std::string ics_date_time(std::int64_t seconds, bool utc) {
    std::int64_t days = seconds / 86400 - (seconds % 86400 < 0);
    std::int64_t rest = seconds - days * 86400;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d%02d%02d", static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
    return ics_date(days) + buf + (utc ? "Z" : "");
}

// "https://example.org/safer-care/" -> "example.org/safer-care": the part of a UID that
// tells this site's meetings from another's.
std::string uid_domain(const std::string& base_url) {
    auto scheme = base_url.find("://");
    if (scheme == std::string::npos) return "commonplace.invalid";
    std::string rest = base_url.substr(scheme + 3);
    while (!rest.empty() && rest.back() == '/') rest.pop_back();
    return rest.empty() ? "commonplace.invalid" : rest;
}

std::string absolute(const std::string& base_url, const std::string& url) {
    std::string base = base_url.empty() ? "/" : base_url;
    if (base.back() != '/') base += '/';
    return base + url.substr(1);
}

}  // namespace

std::string ics_line(const std::string& name, const std::string& value, bool escape) {
    std::string line = name + ":" + (escape ? escape_text(value) : value);
    std::string out;
    std::size_t start = 0, limit = 75;  // octets on the first line; 74 after the leading space
    while (line.size() - start > limit) {
        std::size_t end = start + limit;
        while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
        out += line.substr(start, end - start) + "\r\n ";
        start = end;
        limit = 74;
    }
    return out + line.substr(start) + "\r\n";
}

views::RawFile calendar_file(const model::Site& site, diag::Sink& sink) {
    const auto& config = site.config;
    std::optional<timezone::TimeZone> zone = timezone::TimeZone::load(config.timezone);
    std::vector<const Page*> meetings;
    for (const auto& p : site.pages)
        if (p.type == PageType::Meeting && day_number(p.date)) meetings.push_back(&p);
    std::sort(meetings.begin(), meetings.end(), [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date < b->date;
        return a->url < b->url;
    });
    bool timed =
        std::any_of(meetings.begin(), meetings.end(), [](const Page* p) { return clock_time(p->time).has_value(); });
    if (!zone && timed)
        sink.warning("commonplace.yaml", 0, 0,
                     "timezone '" + config.timezone +
                         "' is not in the system's zoneinfo: meeting times in meetings.ics "
                         "are written as floating local times");

    const std::string stamp = ics_date_time(day_number(site.reference_date).value_or(0) * 86400, true);
    const std::string domain = uid_domain(config.base_url);
    // The language of the calendar's text, said where iCalendar allows (RFC 5545's LANGUAGE
    // parameter); English, the site's default, is left unsaid, as before.
    const std::string lang = config.language.empty() || config.language == "en" ? "" : ";LANGUAGE=" + config.language;
    std::string out = "BEGIN:VCALENDAR\r\n";
    out += ics_line("VERSION", "2.0", false);
    out += ics_line("PRODID", "-//Commonplace//Community memory//EN", false);
    out += ics_line("CALSCALE", "GREGORIAN", false);
    out += ics_line("METHOD", "PUBLISH", false);
    out += ics_line("X-WR-CALNAME", site.words.format("calendar.name", {{"title", config.title}}));
    out += ics_line("X-WR-TIMEZONE", config.timezone);
    for (const Page* m : meetings) {
        std::int64_t day = *day_number(m->date);
        out += "BEGIN:VEVENT\r\n";
        out += ics_line("UID", "meeting-" + m->slug + "@" + domain);
        out += ics_line("DTSTAMP", stamp, false);
        auto start = clock_time(m->time);
        if (!start) {
            out += ics_line("DTSTART;VALUE=DATE", ics_date(day), false);
            out += ics_line("DTEND;VALUE=DATE", ics_date(day + 1), false);
        } else {
            std::int64_t local_start = day * 86400 + *start;
            auto write = [&](const std::string& name, std::int64_t local) {
                if (zone)
                    out += ics_line(name, ics_date_time(zone->to_utc(local), true), false);
                else
                    out += ics_line(name, ics_date_time(local, false), false);
            };
            write("DTSTART", local_start);
            if (auto end = clock_time(m->end_time)) {
                std::int64_t local_end = day * 86400 + *end;
                if (local_end <= local_start) local_end += 86400;  // ends after midnight
                write("DTEND", local_end);
            }
        }
        out += ics_line("SUMMARY" + lang, m->title);
        if (!m->location.empty()) out += ics_line("LOCATION" + lang, m->location);
        std::string url = absolute(config.base_url, m->url);
        std::string description = m->summary;
        if (!m->series.empty())
            description = site.words.format("calendar.series", {{"series", m->series}}) +
                (description.empty() ? "" : "\n\n" + description);
        out += ics_line("DESCRIPTION" + lang, description.empty() ? url : description + "\n\n" + url);
        if (url.find("://") != std::string::npos) out += ics_line("URL", url, false);
        if (!m->tags.empty()) {
            std::string categories;
            for (const auto& t : m->tags) categories += (categories.empty() ? "" : ",") + escape_text(t);
            out += ics_line("CATEGORIES", categories, false);
        }
        out += "END:VEVENT\r\n";
    }
    out += "END:VCALENDAR\r\n";
    return {"meetings.ics", out, "the calendar of meetings"};
}

}  // namespace cp::indexes
