#include "reports/periods.hpp"

#include <algorithm>
#include <charconv>
#include <optional>

#include "time/date.hpp"

namespace cp::reports {

namespace {

// A period's first day: 2016-04-01 for "2016-q2", 2016-05-01 for "2016-05"; nothing when the
// text is not a period of that kind.
std::optional<time::Date> first_day(PeriodKind kind, std::string_view period) {
    if (kind == PeriodKind::Month) return time::Date::parse(std::string(period) + "-01");
    int year = 0;
    const char* end = period.data() + std::min<std::size_t>(period.size(), 4);
    if (period.size() != 7 || std::from_chars(period.data(), end, year).ptr != end || period[4] != '-' ||
        period[5] != 'q' || period[6] < '1' || period[6] > '4')
        return std::nullopt;
    return time::Date::from(year, (period[6] - '1') * 3 + 1, 1);
}

// The period that starts on `first`: "2016-q2" or "2016-05".
std::string key_of(PeriodKind kind, const time::Date& first) {
    if (kind == PeriodKind::Month) return first.year_month();
    return first.year_text() + "-q" + std::to_string(first.quarter());
}

}  // namespace

PeriodKind period_kind(const std::string& config_value) {
    return config_value == "month" ? PeriodKind::Month : PeriodKind::Quarter;
}

std::string period_of(PeriodKind kind, const std::string& day) {
    auto d = time::Date::parse_prefix(day);
    return d ? key_of(kind, *d) : std::string{};
}

std::string previous_period(PeriodKind kind, const std::string& period) {
    auto first = first_day(kind, period);
    if (!first) return {};
    unsigned months = kind == PeriodKind::Month ? 1 : 3;
    time::Date before = first->month > months ? time::Date{first->year, first->month - months, 1}
                                              : time::Date{first->year - 1, first->month + 12 - months, 1};
    return key_of(kind, before);
}

std::string period_title(const i18n::Catalog& words, PeriodKind kind, const std::string& period) {
    auto first = first_day(kind, period);
    if (!first) return period;
    if (kind == PeriodKind::Month) return words.month_year(*first);
    return words.format(
        "date.quarter_long",
        {{"from", words.month(first->month)}, {"to", words.month(first->month + 2)}, {"year", first->year_text()}});
}

std::string period_short(const i18n::Catalog& words, PeriodKind kind, const std::string& period) {
    if (kind == PeriodKind::Month) return period_title(words, kind, period);
    auto first = first_day(kind, period);
    return first ? words.quarter(*first) : period;
}

}  // namespace cp::reports
