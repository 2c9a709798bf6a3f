#include "reports/digest.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "indexes/feeds.hpp"
#include "indexes/labels.hpp"
#include "links/urls.hpp"
#include "reports/lists.hpp"
#include "reports/periods.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

struct PhaseChange {
    const Page* domain;
    std::string phase;  // "Started" for a domain's start
    std::string day;
};

struct ActionAt {
    const Page* meeting;
    const model::Action* action;
};

// Everything dated in one period.
struct Activity {
    std::vector<const Page*> meetings, notes, members;
    std::vector<PhaseChange> phases;
    // The memory records no completion date: an action marked done counts as closed in
    // the period its due date falls in.
    std::vector<ActionAt> closed;
};

std::map<std::string, Activity> gather(const model::Site& site, PeriodKind kind) {
    std::map<std::string, Activity> out;
    auto at = [&](const std::string& date) -> Activity* {
        std::string period = period_of(kind, date);
        return period.empty() ? nullptr : &out[period];
    };
    for (const auto& p : site.pages) {
        if (p.type == PageType::Meeting) {
            if (Activity* a = at(p.date)) a->meetings.push_back(&p);
            for (const auto& action : p.actions)
                if (action.done)
                    if (Activity* a = at(action.due)) a->closed.push_back({&p, &action});
        } else if (p.type == PageType::Note) {
            if (Activity* a = at(p.date)) a->notes.push_back(&p);
        } else if (p.type == PageType::Person) {
            if (Activity* a = at(p.joined)) a->members.push_back(&p);
        } else if (p.type == PageType::Domain) {
            if (Activity* a = at(p.started))
                a->phases.push_back({&p, site.words.text("digest.started"), model::day_of(p.started)});
            for (const auto& ph : p.phases)
                if (Activity* a = at(ph.since))
                    a->phases.push_back({&p, site.words.label("phases", ph.phase), ph.since});
        }
    }
    auto by_date = [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date < b->date;
        return a->url < b->url;
    };
    for (auto& [period, a] : out) {
        std::sort(a.meetings.begin(), a.meetings.end(), by_date);
        std::sort(a.notes.begin(), a.notes.end(), by_date);
        std::sort(a.members.begin(), a.members.end(), [](const Page* x, const Page* y) {
            return std::tie(x->joined, x->title) < std::tie(y->joined, y->title);
        });
        std::sort(a.phases.begin(), a.phases.end(), [](const PhaseChange& x, const PhaseChange& y) {
            return std::tie(x.day, x.domain->title) < std::tie(y.day, y.domain->title);
        });
        std::stable_sort(a.closed.begin(), a.closed.end(),
                         [](const ActionAt& x, const ActionAt& y) { return x.action->due < y.action->due; });
    }
    return out;
}

// The measures a digest sets beside the period before.
struct Measures {
    long meetings = 0, attendances = 0, attendees = 0, decisions = 0, actions = 0, notes = 0, members = 0;
};

Measures measure(const Activity& a) {
    Measures m;
    std::set<std::string> people;
    m.meetings = static_cast<long>(a.meetings.size());
    for (const Page* p : a.meetings) {
        m.attendances += static_cast<long>(p->attendees.size());
        for (const auto& who : p->attendees) people.insert(who.url.empty() ? "name:" + who.text : who.url);
        m.decisions += static_cast<long>(p->decisions.size());
        m.actions += static_cast<long>(p->actions.size());
    }
    m.attendees = static_cast<long>(people.size());
    m.notes = static_cast<long>(a.notes.size());
    m.members = static_cast<long>(a.members.size());
    return m;
}

std::string change(const i18n::Catalog& words, long now, long before) {
    if (now == before) return words.text("digest.same");
    return (now > before ? "+" : "−") + std::to_string(now > before ? now - before : before - now);
}

using LinkTo = std::function<std::string(const std::string&)>;

json ref_to(const model::Ref& r, const LinkTo& to) {
    return views::object_of("label", shown(r), "linked", !r.url.empty(), "url",
                            r.url.empty() ? std::string{} : to(r.url));
}

