#include "reports/feedback.hpp"

#include <algorithm>
#include <map>

#include "links/urls.hpp"
#include "model/slug.hpp"
#include "reports/lists.hpp"
#include "reports/words.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool has_feedback(const Page& p) { return !p.went_well.empty() || !p.to_improve.empty(); }

// Newest first, ties by address, so the order never depends on the file system.
bool newer(const Page* a, const Page* b) {
    if (a->date != b->date) return a->date > b->date;
    return a->url < b->url;
}

struct Theme {
    std::string text;                                           // as first written (the oldest meeting's words)
    std::string list;                                           // "went_well" or "to_improve"
    std::vector<std::pair<const Page*, std::string>> meetings;  // each meeting once, with its words
    std::string anchor;
};

std::string list_label(const i18n::Catalog& words, const std::string& list) {
    return words.text(list == "went_well" ? "feedback.theme_went_well" : "feedback.theme_to_improve");
}

// The themes of every meeting's feedback, keyed by list and content words.
std::map<std::pair<std::string, std::string>, Theme> collect_themes(const std::vector<const Page*>& oldest_first) {
    std::map<std::pair<std::string, std::string>, Theme> themes;
    for (const Page* m : oldest_first)
        for (const auto* list : {&m->went_well, &m->to_improve})
            for (const auto& item : *list) {
                std::string name = list == &m->went_well ? "went_well" : "to_improve";
                std::string key = theme_key(item);
                if (key.empty()) continue;
                Theme& t = themes[{name, key}];
                if (t.text.empty()) {
                    t.text = item;
                    t.list = name;
                }
                if (t.meetings.empty() || t.meetings.back().first != m) t.meetings.push_back({m, item});
            }
    return themes;
}

// (list, theme key) -> the anchor of a recurring theme on the feedback page.
using Anchors = std::map<std::pair<std::string, std::string>, std::string>;

// The themes raised at two meetings or more: the most often raised first, then to improve
// before went well, then as first written; each with its meetings, newest first. Each gets
// its anchor in `anchors`.
json recurring_themes(const i18n::Catalog& words, const std::vector<const Page*>& oldest_first, const std::string& url,
                      Anchors& anchors) {
    auto themes = collect_themes(oldest_first);
    std::vector<const Theme*> repeated;
    for (auto& [key, t] : themes)
        if (t.meetings.size() >= 2) repeated.push_back(&t);
    std::stable_sort(repeated.begin(), repeated.end(), [](const Theme* a, const Theme* b) {
        if (a->meetings.size() != b->meetings.size()) return a->meetings.size() > b->meetings.size();
        return a->list > b->list;
    });
    json recurring = json::array();
    for (std::size_t k = 0; k < repeated.size(); ++k) {
        const Theme& t = *repeated[k];
        std::string anchor = "theme-" + std::to_string(k + 1);
        anchors[{t.list, theme_key(t.text)}] = anchor;
        json at = json::array();
        for (auto it = t.meetings.rbegin(); it != t.meetings.rend(); ++it) {
            json link = views::page_link(words, *it->first, url);
            // The meeting's own words, when they are not the theme's as shown.
            link["words"] = it->second == t.text ? std::string{} : it->second;
            at.push_back(std::move(link));
        }
        recurring.push_back(views::object_of("text", t.text, "list", t.list, "list_label", list_label(words, t.list),
                                             "anchor", anchor, "count", std::to_string(t.meetings.size()), "count_text",
                                             words.plural("counts.meetings", long(t.meetings.size())), "meetings",
                                             std::move(at)));
    }
    return recurring;
}

// Meetings' feedback grouped as the page shows it (by series, by domain), each item linked
// to its theme when it recurs.
class FeedbackGroups {
public:
    FeedbackGroups(const i18n::Catalog& words, const std::string& url, const Anchors& anchors)
        : words_(words), url_(url), anchors_(anchors) {}

    json group(const std::string& name, const std::string& anchor, const std::string& link,
               const std::vector<const Page*>& in) const {
        json list = json::array();
        for (const Page* m : in) list.push_back(block(*m));
        return views::object_of("name", name, "anchor", anchor, "url", link, "count", std::to_string(in.size()),
                                "meetings", std::move(list));
    }

private:
    json block(const Page& m) const {
        json b = views::page_link(words_, m, url_);
        b["went_well"] = items(m.went_well, "went_well");
        b["to_improve"] = items(m.to_improve, "to_improve");
        b["has_went_well"] = !m.went_well.empty();
        b["has_to_improve"] = !m.to_improve.empty();
        return b;
    }
    json items(const std::vector<std::string>& list, const std::string& name) const {
        json out = json::array();
        for (const auto& item : list) {
            auto it = anchors_.find({name, theme_key(item)});
            out.push_back(views::object_of("text", item, "recurring", it != anchors_.end(), "theme_anchor",
                                           it == anchors_.end() ? std::string{} : it->second));
        }
        return out;
    }

    const i18n::Catalog& words_;
    const std::string& url_;
    const Anchors& anchors_;
};

// One group per series (by name), then the meetings in none.
json series_groups(const i18n::Catalog& words, const std::vector<const Page*>& meetings, const FeedbackGroups& groups) {
    std::map<std::string, std::vector<const Page*>> by_series;
    std::vector<const Page*> no_series;
    for (const Page* m : meetings) (m->series.empty() ? no_series : by_series[m->series]).push_back(m);
    json series = json::array();
    for (const auto& [name, in] : by_series)
        series.push_back(groups.group(name, "series-" + model::slugify(name), "", in));
    if (!no_series.empty())
        series.push_back(groups.group(words.text("feedback.no_series"), "series-none", "", no_series));
    return series;
}

