#pragma once
// /stats/: the community's measures, counted from the filtered site and drawn as charts.
#include <map>
#include <string>
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "time/date.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// The numbers behind the charts, per quarter ("2016 Q3"), oldest first.
struct QuarterlyMeasures {
    std::vector<std::string> quarters;
    std::vector<time::Date> starts;  // each quarter's first day
    std::vector<long> meetings, attendees_total, attendees_distinct, contributors;
};

// Counts meetings, attendees (every attendance, and distinct people) and active
// contributors (distinct people who attended, held a role or wrote a dated note) per
// quarter. Quarters between the first and last are filled with zeros unless the span
// is over a century (then only quarters with something in them are listed).
QuarterlyMeasures measure_quarters(const model::Site& site);

// Notes per domain ("No domain" last) and kind: domain title -> kind -> count.
struct NotesByDomain {
    std::vector<std::string> domains;  // row order
    std::vector<std::string> kinds;    // column order
    std::map<std::string, std::map<std::string, long>> counts;
};
NotesByDomain measure_notes(const links::ResolvedSite& resolved);

// The /stats/ page: each measure as a chart with a title and a description, and its table.
views::HtmlPage stats_page(const links::ResolvedSite& resolved);

}  // namespace cp::indexes
