#include "reports/periods.hpp"

#include <cstdlib>

namespace cp::reports {

namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

}  // namespace

PeriodKind period_kind(const std::string& config_value) {
    return config_value == "month" ? PeriodKind::Month : PeriodKind::Quarter;
}

std::string period_of(PeriodKind kind, const std::string& day) {
    if (day.size() < 7 || day[4] != '-') return {};
    int month = std::atoi(day.substr(5, 2).c_str());
    if (month < 1 || month > 12) return {};
    if (kind == PeriodKind::Month) return day.substr(0, 7);
    return day.substr(0, 4) + "-q" + std::to_string((month - 1) / 3 + 1);
}

std::string previous_period(PeriodKind kind, const std::string& period) {
    int year = std::atoi(period.substr(0, 4).c_str());
    if (kind == PeriodKind::Month) {
        int month = std::atoi(period.substr(5, 2).c_str());
        return month == 1 ? std::to_string(year - 1) + "-12" : period.substr(0, 5) + two_digits(month - 1);
    }
    int q = period.back() - '0';
    return q == 1 ? std::to_string(year - 1) + "-q4" : period.substr(0, 6) + std::to_string(q - 1);
}

std::string period_title(PeriodKind kind, const std::string& period) {
    std::string year = period.substr(0, 4);
    if (kind == PeriodKind::Month) return kMonths[std::atoi(period.substr(5, 2).c_str()) - 1] + (" " + year);
    int q = period.back() - '0';
    return std::string(kMonths[static_cast<std::size_t>(q - 1) * 3]) + " to " +
        kMonths[static_cast<std::size_t>(q - 1) * 3 + 2] + " " + year;
}

std::string period_short(PeriodKind kind, const std::string& period) {
    if (kind == PeriodKind::Month) return period_title(kind, period);
    return period.substr(0, 4) + " Q" + period.substr(6);
}

}  // namespace cp::reports
