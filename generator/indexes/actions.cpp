#include "indexes/actions.hpp"

#include <algorithm>
#include <map>

#include "links/urls.hpp"
#include "model/slug.hpp"
#include "time/date.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

struct AgreedAction {
    const Page* meeting;
    const model::Action* action;
};

bool is_overdue(const model::Site& site, const model::Action& a) {
    return !a.done && !a.due.empty() && !site.reference_date.empty() && a.due < site.reference_date;
}

// An action as the page lists it. Its meeting is its title and address (what docs/theme.md
// gives an action row), not the meeting's whole link: at 50,000 notes the page lists 22,594
// open actions twice (by owner and by date), and the links' summaries and dates were a third
// of the largest context a build holds.
json action_json(const model::Site& site, const AgreedAction& a, const std::string& from) {
    return views::object_of(
        "action", a.action->action, "due", a.action->due, "due_human", views::human_date(site.words, a.action->due),
        "done", a.action->done, "overdue", is_overdue(site, *a.action), "has_owner", !a.action->owner.text.empty(),
        "owner", views::ref_json(a.action->owner, from), "meeting",
        views::object_of("title", a.meeting->title, "url", links::relative_url(from, a.meeting->url)), "key",
        a.meeting->url + "#" + std::to_string(a.action - a.meeting->actions.data()));
}

json group(const std::string& name, const std::string& anchor, json items, bool overdue = false) {
    std::string count = std::to_string(items.size());
    return views::object_of("name", name, "anchor", anchor, "count", std::move(count), "items", std::move(items),
                            "overdue", overdue);
}

}  // namespace

namespace {

// Soonest due first; no due date last; then by meeting date and the order written.
void sort_by_due(std::vector<AgreedAction>& open) {
    std::sort(open.begin(), open.end(), [](const AgreedAction& x, const AgreedAction& y) {
        if (x.action->due.empty() != y.action->due.empty()) return y.action->due.empty();
        if (x.action->due != y.action->due) return x.action->due < y.action->due;
        if (x.meeting->date != y.meeting->date) return x.meeting->date < y.meeting->date;
        if (x.meeting != y.meeting) return x.meeting->url < y.meeting->url;
        return x.action < y.action;
    });
}

// The open actions (sorted by due date) grouped two ways, as the page offers them.
struct OpenGroups {
    json by_owner;  // each owner's open actions, owners by name, no owner last
    json by_date;   // overdue, then each month they are due in, then those with no due date
    std::size_t overdue_count = 0;
};

OpenGroups group_open_actions(const model::Site& site, const std::vector<AgreedAction>& open, const std::string& url) {
    std::map<std::string, std::pair<std::string, json>> owners;  // sort key -> (name, items)
    OpenGroups out{json::array(), json::array(), 0};
    json overdue = json::array();
    std::map<time::Date, json> months;  // by the first day of the month they are due in
    json undated = json::array();
    for (const auto& a : open) {
        json item = action_json(site, a, url);
        const model::Ref& owner = a.action->owner;
        std::string name = owner.text.empty() ? "" : (owner.label.empty() ? owner.text : owner.label);
        std::string key = name.empty() ? "\x7f" : name;
        auto& slot = owners[key];
        if (slot.second.is_null()) slot = {name.empty() ? site.words.text("actions.no_owner") : name, json::array()};
        slot.second.push_back(item);
        if (is_overdue(site, *a.action)) {
            ++out.overdue_count;
            overdue.push_back(item);
        } else if (auto due = time::Date::parse_prefix(a.action->due); !due) {
            undated.push_back(item);
        } else {
            auto& m = months[time::Date{due->year, due->month, 1}];
            if (m.is_null()) m = json::array();
            m.push_back(item);
        }
    }
    std::map<std::string, int> anchors;  // two names may slugify alike: ids must stay unique
    for (auto& [key, slot] : owners) {
        std::string anchor = "owner-" + model::slugify(slot.first);
        if (int n = ++anchors[anchor]; n > 1) anchor += "-" + std::to_string(n);
        out.by_owner.push_back(group(slot.first, anchor, std::move(slot.second)));
    }
    if (!overdue.empty())
        out.by_date.push_back(group(site.words.text("status.overdue"), "due-overdue", std::move(overdue), true));
    for (auto& [month, items] : months)
        out.by_date.push_back(group(site.words.format("actions.due_in", {{"month", site.words.month_year(month)}}),
                                    "due-" + month.year_month(), std::move(items)));
    if (!undated.empty())
        out.by_date.push_back(group(site.words.text("actions.no_due_date"), "due-none", std::move(undated)));
    return out;
}

// The done actions, most recently agreed first (`done` is sorted in place).
json done_actions(const model::Site& site, std::vector<AgreedAction>& done, const std::string& url) {
    std::sort(done.begin(), done.end(), [](const AgreedAction& x, const AgreedAction& y) {
        if (x.meeting->date != y.meeting->date) return x.meeting->date > y.meeting->date;
        if (x.meeting != y.meeting) return x.meeting->url < y.meeting->url;
        return x.action < y.action;
    });
    json done_items = json::array();
    for (const auto& a : done) done_items.push_back(action_json(site, a, url));
    return done_items;
}

json actions_context(const model::Site& site) {
    const std::string url = "/actions/";
    std::vector<AgreedAction> open, done;
    for (const auto& p : site.pages) {
        if (p.type != PageType::Meeting) continue;
        for (const auto& a : p.actions) (a.done ? done : open).push_back({&p, &a});
    }
    sort_by_due(open);
    OpenGroups groups = group_open_actions(site, open, url);
    json done_items = done_actions(site, done, url);
    const std::size_t overdue_count = groups.overdue_count;

    const i18n::Catalog& words = site.words;
    json ctx = views::page_frame(site, url, words.text("actions.title"));
    ctx["actions"] = {{"title", words.text("actions.title")},
                      {"reference_date", site.reference_date},
                      {"reference_date_human", views::human_date(words, site.reference_date)},
                      {"open_count_text", words.plural("actions.open_count", long(open.size()))},
                      // Written unescaped by the template, as the words are ({{{...}}}).
                      {"overdue_text",
                       i18n::escape_html(words.plural("actions.overdue_count", long(overdue_count),
                                                      {{"date", views::human_date(words, site.reference_date)}}))},
                      {"done_count_text", words.plural("actions.done_count", long(done.size()))},
                      {"show_done", words.plural("actions.show_done", long(done.size()))},
                      {"open_count", std::to_string(open.size())},
                      {"overdue_count", std::to_string(overdue_count)},
                      {"done_count", std::to_string(done.size())},
                      {"by_owner", std::move(groups.by_owner)},
                      {"by_date", std::move(groups.by_date)},
                      {"done", std::move(done_items)}};
    views::flag_lists(ctx["actions"]);
    return ctx;
}

}  // namespace

