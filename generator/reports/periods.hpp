#pragma once
// The periods a digest covers: quarters ("2016-q2") by default, months ("2016-05") with
// `digest: month` in the config.
#include <string>

#include "i18n/catalog.hpp"

namespace cp::reports {

enum class PeriodKind { Quarter, Month };

// The config's `digest` value ("quarter" or "month") as a kind.
PeriodKind period_kind(const std::string& config_value);

// The period a YYYY-MM-DD day falls in: "2016-q2" or "2016-05"; empty when it is not a date.
std::string period_of(PeriodKind kind, const std::string& day);

// The period just before: "2016-q1" before "2016-q2", "2015-q4" before "2016-q1".
std::string previous_period(PeriodKind kind, const std::string& period);

// "April to June 2016" / "May 2016": a period in words, for headings.
std::string period_title(const i18n::Catalog& words, PeriodKind kind, const std::string& period);

// "2016 Q2" / "May 2016": short, for table columns.
std::string period_short(const i18n::Catalog& words, PeriodKind kind, const std::string& period);

}  // namespace cp::reports