// One group per domain (by title; a meeting in two domains is in both), then the meetings in none.
json domain_groups(const i18n::Catalog& words, const std::vector<const Page*>& meetings, const FeedbackGroups& groups,
                   const std::string& url) {
    std::vector<const Page*> no_domain;
    std::map<std::string, std::vector<const Page*>> by_domain;  // domain url -> meetings
    std::map<std::string, std::string> domain_titles;
    for (const Page* m : meetings) {
        std::vector<std::string> seen;
        for (const auto& d : m->domains) {
            if (d.url.empty() || std::find(seen.begin(), seen.end(), d.url) != seen.end()) continue;
            seen.push_back(d.url);
            by_domain[d.url].push_back(m);
            domain_titles[d.url] = shown(d);
        }
        if (seen.empty()) no_domain.push_back(m);
    }
    std::vector<std::pair<std::string, std::string>> domain_order;  // title, url
    domain_order.reserve(domain_titles.size());
    for (const auto& [u, title] : domain_titles) domain_order.push_back({title, u});
    std::sort(domain_order.begin(), domain_order.end());
    json domains = json::array();
    for (const auto& [title, u] : domain_order)
        domains.push_back(
            groups.group(title, "domain-" + model::slugify(title), links::relative_url(url, u), by_domain[u]));
    if (!no_domain.empty())
        domains.push_back(groups.group(words.text("feedback.no_domain"), "domain-none", "", no_domain));
    return domains;
}

json feedback_context(const model::Site& site) {
    const std::string url = "/feedback/";
    const i18n::Catalog& words = site.words;
    std::vector<const Page*> meetings;
    for (const auto& p : site.pages)
        if (p.type == PageType::Meeting && has_feedback(p)) meetings.push_back(&p);
    std::vector<const Page*> oldest = meetings;
    std::sort(oldest.begin(), oldest.end(), [](const Page* a, const Page* b) { return newer(b, a); });
    std::sort(meetings.begin(), meetings.end(), newer);

    Anchors anchors;  // recurring themes only
    json recurring = recurring_themes(words, oldest, url, anchors);
    const bool has_themes = !recurring.empty();
    const FeedbackGroups groups(words, url, anchors);
    json series = series_groups(words, meetings, groups);
    json domains = domain_groups(words, meetings, groups, url);

    json ctx = views::page_frame(site, url, words.text("feedback.title"));
    ctx["feedback"] = views::object_of("title", words.text("feedback.title"), "intro", words.text("feedback.intro"),
                                       "meeting_count", std::to_string(meetings.size()), "count_text",
                                       words.plural("feedback.meetings_with", long(meetings.size())), "has_meetings",
                                       !meetings.empty(), "themes", std::move(recurring), "has_themes", has_themes,
                                       "series", std::move(series), "domains", std::move(domains));
    return ctx;
}

}  // namespace

views::HtmlPage feedback_page(const model::Site& site) {
    return views::lazy_page("/feedback/", "feedback", "the feedback page", [&site] { return feedback_context(site); });
}

FeedbackCarry::FeedbackCarry(const model::Site& site) : site_(site), previous_(site.pages.size(), kNone) {
    std::map<std::string, std::vector<std::size_t>> series;
    for (std::size_t i = 0; i < site.pages.size(); ++i)
        if (site.pages[i].type == PageType::Meeting && !site.pages[i].series.empty())
            series[site.pages[i].series].push_back(i);
    for (auto& [name, list] : series) {
        std::sort(list.begin(), list.end(),
                  [&](std::size_t a, std::size_t b) { return newer(&site.pages[b], &site.pages[a]); });
        for (std::size_t k = 1; k < list.size(); ++k) previous_[list[k]] = list[k - 1];
    }
}

json FeedbackCarry::fields(std::size_t page_index) const {
    std::size_t prev = previous_[page_index];
    if (prev == kNone || site_.pages[prev].to_improve.empty()) return json::object();
    const Page& page = site_.pages[page_index];
    const Page& before = site_.pages[prev];
    json items = json::array();
    for (const auto& asked : before.to_improve) {
        json responses = json::array();
        for (const auto* list : {&page.went_well, &page.to_improve})
            for (const auto& said : *list)
                if (share_a_word(asked, said))
                    responses.push_back(
                        views::object_of("text", said, "list_label",
                                         site_.words.text(list == &page.went_well ? "feedback.theme_went_well"
                                                                                  : "feedback.still_to_improve")));
        bool taken_up = !responses.empty();
        items.push_back(views::object_of("text", asked, "taken_up", taken_up, "responses", std::move(responses)));
    }
    // "What the previous {series} meeting, {link} ({date}), asked to improve, ...": the link is
    // the template's, so the sentence is cut around it.
    const std::string date = views::human_date(site_.words, before.date);
    const std::string intro = site_.words.text("feedback.carried_intro");
    const std::size_t at = intro.find("{link}");
    const std::string head = at == std::string::npos ? intro : intro.substr(0, at);
    const std::string tail = at == std::string::npos ? std::string{} : intro.substr(at + 6);
    return views::object_of(
        "carried",
        views::object_of("from",
                         views::object_of("title", before.title, "url", links::relative_url(page.url, before.url),
                                          "date_human", date),
                         "series", page.series, "intro_before",
                         i18n::fill(head, {{"series", page.series}, {"date", date}}), "intro_after",
                         i18n::fill(tail, {{"series", page.series}, {"date", date}}), "items", std::move(items),
                         "has_own_feedback", has_feedback(page)));
}

}  // namespace cp::reports
