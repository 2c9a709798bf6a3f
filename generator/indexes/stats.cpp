#include "indexes/stats.hpp"

#include <algorithm>
#include <set>

#include "charts/chart.hpp"
#include "indexes/labels.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

// Whom a reference names: the page it links to, else the name as written.
std::string who(const model::Ref& r) {
    if (!r.url.empty()) return r.url;
    return "name:" + text::lower(r.text);
}

// The first day of the quarter `day` is in.
time::Date quarter_start(const time::Date& day) { return {day.year, (day.quarter() - 1) * 3 + 1, 1}; }

// The first day of the next quarter: 2016-07-01 after 2016-04-01, then 2016-10-01, 2017-01-01.
time::Date next_quarter(const time::Date& start) {
    return start.month >= 10 ? time::Date{start.year + 1, 1, 1} : time::Date{start.year, start.month + 3, 1};
}

json table_json(const std::string& caption, const std::string& first_column, const std::vector<std::string>& rows,
                const std::vector<std::string>& columns, const std::vector<std::vector<long>>& cells) {
    json cols = json::array(), out_rows = json::array();
    for (const auto& c : columns) cols.push_back(c);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        json values = json::array();
        for (long v : cells[r]) values.push_back(std::to_string(v));
        out_rows.push_back({{"label", rows[r]}, {"cells", values}});
    }
    return {{"caption", caption}, {"first_column", first_column}, {"columns", cols}, {"rows", out_rows}};
}

}  // namespace

QuarterlyMeasures measure_quarters(const model::Site& site) {
    struct Quarter {
        long meetings = 0, attendances = 0;
        std::set<std::string> attendees, contributors;
    };
    std::map<time::Date, Quarter> by_quarter;  // by the quarter's first day
    for (const auto& p : site.pages) {
        auto day = time::Date::parse_prefix(p.date);
        if (!day) continue;
        const time::Date q = quarter_start(*day);
        if (p.type == PageType::Meeting) {
            Quarter& quarter = by_quarter[q];
            ++quarter.meetings;
            quarter.attendances += static_cast<long>(p.attendees.size());
            for (const auto& a : p.attendees) {
                quarter.attendees.insert(who(a));
                quarter.contributors.insert(who(a));
            }
            for (const auto& role : p.roles)
                for (const auto& r : role.people) quarter.contributors.insert(who(r));
        } else if (p.type == PageType::Note) {
            Quarter& quarter = by_quarter[q];
            for (const auto& a : p.authors) quarter.contributors.insert(who(a));
        }
    }
    QuarterlyMeasures out;
    if (by_quarter.empty()) return out;
    std::vector<time::Date> quarters;
    const time::Date first = by_quarter.begin()->first, last = by_quarter.rbegin()->first;
    bool fill = last.year - first.year <= 100;
    if (fill)
        for (time::Date q = first; q <= last; q = next_quarter(q)) quarters.push_back(q);
    else
        for (const auto& [q, _] : by_quarter) quarters.push_back(q);
    static const Quarter empty;
    for (const auto& q : quarters) {
        auto it = by_quarter.find(q);
        const Quarter& quarter = it == by_quarter.end() ? empty : it->second;
        out.quarters.push_back(site.words.quarter(q));
        out.starts.push_back(q);
        out.meetings.push_back(quarter.meetings);
        out.attendees_total.push_back(quarter.attendances);
        out.attendees_distinct.push_back(static_cast<long>(quarter.attendees.size()));
        out.contributors.push_back(static_cast<long>(quarter.contributors.size()));
    }
    return out;
}

NotesByDomain measure_notes(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const model::SiteIndex& index = resolved.index();
    NotesByDomain out;
    std::set<std::string> kinds;
    std::map<std::string, std::string> titles;  // domain url -> title, for the row order
    const std::string none = site.words.text("stats.no_domain");
    for (const auto& p : site.pages) {
        if (p.type != PageType::Note) continue;
        std::string kind = kind_label(site.words, p.kind);
        kinds.insert(kind);
        std::set<std::string> counted;
        for (const auto& d : p.domains) {
            if (d.url.empty() || !counted.insert(d.url).second) continue;
            const Page* domain = index.by_url(d.url);
            std::string title = domain ? domain->title : d.url;
            titles[d.url] = title;
            ++out.counts[title][kind];
        }
        if (counted.empty()) ++out.counts[none][kind];
    }
    std::set<std::string> rows;
    for (const auto& [url, title] : titles) rows.insert(title);
    out.domains.assign(rows.begin(), rows.end());
    if (out.counts.count(none)) out.domains.push_back(none);
    out.kinds.assign(kinds.begin(), kinds.end());
    return out;
}

