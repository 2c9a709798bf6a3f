#include "indexes/lists.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "indexes/labels.hpp"
#include "links/urls.hpp"
#include "model/slug.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

std::vector<const Page*> of_type(const model::Site& site, PageType type) {
    std::vector<const Page*> out;
    for (const auto& p : site.pages)
        if (p.type == type) out.push_back(&p);
    return out;
}

// Newest first; undated last; ties by title so the order never depends on the file system.
void sort_by_date_desc(std::vector<const Page*>& pages) {
    std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date > b->date;
        return a->title < b->title;
    });
}

void sort_by_title(std::vector<const Page*>& pages) {
    std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) { return a->title < b->title; });
}

json grouped(const model::Site& site, const std::vector<const Page*>& pages, const std::string& from,
             const std::function<std::string(const Page&)>& key, bool newest_group_first) {
    std::map<std::string, json> groups;
    for (const Page* p : pages) {
        auto& g = groups[key(*p)];
        if (g.is_null()) g = json::array();
        g.push_back(views::page_link(site.words, *p, from));
    }
    json out = json::array();
    auto add = [&](const std::string& name, json& items) {
        std::string shown = name.empty() ? site.words.text("lists.undated") : name;
        std::string count = std::to_string(items.size());
        out.push_back(views::object_of("name", shown, "anchor", "g-" + model::slugify(shown), "count", std::move(count),
                                       "items", std::move(items)));
    };
    if (newest_group_first)
        for (auto it = groups.rbegin(); it != groups.rend(); ++it) add(it->first, it->second);
    else
        for (auto& [name, items] : groups) add(name, items);
    return out;
}

// "Who knows what": each area of expertise (compared case-insensitively, shown as first
// written) with the people who can help with it. `people` is sorted by title.
json expertise_index(const std::vector<const Page*>& people, const std::string& from) {
    struct Area {
        std::string name;
        std::vector<model::Ref> people;
    };
    std::map<std::string, Area> areas;
    for (const Page* p : people)
        for (const auto& e : p->expertise) {
            Area& area = areas[text::lower(e)];
            if (area.name.empty()) area.name = e;
            if (area.people.empty() || area.people.back().url != p->url)
                area.people.push_back({p->slug, 0, 0, p->url, p->title});
        }
    json out = json::array();
    std::map<std::string, int> anchors;  // two areas may slugify alike: ids must stay unique
    for (const auto& [key, area] : areas) {
        std::string anchor = "knows-" + model::slugify(key);
        if (int n = ++anchors[anchor]; n > 1) anchor += "-" + std::to_string(n);
        out.push_back(
            views::object_of("name", area.name, "anchor", anchor, "people", views::refs_json(area.people, from)));
    }
    return out;
}

// Who came to meetings with no profile to link to (names the minutes or front matter wrote),
// each with how many meetings they came to, by name: so the people index lists everyone who attended.
json attended_without_profile(const model::Site& site) {
    std::map<std::string, std::pair<std::string, long>> by_key;  // lower-cased label -> label, meetings
    for (const Page& p : site.pages) {
        if (p.type != PageType::Meeting) continue;
        std::set<std::string> seen;
        for (const auto& a : p.attendees) {
            if (!a.url.empty() || site.hidden_people.count(a.text))
                continue;  // a profile, or one this build leaves out
            std::string label = a.label.empty() ? a.text : a.label, key = text::lower(label);
            if (!seen.insert(key).second) continue;
            auto& entry = by_key.try_emplace(key, label, 0).first->second;
            ++entry.second;
        }
    }
    json out = json::array();
    for (const auto& [key, entry] : by_key)
        out.push_back({{"name", entry.first},
                       {"meetings", std::to_string(entry.second)},
                       {"meetings_text", site.words.plural("counts.meetings", entry.second)}});
    return out;
}

