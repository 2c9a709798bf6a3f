#pragma once
// The timeline's pages and entries as templates see them; the entries themselves are
// model/timeline.hpp's, gathered once.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "model/timeline.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

using model::collect_timeline;
using model::EntryKind;
using model::shared_timeline;
using model::Timeline;
using model::TimelineEntry;

// "meeting", "note", "highlight", "phase", "joined": the filter key of a kind
// (a domain's start counts as a phase: it is the first one).
std::string entry_type(EntryKind kind);

// A stable name for an entry, unique in the timeline: "highlight:/meetings/x/#2".
std::string entry_key(const model::Site& site, const TimelineEntry& entry);

// The site-absolute URLs of the domains an entry belongs to (a domain's own entries: itself).
std::vector<std::string> entry_domains(const model::Site& site, const TimelineEntry& entry);

// One entry as the templates see it: {key, date, date_human, type, type_label, title, url,
// context, domains, domain_keys, recording}, its links relative to `from_url`.
nlohmann::json entry_json(const model::Site& site, const TimelineEntry& entry, const std::string& from_url);

// Entries (already newest first) as years [{year, anchor, count, months: [{name, anchor,
// count, items}]}], for the page at `from_url`.
nlohmann::json by_year_and_month(const model::Site& site, const std::vector<const TimelineEntry*>& entries,
                                 const std::string& from_url);

// /timeline/, a page per year when the history is long, and a page per type of entry.
std::vector<views::HtmlPage> timeline_pages(const links::ResolvedSite& resolved);

// Above this many entries, /timeline/ lists the years and each year gets its own page.
inline constexpr std::size_t kTimelineYearPagesAbove = 400;

}  // namespace cp::indexes