json meeting_ref(const model::Site& site, const Page& m, const LinkTo& to) {
    return views::object_of("title", m.title, "url", to(m.url), "date_human", views::human_date(site.words, m.date));
}

json action_json(const model::Site& site, const Page& m, const model::Action& a, const LinkTo& to) {
    bool overdue = !a.done && !a.due.empty() && !site.reference_date.empty() && a.due < site.reference_date;
    return views::object_of("action", a.action, "owner", ref_to(a.owner, to), "has_owner", !a.owner.text.empty(),
                            "due_human", views::human_date(site.words, a.due), "status",
                            site.words.text(a.done        ? "status.done"
                                                : overdue ? "status.overdue"
                                                          : "status.open"),
                            "meeting", meeting_ref(site, m, to));
}

// One period's digest: the same values for the page (links relative) and the e-mail (absolute).
json digest_json(const model::Site& site, PeriodKind kind, const std::string& period, const Activity& a,
                 const Activity& before, const LinkTo& to) {
    json meetings = json::array(), decisions = json::array(), opened = json::array(), closed = json::array(),
         highlights = json::array();
    for (const Page* m : a.meetings) {
        meetings.push_back(views::object_of("title", m->title, "url", to(m->url), "date_human",
                                            views::human_date(site.words, m->date), "series", m->series,
                                            "attendee_count", std::to_string(m->attendees.size())));
        for (const auto& d : m->decisions)
            decisions.push_back(views::object_of("text", d, "meeting", meeting_ref(site, *m, to)));
        for (const auto& act : m->actions) opened.push_back(action_json(site, *m, act, to));
        for (const auto& h : m->highlights)
            highlights.push_back(views::object_of("text", h, "meeting", meeting_ref(site, *m, to)));
    }
    for (const auto& c : a.closed) closed.push_back(action_json(site, *c.meeting, *c.action, to));

    std::map<std::string, json> kinds;  // heading -> notes
    for (const Page* n : a.notes) {
        json& list = kinds[indexes::kind_heading(site.words, n->kind)];
        if (list.is_null()) list = json::array();
        list.push_back(views::object_of("title", n->title, "url", to(n->url), "date_human",
                                        views::human_date(site.words, n->date), "summary", n->summary, "authors",
                                        names(n->authors)));
    }
    json notes = json::array();
    for (auto& [heading, list] : kinds)
        notes.push_back(
            views::object_of("heading", heading, "count", std::to_string(list.size()), "notes", std::move(list)));
    json members = json::array();
    for (const Page* p : a.members)
        members.push_back(views::object_of("title", p->title, "url", to(p->url), "organisation", p->organisation,
                                           "joined_human", views::human_date(site.words, p->joined)));
    json phases = json::array();
    for (const auto& ph : a.phases)
        phases.push_back(views::object_of("domain", ph.domain->title, "url", to(ph.domain->url), "phase", ph.phase,
                                          "date_human", views::human_date(site.words, ph.day)));

    Measures now = measure(a), then = measure(before);
    json measures = json::array();
    const std::tuple<const char*, long, long> rows[] = {
        {"meetings", now.meetings, then.meetings},    {"attendances", now.attendances, then.attendances},
        {"attendees", now.attendees, then.attendees}, {"decisions", now.decisions, then.decisions},
        {"actions", now.actions, then.actions},       {"notes", now.notes, then.notes},
        {"members", now.members, then.members}};
    for (const auto& [key, n, b] : rows)
        measures.push_back(views::object_of("label", site.words.text(std::string("digest.rows.") + key), "now",
                                            std::to_string(n), "before", std::to_string(b), "change",
                                            change(site.words, n, b)));
    std::string previous = previous_period(kind, period);
    const i18n::Catalog& words = site.words;
    const std::string what = words.text(kind == PeriodKind::Month ? "digest.month" : "digest.quarter");
    json digest = views::object_of(
        "period", period, "title", period_title(words, kind, period), "short", period_short(words, kind, period),
        "previous_short", period_short(words, kind, previous), "kind", what, "no_meetings",
        words.format(kind == PeriodKind::Month ? "digest.no_meetings_month" : "digest.no_meetings_quarter", {}),
        "closed_note",
        words.text(kind == PeriodKind::Month ? "digest.closed_note_month" : "digest.closed_note_quarter"), "site_title",
        site.config.title, "meetings", std::move(meetings), "decisions", std::move(decisions), "actions_opened",
        std::move(opened), "actions_closed", std::move(closed), "highlights", std::move(highlights), "note_groups",
        std::move(notes), "note_count", std::to_string(a.notes.size()), "members", std::move(members), "phases",
        std::move(phases), "measures", std::move(measures), "reference_date",
        views::human_date(site.words, site.reference_date));
    views::flag_lists(digest);
    return digest;
}

}  // namespace