// /domains/: each domain with its phase, conveners and how much it holds.
json domains_list(const model::Site& site) {
    const std::string url = "/domains/";
    auto domains = of_type(site, PageType::Domain);
    sort_by_title(domains);
    std::map<std::string, int> meetings, notes;
    for (const auto& p : site.pages)
        for (const auto& d : p.domains) {
            if (p.type == PageType::Meeting) ++meetings[d.url];
            if (p.type == PageType::Note) ++notes[d.url];
        }
    json items = json::array();
    for (const Page* d : domains) {
        json item = views::page_link(site.words, *d, url);
        item["phase"] = d->phase;
        item["phase_label"] = site.words.name("phases", d->phase);
        item["conveners"] = views::refs_json(d->conveners, url);
        item["has_conveners"] = !d->conveners.empty();
        item["counts"] = site.words.plural("counts.meetings", meetings[d->url]) + " · " +
            site.words.plural("counts.notes", notes[d->url]);
        items.push_back(std::move(item));
    }
    json ctx = views::page_frame(site, url, site.words.text("lists.domains.title"));
    ctx["list"] = {{"title", site.words.text("lists.domains.title")},
                   {"intro", site.words.text("lists.domains.intro")},
                   {"domains", items},
                   {"count", std::to_string(items.size())}};
    views::flag_lists(ctx["list"]);
    return ctx;
}

// Recurring series, each with its meetings newest first (`meetings` is already in that order).
json series_of(const model::Site& site, const std::vector<const Page*>& meetings, const std::string& url) {
    std::map<std::string, json> series;
    for (const Page* m : meetings)
        if (!m->series.empty()) {
            auto& items = series[m->series];
            if (items.is_null()) items = json::array();
            items.push_back(views::page_link(site.words, *m, url));
        }
    json series_list = json::array();
    for (auto& [name, items] : series)
        series_list.push_back({{"name", name},
                               {"anchor", "series-" + model::slugify(name)},
                               {"count", std::to_string(items.size())},
                               {"count_text", site.words.plural("counts.meetings", long(items.size()))},
                               {"latest", items[0]},
                               {"items", items}});
    return series_list;
}

// A list page of pages in groups (meetings by year, notes by kind): the frame, and the list's
// title and intro (the catalog's lists.KIND.title and .intro), its counts and its groups.
json grouped_list_page(const model::Site& site, const std::string& url, const std::string& kind,
                       const std::vector<const Page*>& pages, const std::function<std::string(const Page&)>& key,
                       bool newest_group_first) {
    const std::string title = site.words.text("lists." + kind + ".title");
    json ctx = views::page_frame(site, url, title);
    ctx["list"] = {{"title", title},
                   {"intro", site.words.text("lists." + kind + ".intro")},
                   {"count", std::to_string(pages.size())},
                   {"count_text", site.words.format("lists.in_all", {{"n", std::to_string(pages.size())}})},
                   {"groups", grouped(site, pages, url, key, newest_group_first)}};
    return ctx;
}

// /meetings/: by year, newest first, and by series.
json meetings_list(const model::Site& site) {
    const std::string url = "/meetings/";
    auto meetings = of_type(site, PageType::Meeting);
    sort_by_date_desc(meetings);
    json ctx = grouped_list_page(
        site, url, "meetings", meetings,
        [](const Page& p) { return p.date.substr(0, std::min<std::size_t>(4, p.date.size())); }, true);
    json series_list = series_of(site, meetings, url);
    ctx["list"]["is_meetings"] = true;  // links to what the meetings send out: feedback, digests
    ctx["list"]["series_count"] = std::to_string(series_list.size());
    ctx["list"]["series"] = std::move(series_list);
    views::flag_lists(ctx["list"]);
    return ctx;
}

// /notes/: by kind.
json notes_list(const model::Site& site) {
    const std::string url = "/notes/";
    auto notes = of_type(site, PageType::Note);
    sort_by_date_desc(notes);
    json ctx = grouped_list_page(
        site, url, "notes", notes, [&site](const Page& p) { return kind_heading(site.words, p.kind); }, false);
    views::flag_lists(ctx["list"]);
    return ctx;
}

