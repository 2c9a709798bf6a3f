#pragma once
// The timeline: every dated thing in the memory (meetings, notes, meeting highlights,
// domain starts and phase changes, people joining), gathered in one pass, newest first.
// Made once by the links step (links::ResolvedSite) and read by every page that shows it.
#include <memory>
#include <string>
#include <vector>

#include "model/site.hpp"
#include "time/date.hpp"

namespace cp::model {

enum class EntryKind { Meeting, Note, Highlight, DomainStarted, PhaseChange, Joined };

struct TimelineEntry {
    time::Date date;
    EntryKind kind = EntryKind::Meeting;
    std::size_t page = 0;     // index into site.pages of the page it comes from
    std::size_t ordinal = 0;  // which highlight or phase change of that page
    std::string title;        // what the timeline shows
    bool recording = false;   // a meeting's or note's page plays a recording
};

// Every dated entry of the (filtered) site, newest first, ties in a fixed order.
// Entries without a real day (YYYY-MM-DD, or a date-time's day) are left out: they have no place in time.
// `recorded[i]`, when given, says that site.pages[i] plays a recording (its body shows a player).
std::vector<TimelineEntry> collect_timeline(const model::Site& site, const std::vector<bool>& recorded = {});

// The timeline made once and shared by everything that shows it (its pages, each domain's
// page): collecting and sorting every entry is one of the larger passes at 50,000 notes.
using Timeline = std::shared_ptr<const std::vector<TimelineEntry>>;
Timeline shared_timeline(const model::Site& site, const std::vector<bool>& recorded = {});

}  // namespace cp::model