std::vector<views::HtmlPage> digest_pages(const model::Site& site) {
    std::vector<views::HtmlPage> out;
    PeriodKind kind = period_kind(site.config.digest);
    // Gathered once, shared by the lazily made pages (which outlive this call).
    auto activity = std::make_shared<const std::map<std::string, Activity>>(gather(site, kind));
    const std::string list_url = "/digest/";
    out.push_back(views::lazy_page(list_url, "digests", "the list of digests", [&site, activity, kind, list_url] {
        json periods = json::array();
        for (auto it = activity->rbegin(); it != activity->rend(); ++it) {
            const Activity& a = it->second;
            periods.push_back(views::object_of(
                "title", period_title(site.words, kind, it->first), "short", period_short(site.words, kind, it->first),
                "url", links::relative_url(list_url, "/digest/" + it->first + "/"), "email_url",
                links::relative_url(list_url, "/digest/" + it->first + "/email.html"), "meeting_count",
                std::to_string(a.meetings.size()), "note_count", std::to_string(a.notes.size())));
        }
        json ctx = views::page_frame(site, list_url, site.words.text("digest.digests"));
        ctx["digests"] = views::object_of(
            "title", site.words.text("digest.digests"), "kind", kind == PeriodKind::Month ? "month" : "quarter", "lede",
            site.words.html(kind == PeriodKind::Month ? "digest.lede_month" : "digest.lede_quarter"), "periods",
            std::move(periods));
        views::flag_lists(ctx["digests"]);
        return ctx;
    }));
    for (const auto& [period_key, unused] : *activity) {
        const std::string period = period_key;
        const std::string url = "/digest/" + period + "/";
        auto make = [&site, activity, kind, period](const LinkTo& to) {
            static const Activity none;
            auto before = activity->find(previous_period(kind, period));
            return digest_json(site, kind, period, activity->at(period),
                               before == activity->end() ? none : before->second, to);
        };
        out.push_back(views::lazy_page(url, "digest", "the digest of " + period, [&site, make, url, period] {
            json ctx = views::page_frame(site, url, site.words.format("digest.page_title", {{"period", period}}));
            ctx["digest"] = make([&](const std::string& u) { return links::relative_url(url, u); });
            ctx["digest"]["email_url"] = "email.html";
            ctx["digest"]["list_url"] = links::relative_url(url, "/digest/");
            ctx["page_title"] =
                site.words.format("digest.title", {{"period", ctx["digest"]["title"].get_ref<const std::string&>()}});
            return ctx;
        }));
        views::HtmlPage email =
            views::lazy_page(url + "email.html", "digest_email", "the e-mail digest of " + period, [&site, make, url] {
                // The site's frame, for its title, language and the as-of notice (links are absolute here).
                json ctx = views::page_frame(site, url + "email.html", "the e-mail digest", "");
                ctx["digest"] = make([&](const std::string& u) { return indexes::absolute_url(site, u); });
                ctx["digest"]["web_url"] = indexes::absolute_url(site, url);
                ctx["digest"]["home_url"] = indexes::absolute_url(site, "/");
                return ctx;
            });
        email.standalone = true;
        out.push_back(std::move(email));
    }
    return out;
}

}  // namespace cp::reports
