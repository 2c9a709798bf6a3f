#include "indexes/timeline.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>

#include "indexes/labels.hpp"
#include "links/urls.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

std::string slug_of_url(const std::string& url) {
    // "/domains/safer-handovers/" -> "safer-handovers"
    if (url.size() < 2) return url;
    std::string s = url.substr(0, url.size() - 1);
    return s.substr(s.rfind('/') + 1);
}

struct TypePage {
    std::string type, path;  // path: the page's address under /timeline/
    // The page's words: timeline.types.PATH.title and .intro in the catalog.
    std::string title(const i18n::Catalog& words) const { return words.text("timeline.types." + path + ".title"); }
    std::string intro(const i18n::Catalog& words) const { return words.text("timeline.types." + path + ".intro"); }
};

const std::vector<TypePage>& type_pages() {
    static const std::vector<TypePage> pages = {{"meeting", "meetings"},
                                                {"note", "notes"},
                                                {"highlight", "highlights"},
                                                {"phase", "phases"},
                                                {"joined", "joined"}};
    return pages;
}

json type_nav(const i18n::Catalog& words, const std::map<std::string, std::size_t>& counts, const std::string& from,
              const std::string& current) {
    json nav = json::array();
    nav.push_back({{"label", words.text("timeline.everything")},
                   {"url", links::relative_url(from, "/timeline/")},
                   {"current", current.empty()},
                   {"count", ""},
                   {"key", ""}});
    for (const auto& t : type_pages()) {
        auto it = counts.find(t.type);
        if (it == counts.end()) continue;
        nav.push_back({{"label", t.title(words)},
                       {"url", links::relative_url(from, "/timeline/" + t.path + "/")},
                       {"current", current == t.type},
                       {"count", std::to_string(it->second)},
                       {"key", t.type}});
    }
    return nav;
}

}  // namespace

std::string entry_type(EntryKind kind) {
    switch (kind) {
        case EntryKind::Meeting:
            return "meeting";
        case EntryKind::Note:
            return "note";
        case EntryKind::Highlight:
            return "highlight";
        case EntryKind::DomainStarted:
        case EntryKind::PhaseChange:
            return "phase";
        case EntryKind::Joined:
            return "joined";
    }
    return "note";
}

std::string entry_key(const model::Site& site, const TimelineEntry& e) {
    const std::string& url = site.pages[e.page].url;
    switch (e.kind) {
        case EntryKind::Meeting:
            return "meeting:" + url;
        case EntryKind::Note:
            return "note:" + url;
        case EntryKind::Highlight:
            return "highlight:" + url + "#" + std::to_string(e.ordinal);
        case EntryKind::DomainStarted:
            return "started:" + url;
        case EntryKind::PhaseChange:
            return "phase:" + url + "#" + std::to_string(e.ordinal);
        case EntryKind::Joined:
            return "joined:" + url;
    }
    return url;
}

std::vector<std::string> entry_domains(const model::Site& site, const TimelineEntry& e) {
    const Page& p = site.pages[e.page];
    if (p.type == PageType::Domain) return {p.url};
    std::vector<std::string> out;
    for (const auto& d : p.domains)
        if (!d.url.empty() && std::find(out.begin(), out.end(), d.url) == out.end()) out.push_back(d.url);
    return out;
}

json entry_json(const model::Site& site, const TimelineEntry& e, const std::string& from) {
    const Page& p = site.pages[e.page];
    std::string type = entry_type(e.kind), label;
    switch (e.kind) {
        case EntryKind::Meeting:
            label = site.words.text("timeline.badges.meeting");
            break;
        case EntryKind::Note:
            label = kind_label(site.words, p.kind);
            break;
        case EntryKind::Highlight:
            label = site.words.text("timeline.badges.highlight");
            break;
        case EntryKind::DomainStarted:
            label = site.words.text("timeline.badges.started");
            break;
        case EntryKind::PhaseChange:
            label = site.words.text("timeline.badges.phase");
            break;
        case EntryKind::Joined:
            label = site.words.text("timeline.badges.joined");
            break;
    }
    json domains = json::array();
    std::string keys;
    if (p.type == PageType::Domain) {
        domains.push_back(
            views::object_of("label", p.title, "url", links::relative_url(from, p.url), "linked", true, "last", true));
        keys = slug_of_url(p.url);
    } else {
        domains = views::refs_json(p.domains, from);
        for (const auto& d : p.domains)
            if (!d.url.empty()) keys += (keys.empty() ? "" : " ") + slug_of_url(d.url);
    }
    json entry = views::object_of(
        "key", entry_key(site, e), "date", e.date.iso(), "date_human", site.words.date(e.date), "type", std::move(type),
        "type_label", std::move(label), "title", e.title, "url", links::relative_url(from, p.url), "context",
        e.kind == EntryKind::Highlight ? site.words.format("timeline.at", {{"title", p.title}}) : std::string{},
        "summary", e.kind == EntryKind::Meeting || e.kind == EntryKind::Note ? p.summary : std::string{}, "domains",
        std::move(domains), "domain_keys", std::move(keys), "recording", e.recording);
    views::flag_lists(entry);
    return entry;
}

