#include "model/timeline.hpp"

#include <algorithm>

namespace cp::model {

namespace {

int kind_order(EntryKind k) { return static_cast<int>(k); }

}  // namespace

std::vector<TimelineEntry> collect_timeline(const model::Site& site, const std::vector<bool>& recorded) {
    std::vector<TimelineEntry> out;
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        const bool recording = i < recorded.size() && recorded[i];
        switch (p.type) {
            case PageType::Meeting: {
                auto day = time::Date::parse_prefix(p.date);
                if (!day) break;
                out.push_back({*day, EntryKind::Meeting, i, 0, p.title, recording});
                for (std::size_t h = 0; h < p.highlights.size(); ++h)
                    out.push_back({*day, EntryKind::Highlight, i, h, p.highlights[h]});
                break;
            }
            case PageType::Note:
                if (auto day = time::Date::parse_prefix(p.date))
                    out.push_back({*day, EntryKind::Note, i, 0, p.title, recording});
                break;
            case PageType::Domain:
                if (auto day = time::Date::parse_prefix(p.started))
                    out.push_back({*day, EntryKind::DomainStarted, i, 0, p.title + " starts"});
                for (std::size_t h = 0; h < p.phases.size(); ++h)
                    if (auto day = time::Date::parse_prefix(p.phases[h].since))
                        out.push_back({*day, EntryKind::PhaseChange, i, h,
                                       p.title + " enters the " + p.phases[h].phase + " phase"});
                break;
            case PageType::Person:
                if (auto day = time::Date::parse_prefix(p.joined))
                    out.push_back({*day, EntryKind::Joined, i, 0, p.title + " joins"});
                break;
            case PageType::Page:
                break;
        }
    }
    // Newest first; on one day, in the order things happen at a meeting, then by title.
    // The entries' numbers are sorted, then each entry moved once: an entry holds strings.
    std::vector<std::size_t> order(out.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const TimelineEntry &a = out[x], &b = out[y];
        if (a.date != b.date) return a.date > b.date;
        if (a.kind != b.kind) return kind_order(a.kind) < kind_order(b.kind);
        if (a.page != b.page) {
            const Page &pa = site.pages[a.page], &pb = site.pages[b.page];
            if (int c = pa.title.compare(pb.title)) return c < 0;
            return pa.url < pb.url;
        }
        if (a.ordinal != b.ordinal) return a.ordinal < b.ordinal;
        return x < y;
    });
    std::vector<TimelineEntry> sorted;
    sorted.reserve(out.size());
    for (std::size_t k : order) sorted.push_back(std::move(out[k]));
    return sorted;
}

Timeline shared_timeline(const model::Site& site, const std::vector<bool>& recorded) {
    return std::make_shared<const std::vector<TimelineEntry>>(collect_timeline(site, recorded));
}

}  // namespace cp::model
