#include "reports/value.hpp"

#include <algorithm>
#include <map>

#include "links/urls.hpp"
#include "model/slug.hpp"
#include "reports/lists.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using model::Page;
using model::PageType;
using nlohmann::json;

std::vector<ValueCycle> value_cycles(const i18n::Catalog& words) {
    std::vector<ValueCycle> cycles;
    for (const char* name : {"immediate", "potential", "applied", "realised", "transformative"})
        cycles.push_back({name, words.text(std::string("value.cycle.") + name + ".label"),
                          words.text(std::string("value.cycle.") + name + ".description")});
    return cycles;
}

namespace {

struct DomainStories {
    std::string title, url;  // url empty for "No domain"
    std::vector<const Page*> stories;
};

// The value stories, newest first.
std::vector<const Page*> value_stories(const model::Site& site) {
    std::vector<const Page*> stories;
    for (const auto& p : site.pages)
        if (p.type == PageType::Note && p.kind == "value-story") stories.push_back(&p);
    std::sort(stories.begin(), stories.end(), [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date > b->date;
        return a->url < b->url;
    });
    return stories;
}

// Each domain's stories, by domain url (a story in two domains is in both); every domain is
// listed, those with no story too: that is where value is missing. The stories of no domain
// go to `none`.
std::map<std::string, DomainStories> stories_by_domain(const model::Site& site, const std::vector<const Page*>& stories,
                                                       DomainStories& none) {
    std::map<std::string, DomainStories> by_domain;
    for (const Page* s : stories) {
        std::vector<std::string> seen;
        for (const auto& d : s->domains) {
            if (d.url.empty() || std::find(seen.begin(), seen.end(), d.url) != seen.end()) continue;
            seen.push_back(d.url);
            DomainStories& ds = by_domain[d.url];
            ds.title = shown(d);
            ds.url = d.url;
            ds.stories.push_back(s);
        }
        if (seen.empty()) none.stories.push_back(s);
    }
    for (const auto& p : site.pages)
        if (p.type == PageType::Domain && !by_domain.count(p.url)) by_domain[p.url] = {p.title, p.url, {}};
    return by_domain;
}

// The domains by title, then "No domain" when it has stories.
std::vector<const DomainStories*> in_title_order(const std::map<std::string, DomainStories>& by_domain,
                                                 const DomainStories& none) {
    std::vector<const DomainStories*> order;
    order.reserve(by_domain.size());
    for (const auto& [u, ds] : by_domain) order.push_back(&ds);
    std::sort(order.begin(), order.end(),
              [](const DomainStories* a, const DomainStories* b) { return a->title < b->title; });
    if (!none.stories.empty()) order.push_back(&none);
    return order;
}

// One domain's row of the table (its stories counted per cycle) and its section: the stories
// of each cycle, the cycles none shows, each story's indicators, and the stories in no cycle.
void add_domain(const i18n::Catalog& words, const std::vector<ValueCycle>& cycles, const DomainStories& ds,
                const std::string& url, json& rows, json& domains) {
    json cells = json::array(), groups = json::array(), unplaced = json::array(), evidence = json::array();
    std::string missing;  // the cycles no story here shows, in words
    for (const auto& c : cycles) {
        json in_cycle = json::array();
        for (const Page* s : ds.stories)
            if (std::find(s->value_cycles.begin(), s->value_cycles.end(), c.name) != s->value_cycles.end())
                in_cycle.push_back(views::page_link(words, *s, url));
        std::string count = std::to_string(in_cycle.size());
        cells.push_back(views::object_of("count", count, "none", in_cycle.empty()));
        if (in_cycle.empty())
            missing += (missing.empty() ? "" : ", ") + c.label;
        else
            groups.push_back(
                views::object_of("name", c.name, "label", c.label, "count", count, "stories", std::move(in_cycle)));
    }
    // Each story's indicators once, however many cycles it shows.
    for (const Page* s : ds.stories) {
        if (s->value_cycles.empty()) unplaced.push_back(views::page_link(words, *s, url));
        if (s->indicators.empty()) continue;
        json story = views::page_link(words, *s, url);
        story["indicators"] = strings(s->indicators);
        evidence.push_back(std::move(story));
    }
    std::string anchor = "domain-" + (ds.url.empty() ? std::string("none") : model::slugify(ds.title));
    std::string link = ds.url.empty() ? std::string{} : links::relative_url(url, ds.url);
    rows.push_back(views::object_of("title", ds.title, "anchor", anchor, "cells", std::move(cells), "total",
                                    std::to_string(ds.stories.size())));
    domains.push_back(views::object_of("title", ds.title, "url", link, "anchor", anchor, "story_count",
                                       std::to_string(ds.stories.size()), "has_stories", !ds.stories.empty(), "cycles",
                                       std::move(groups), "missing", missing, "has_evidence", !evidence.empty(),
                                       "evidence", std::move(evidence), "has_unplaced", !unplaced.empty(), "unplaced",
                                       std::move(unplaced)));
}

json value_context(const model::Site& site) {
    const std::string url = "/value/";
    const i18n::Catalog& words = site.words;
    const std::vector<const Page*> stories = value_stories(site);
    DomainStories none{words.text("value.no_domain"), "", {}};
    const auto by_domain = stories_by_domain(site, stories, none);
    const auto cycles = value_cycles(words);
    json columns = json::array(), legend = json::array();
    for (const auto& c : cycles) {
        columns.push_back(c.label);
        legend.push_back(views::object_of("name", c.name, "label", c.label, "description", c.description));
    }
    json rows = json::array(), domains = json::array();
    for (const DomainStories* ds : in_title_order(by_domain, none)) add_domain(words, cycles, *ds, url, rows, domains);
    json ctx = views::page_frame(site, url, words.text("value.title"));
    ctx["value"] = views::object_of("title", words.text("value.title"), "intro", words.text("value.intro"),
                                    "story_count", std::to_string(stories.size()), "count_text",
                                    words.plural("value.count", long(stories.size())), "has_stories", !stories.empty(),
                                    "legend", std::move(legend), "columns", std::move(columns), "rows", std::move(rows),
                                    "domains", std::move(domains));
    return ctx;
}

}  // namespace

views::HtmlPage value_page(const model::Site& site) {
    return views::lazy_page("/value/", "value", "the value-creation account", [&site] { return value_context(site); });
}

}  // namespace cp::reports