namespace {

// A chart drawn, with its numbers as a table beside it.
json chart_json(const charts::BarChart& c, json table) {
    return {{"id", c.id},
            {"title", c.title},
            {"description", c.description},
            {"svg", charts::draw_bar_chart(c)},
            {"table", std::move(table)}};
}

// The charts by quarter: meetings, attendees (total and distinct), active contributors.
void add_quarter_charts(const i18n::Catalog& words, const QuarterlyMeasures& q, json& drawn) {
    // Under each bar only the year, at its first quarter: a dozen years of quarters stay legible.
    std::vector<std::string> axis;
    for (std::size_t i = 0; i < q.quarters.size(); ++i)
        axis.push_back(q.quarters.size() <= 8                       ? q.quarters[i]
                           : (i == 0 || q.starts[i].quarter() == 1) ? q.starts[i].year_text()
                                                                    : std::string{});
    std::string span =
        q.quarters.empty() ? "" : words.format("stats.span", {{"from", q.quarters.front()}, {"to", q.quarters.back()}});
    auto per_quarter = [&](const std::string& id, const std::string& title, const std::string& description,
                           const std::vector<charts::ChartSeries>& series) {
        charts::BarChart c{id, title, description, q.quarters, axis, series, false};
        std::vector<std::string> columns;
        std::vector<std::vector<long>> cells(q.quarters.size());
        for (const auto& s : series) {
            columns.push_back(s.name);
            for (std::size_t i = 0; i < q.quarters.size(); ++i) cells[i].push_back(s.values[i]);
        }
        drawn.push_back(chart_json(c, table_json(title, words.text("stats.quarter"), q.quarters, columns, cells)));
    };
    long total_meetings = 0;
    for (long v : q.meetings) total_meetings += v;
    per_quarter("chart-meetings", words.text("stats.meetings.title"),
                words.format("stats.meetings.description", {{"span", span}, {"n", std::to_string(total_meetings)}}),
                {{words.text("stats.meetings.series"), q.meetings}});
    per_quarter("chart-attendees", words.text("stats.attendees.title"),
                words.format("stats.attendees.description", {{"span", span}}),
                {{words.text("stats.attendees.total"), q.attendees_total},
                 {words.text("stats.attendees.distinct"), q.attendees_distinct}});
    per_quarter("chart-contributors", words.text("stats.contributors.title"),
                words.format("stats.contributors.description", {{"span", span}}),
                {{words.text("stats.contributors.series"), q.contributors}});
}

// The notes of each domain, stacked by kind, with a total per domain in the table.
json notes_chart(const i18n::Catalog& words, const NotesByDomain& notes) {
    std::vector<charts::ChartSeries> series;
    for (const auto& k : notes.kinds) {
        charts::ChartSeries s{k, {}};
        for (const auto& d : notes.domains) {
            long v = 0;
            if (auto row = notes.counts.find(d); row != notes.counts.end())
                if (auto cell = row->second.find(k); cell != row->second.end()) v = cell->second;
            s.values.push_back(v);
        }
        series.push_back(std::move(s));
    }
    const std::string title = words.text("stats.notes.title");
    const std::string description = words.text("stats.notes.description");
    charts::BarChart c{"chart-notes", title, description, notes.domains, {}, series, true};
    std::vector<std::string> columns = notes.kinds;
    columns.push_back(words.text("stats.notes.all"));
    std::vector<std::vector<long>> cells(notes.domains.size());
    for (std::size_t r = 0; r < notes.domains.size(); ++r) {
        long total = 0;
        for (const auto& s : series) {
            cells[r].push_back(s.values[r]);
            total += s.values[r];
        }
        cells[r].push_back(total);
    }
    return chart_json(c, table_json(title, words.text("stats.domain"), notes.domains, columns, cells));
}

}  // namespace

views::HtmlPage stats_page(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const std::string url = "/stats/";
    const i18n::Catalog& words = site.words;
    json drawn = json::array();  // each chart with its table
    add_quarter_charts(words, measure_quarters(site), drawn);
    drawn.push_back(notes_chart(words, measure_notes(resolved)));
    std::map<PageType, long> totals;
    for (const auto& p : site.pages) ++totals[p.type];
    json ctx = views::page_frame(site, url, words.text("stats.title"));
    ctx["stats"] = {{"title", words.text("stats.title")},
                    {"totals",
                     {{{"label", words.text("nav.domains")}, {"value", std::to_string(totals[PageType::Domain])}},
                      {{"label", words.text("nav.meetings")}, {"value", std::to_string(totals[PageType::Meeting])}},
                      {{"label", words.text("nav.notes")}, {"value", std::to_string(totals[PageType::Note])}},
                      {{"label", words.text("nav.people")}, {"value", std::to_string(totals[PageType::Person])}}}},
                    {"charts", drawn}};
    return {url, "stats", std::move(ctx), "the measures page"};
}

}  // namespace cp::indexes