// /people/: who's who, who knows what, and who came to meetings without a profile.
json people_list(const model::Site& site) {
    const std::string url = "/people/";
    auto people = of_type(site, PageType::Person);
    sort_by_title(people);
    json items = json::array();
    for (const Page* p : people) {
        json item = views::page_link(site.words, *p, url);
        item["organisation"] = p->organisation;
        item["profession"] = p->profession;
        json expertise = json::array();
        for (const auto& e : p->expertise) expertise.push_back(e);
        item["has_expertise"] = !expertise.empty();
        item["expertise"] = std::move(expertise);
        items.push_back(std::move(item));
    }
    json ctx = views::page_frame(site, url, site.words.text("lists.people.title"));
    ctx["list"] = {{"title", site.words.text("lists.people.title")},
                   {"intro", site.words.text("lists.people.intro")},
                   {"count", std::to_string(items.size())},
                   {"people", std::move(items)},
                   {"expertise", expertise_index(people, url)}};
    json others = attended_without_profile(site);
    ctx["list"]["has_attendees_without_profile"] = !others.empty();
    ctx["list"]["attendees_without_profile"] = std::move(others);
    views::flag_lists(ctx["list"]);
    return ctx;
}

}  // namespace

std::vector<views::HtmlPage> type_lists(const model::Site& site) {
    // Each list's context is made when its page is rendered (see views::lazy_page).
    std::vector<views::HtmlPage> out;
    out.push_back(views::lazy_page("/domains/", "domains", "list of domains", [&site] { return domains_list(site); }));
    out.push_back(views::lazy_page("/meetings/", "list", "list of meetings", [&site] { return meetings_list(site); }));
    out.push_back(views::lazy_page("/notes/", "list", "list of notes", [&site] { return notes_list(site); }));
    out.push_back(views::lazy_page("/people/", "people", "list of people", [&site] { return people_list(site); }));
    return out;
}

json home_fields(const model::Site& site) {
    json ctx = json::object();
    const std::string url = "/";
    auto domains = of_type(site, PageType::Domain);
    sort_by_title(domains);
    json d = json::array();
    for (const Page* p : domains) {
        json item = views::page_link(site.words, *p, url);
        item["phase"] = p->phase;
        item["phase_label"] = site.words.name("phases", p->phase);
        d.push_back(std::move(item));
    }
    ctx["home_domains"] = std::move(d);

    std::vector<const Page*> dated;
    for (const auto& p : site.pages)
        if ((p.type == PageType::Meeting || p.type == PageType::Note) && !p.date.empty() &&
            (site.reference_date.empty() || model::day_of(p.date) <= site.reference_date))
            dated.push_back(&p);
    sort_by_date_desc(dated);
    json recent = json::array();
    for (std::size_t i = 0; i < dated.size() && i < 8; ++i)
        recent.push_back(views::page_link(site.words, *dated[i], url));
    ctx["recent"] = std::move(recent);

    std::vector<const Page*> upcoming;
    for (const auto& p : site.pages)
        if (p.type == PageType::Meeting && !site.reference_date.empty() && model::day_of(p.date) > site.reference_date)
            upcoming.push_back(&p);
    std::sort(upcoming.begin(), upcoming.end(), [](const Page* a, const Page* b) { return a->date < b->date; });
    json up = json::array();
    for (std::size_t i = 0; i < upcoming.size() && i < 5; ++i)
        up.push_back(views::page_link(site.words, *upcoming[i], url));
    ctx["upcoming"] = std::move(up);
    for (const auto& p : site.pages)
        if (p.url == "/start-here/") ctx["start_here_url"] = links::relative_url(url, p.url);
    return ctx;
}

}  // namespace cp::indexes