json by_year_and_month(const model::Site& site, const std::vector<const TimelineEntry*>& entries,
                       const std::string& from) {
    json years = json::array();
    for (const TimelineEntry* e : entries) {
        std::string year = e->date.year_text(), month = e->date.year_month();
        if (years.empty() || years.back()["year"] != year)
            years.push_back({{"year", year}, {"anchor", "y" + year}, {"count", 0}, {"months", json::array()}});
        json& y = years.back();
        json& months = y["months"];
        if (months.empty() || months.back()["key"] != month)
            months.push_back({{"key", month},
                              {"name", site.words.month_year(e->date)},
                              {"anchor", "m" + month},
                              {"count", 0},
                              {"items", json::array()}});
        months.back()["items"].push_back(entry_json(site, *e, from));
        months.back()["count"] = months.back()["count"].get<int>() + 1;
        y["count"] = y["count"].get<int>() + 1;
    }
    // Counts as text: the theme shows them as they are.
    for (auto& y : years) {
        y["count"] = std::to_string(y["count"].get<int>());
        for (auto& m : y["months"]) m["count"] = std::to_string(m["count"].get<int>());
    }
    return years;
}

namespace {

using Entries = std::vector<const TimelineEntry*>;

// The timeline's entries, all of them and grouped as its pages show them.
struct Groups {
    Entries all;
    std::map<std::string, Entries> by_type, by_year;
    std::map<std::string, std::size_t> type_counts;
};

Groups group_entries(const std::vector<TimelineEntry>& entries) {
    Groups g;
    for (const auto& e : entries) {
        g.all.push_back(&e);
        g.by_type[entry_type(e.kind)].push_back(&e);
        g.by_year[e.date.year_text()].push_back(&e);
        ++g.type_counts[entry_type(e.kind)];
    }
    return g;
}

// Every timeline page has the same "by domain" way in (the domains with entries, whose own
// pages hold their timelines); only its links' base differs.
class DomainNav {
public:
    DomainNav(const links::ResolvedSite& resolved, const std::vector<TimelineEntry>& entries) {
        std::map<std::string, std::size_t> counts;
        for (const auto& e : entries)
            for (const auto& d : entry_domains(resolved.site(), e)) ++counts[d];
        for (const auto& [url, n] : counts)
            if (const Page* d = resolved.index().by_url(url)) domains_.emplace_back(d, n);
    }
    json operator()(const std::string& from) const {
        json nav = json::array();
        for (const auto& [d, n] : domains_)
            nav.push_back({{"label", d->title},
                           {"url", links::relative_url(from, d->url + "#timeline")},
                           {"count", std::to_string(n)},
                           {"key", slug_of_url(d->url)}});
        std::stable_sort(nav.begin(), nav.end(), [](const json& a, const json& b) { return a["label"] < b["label"]; });
        return nav;
    }

private:
    std::vector<std::pair<const Page*, std::size_t>> domains_;
};

// The years, newest first, as the split timeline's first page lists them: each year's page,
// and each month's name, count and anchor on it (entries are in date order).
json year_index(const i18n::Catalog& words, const std::map<std::string, Entries>& by_year, const std::string& url) {
    json years = json::array();
    for (auto it = by_year.rbegin(); it != by_year.rend(); ++it) {
        std::string year_url = "/timeline/" + it->first + "/";
        json months = json::array();
        std::size_t first = 0;
        const auto& year_entries = it->second;
        for (std::size_t k = 1; k <= year_entries.size(); ++k) {
            const time::Date& day = year_entries[first]->date;
            if (k < year_entries.size() && year_entries[k]->date.month == day.month) continue;
            std::string month = day.year_month();
            months.push_back({{"name", words.month_year(day)},
                              {"count", std::to_string(k - first)},
                              {"url", links::relative_url(url, year_url + "#m" + month)}});
            first = k;
        }
        years.push_back({{"year", it->first},
                         {"url", links::relative_url(url, year_url)},
                         {"count", std::to_string(it->second.size())},
                         {"count_text", words.plural("timeline.entries", long(it->second.size()))},
                         {"months", months}});
    }
    return years;
}

// /timeline/: every entry, or, when they are too many for one page (split), the years.
views::HtmlPage timeline_home(const model::Site& site, const Timeline& shared, const Groups& g,
                              const DomainNav& domain_nav, bool split) {
    return views::lazy_page(
        "/timeline/", "timeline", "the timeline",
        [&site, shared, all = g.all, by_year = g.by_year, type_counts = g.type_counts, domain_nav, split] {
            const std::string url = "/timeline/";
            const i18n::Catalog& words = site.words;
            json ctx = views::page_frame(site, url, words.text("timeline.title"));
            json t = {{"title", words.text("timeline.title")},
                      {"intro", words.text("timeline.intro")},
                      {"count", std::to_string(shared->size())},
                      {"count_text", words.plural("timeline.entries", long(shared->size()))},
                      {"types", type_nav(words, type_counts, url, "")},
                      {"domains", domain_nav(url)},
                      {"split", split},
                      {"filterable", !split}};
            if (split) {
                t["year_index"] = year_index(words, by_year, url);
            } else {
                t["years"] = by_year_and_month(site, all, url);
            }
            views::flag_lists(t);
            ctx["timeline"] = std::move(t);
            return ctx;
        });
}

// /timeline/YYYY/: one year's entries, with links to the years before and after.
void add_year_pages(const model::Site& site, const Timeline& shared, const Groups& g, const DomainNav& domain_nav,
                    std::vector<views::HtmlPage>& out) {
    const auto& by_year = g.by_year;
    for (auto it = by_year.begin(); it != by_year.end(); ++it) {
        const std::string url = "/timeline/" + it->first + "/";
        std::optional<std::string> prev, next;
        if (it != by_year.begin()) prev = std::prev(it)->first;
        if (auto n = std::next(it); n != by_year.end()) next = n->first;
        out.push_back(views::lazy_page(
            url, "timeline", "the timeline of " + it->first,
            [&site, shared, url, year = it->first, year_entries = it->second, prev, next, type_counts = g.type_counts,
             domain_nav] {
                const i18n::Catalog& words = site.words;
                const std::string title = words.format("timeline.of", {{"what", year}});
                json ctx = views::page_frame(site, url, title);
                json t = {{"title", title},
                          {"count", std::to_string(year_entries.size())},
                          {"count_text", words.plural("timeline.entries", long(year_entries.size()))},
                          {"types", type_nav(words, type_counts, url, "")},
                          {"domains", domain_nav(url)},
                          {"filterable", true},
                          {"years", by_year_and_month(site, year_entries, url)},
                          {"all_url", links::relative_url(url, "/timeline/")}};
                json pager = json::object();
                if (prev)
                    pager["prev"] = {{"url", links::relative_url(url, "/timeline/" + *prev + "/")}, {"title", *prev}};
                if (next)
                    pager["next"] = {{"url", links::relative_url(url, "/timeline/" + *next + "/")}, {"title", *next}};
                if (!pager.empty()) t["year_pager"] = std::move(pager);
                views::flag_lists(t);
                ctx["timeline"] = std::move(t);
                return ctx;
            }));
    }
}

// /timeline/meetings/ and the other kinds' pages: the entries of one kind.
void add_type_pages(const model::Site& site, const Timeline& shared, const Groups& g, const DomainNav& domain_nav,
                    std::vector<views::HtmlPage>& out) {
    for (const auto& tp : type_pages()) {
        auto it = g.by_type.find(tp.type);
        if (it == g.by_type.end()) continue;
        const std::string url = "/timeline/" + tp.path + "/";
        out.push_back(views::lazy_page(
            url, "timeline", "the timeline of " + tp.path,
            [&site, shared, url, tp, typed = it->second, type_counts = g.type_counts, domain_nav] {
                const i18n::Catalog& words = site.words;
                const std::string title = words.format("timeline.of", {{"what", tp.title(words)}});
                json ctx = views::page_frame(site, url, title);
                ctx["timeline"] = {{"title", title},
                                   {"intro", tp.intro(words)},
                                   {"count", std::to_string(typed.size())},
                                   {"count_text", words.plural("timeline.entries", long(typed.size()))},
                                   {"types", type_nav(words, type_counts, url, tp.type)},
                                   {"domains", domain_nav(url)},
                                   {"filterable", true},
                                   {"years", by_year_and_month(site, typed, url)},
                                   {"all_url", links::relative_url(url, "/timeline/")}};
                views::flag_lists(ctx["timeline"]);
                return ctx;
            }));
    }
}

}  // namespace

std::vector<views::HtmlPage> timeline_pages(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const Timeline& shared = resolved.timeline();
    // The pages' contexts are made when each is rendered (views::lazy_page): they share the entries.
    const std::vector<TimelineEntry>& entries = *shared;
    const Groups groups = group_entries(entries);
    const DomainNav domain_nav(resolved, entries);
    const bool split = entries.size() > kTimelineYearPagesAbove;
    std::vector<views::HtmlPage> out;
    out.push_back(timeline_home(site, shared, groups, domain_nav, split));
    if (split) add_year_pages(site, shared, groups, domain_nav, out);
    add_type_pages(site, shared, groups, domain_nav, out);
    return out;
}

}  // namespace cp::indexes
