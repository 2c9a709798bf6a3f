#pragma once
// The timeline: every dated thing in the memory (meetings, notes, meeting highlights,
// domain starts and phase changes, people joining), gathered in one pass, newest first.
#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

enum class EntryKind { Meeting, Note, Highlight, DomainStarted, PhaseChange, Joined };

struct TimelineEntry {
    std::string date;  // YYYY-MM-DD
    EntryKind kind = EntryKind::Meeting;
    std::size_t page = 0;     // index into site.pages of the page it comes from
    std::size_t ordinal = 0;  // which highlight or phase change of that page
    std::string title;        // what the timeline shows
};

// Every dated entry of the (filtered) site, newest first, ties in a fixed order.
// Entries whose date is not a YYYY-MM-DD date are left out (they have no place in time).
std::vector<TimelineEntry> collect_timeline(const model::Site& site);

// The timeline made once and shared by everything that shows it (its pages, each domain's
// page): collecting and sorting every entry is one of the larger passes at 50,000 notes.
using Timeline = std::shared_ptr<const std::vector<TimelineEntry>>;
Timeline shared_timeline(const model::Site& site);

// "meeting", "note", "highlight", "phase", "joined": the filter key of a kind
// (a domain's start counts as a phase: it is the first one).
std::string entry_type(EntryKind kind);

// A stable name for an entry, unique in the timeline: "highlight:/meetings/x/#2".
std::string entry_key(const model::Site& site, const TimelineEntry& entry);

// The site-absolute URLs of the domains an entry belongs to (a domain's own entries: itself).
std::vector<std::string> entry_domains(const model::Site& site, const TimelineEntry& entry);

// One entry as the templates see it: {key, date, date_human, type, type_label, title, url,
// context, domains, domain_keys}, its links relative to `from_url`.
nlohmann::json entry_json(const model::Site& site, const TimelineEntry& entry, const std::string& from_url);

// Entries (already newest first) as years [{year, anchor, count, months: [{name, anchor,
// count, items}]}], for the page at `from_url`.
nlohmann::json by_year_and_month(const model::Site& site, const std::vector<const TimelineEntry*>& entries,
                                 const std::string& from_url);

// /timeline/, a page per year when the history is long, and a page per type of entry.
std::vector<views::HtmlPage> timeline_pages(const model::Site& site, const Timeline& timeline);

// Above this many entries, /timeline/ lists the years and each year gets its own page.
inline constexpr std::size_t kTimelineYearPagesAbove = 400;

}  // namespace cp::indexes