views::HtmlPage actions_page(const model::Site& site) {
    return views::lazy_page("/actions/", "actions", "the list of actions", [&site] { return actions_context(site); });
}

views::HtmlPage agenda_page(const model::Site& site) {
    const std::string url = "/agenda/";
    json domains = json::array(), answered = json::array();
    std::size_t open_count = 0;
    std::vector<const Page*> sorted;
    for (const auto& p : site.pages)
        if (p.type == PageType::Domain && !p.learning_agenda.empty()) sorted.push_back(&p);
    std::stable_sort(sorted.begin(), sorted.end(), [](const Page* a, const Page* b) { return a->title < b->title; });
    for (const Page* d : sorted) {
        json open = json::array();
        for (const auto& q : d->learning_agenda) {
            if (q.status == "answered") {
                json item = {{"question", q.question},
                             {"domain", views::page_link(site.words, *d, url)},
                             {"answered_in", views::ref_json(q.answered_in, url)},
                             {"has_answer", !q.answered_in.text.empty()}};
                answered.push_back(std::move(item));
            } else {
                open.push_back({{"question", q.question}});
            }
        }
        open_count += open.size();
        if (open.empty()) continue;
        json item = views::page_link(site.words, *d, url);
        item["count"] = std::to_string(open.size());
        item["questions"] = std::move(open);
        item["anchor"] = "d-" + d->slug;
        domains.push_back(std::move(item));
    }
    // The parking lot: what each meeting set aside, newest meeting first.
    std::vector<const Page*> meetings;
    for (const auto& p : site.pages)
        if (p.type == PageType::Meeting && !p.parking_lot.empty()) meetings.push_back(&p);
    std::stable_sort(meetings.begin(), meetings.end(), [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date > b->date;
        return a->url < b->url;
    });
    json parked = json::array();
    std::size_t parked_count = 0;
    for (const Page* m : meetings) {
        json item = views::page_link(site.words, *m, url);
        json issues = json::array();
        for (const auto& s : m->parking_lot) issues.push_back(s);
        parked_count += issues.size();
        item["issues"] = std::move(issues);
        parked.push_back(std::move(item));
    }
    json ctx = views::page_frame(site, url, site.words.text("agenda.title"));
    ctx["agenda"] = {{"title", site.words.text("agenda.title")},
                     {"counts",
                      site.words.plural("agenda.open_count", long(open_count)) + " · " +
                          site.words.plural("agenda.answered_count", long(answered.size())) + " · " +
                          site.words.plural("agenda.parked_count", long(parked_count))},
                     {"open_count", std::to_string(open_count)},
                     {"answered_count", std::to_string(answered.size())},
                     {"parked_count", std::to_string(parked_count)},
                     {"domains", domains},
                     {"answered", answered},
                     {"parking_lot", parked}};
    views::flag_lists(ctx["agenda"]);
    return {url, "agenda", std::move(ctx), "the learning agenda"};
}

}  // namespace cp::indexes
