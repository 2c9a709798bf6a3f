#pragma once
// /meetings.ics: every meeting as an iCalendar event (RFC 5545).
#include <string>

#include "diag/diagnostic.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// The calendar of the (filtered) site's meetings. A meeting with a time is written in UTC,
// converted from the config's timezone; one without is an all-day event. When the zone is
// not in the system's zoneinfo, times are written as floating local times and the sink gets
// a warning. DTSTAMP is the build's reference date, so the file is deterministic.
views::RawFile calendar_file(const model::Site& site, diag::Sink& sink);

// One iCalendar content line, TEXT-escaped value included, folded at 75 octets (never inside
// a UTF-8 character) and ended with CRLF.
std::string ics_line(const std::string& name, const std::string& value, bool escape = true);

}  // namespace cp::indexes
