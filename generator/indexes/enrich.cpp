// RelatedPages: what each page shows from other pages, gathered once for the whole site.
#include <algorithm>
#include <map>
#include <set>

#include "indexes/indexes.hpp"
#include "indexes/labels.hpp"
#include "indexes/timeline.hpp"
#include "links/urls.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct PagerLink {
    std::string label;
    std::string domain;  // the domain's URL, or empty for a series
    std::size_t prev = kNone, next = kNone;
};

// A person's part in one meeting: attended, and the roles held there.
struct Involvement {
    std::size_t meeting = 0;
    bool attended = false;
    std::vector<std::string> roles;
};

struct OwnedAction {
    std::size_t meeting = 0, action = 0;
};

}  // namespace

struct RelatedPages::Data {
    const model::Site& site;
    Timeline timeline;                                                // shared with the timeline pages
    std::map<std::string, std::vector<std::size_t>> domain_entries;   // domain url -> timeline indices
    std::map<std::string, std::vector<std::size_t>> domain_meetings;  // domain url -> pages, newest first
    std::map<std::string, std::vector<std::size_t>> domain_notes;
    std::map<std::string, std::vector<Involvement>> person_meetings;  // person url -> meetings
    std::map<std::string, std::vector<std::size_t>> person_notes;     // person url -> notes written
    std::map<std::string, std::vector<OwnedAction>> person_actions;
    std::vector<std::vector<PagerLink>> pagers;  // by page index
    explicit Data(const model::Site& s) : site(s), pagers(s.pages.size()) {}
};

namespace {

bool older(const model::Site& site, std::size_t a, std::size_t b) {
    const Page &pa = site.pages[a], &pb = site.pages[b];
    if (pa.date != pb.date) return pa.date < pb.date;
    return pa.url < pb.url;
}

// Links each page of `sequence` (oldest first) to its neighbours under `label`.
void add_pager(std::vector<std::vector<PagerLink>>& pagers, const std::vector<std::size_t>& sequence,
               const std::string& label, const std::string& domain) {
    for (std::size_t k = 0; k < sequence.size(); ++k)
        pagers[sequence[k]].push_back(
            {label, domain, k ? sequence[k - 1] : kNone, k + 1 < sequence.size() ? sequence[k + 1] : kNone});
}

json page_list(const model::Site& site, const std::vector<std::size_t>& pages, const std::string& from) {
    json out = json::array();
    for (std::size_t i : pages) out.push_back(views::page_link(site.words, site.pages[i], from));
    return out;
}

// One line of a person's own timeline.
struct PersonEntry {
    std::string date;
    int order = 0;  // joined, meeting, action, note: the order within one day
    std::string type_label, title, url, context;
};

}  // namespace

RelatedPages::RelatedPages(const links::ResolvedSite& resolved) : data_(std::make_unique<Data>(resolved.site())) {
    const model::Site& site = resolved.site();
    Data& d = *data_;
    d.timeline = resolved.timeline();
    for (std::size_t k = 0; k < d.timeline->size(); ++k)
        for (const auto& url : entry_domains(site, (*d.timeline)[k])) d.domain_entries[url].push_back(k);

    std::map<std::string, std::vector<std::size_t>> series;
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        if (p.type != PageType::Meeting && p.type != PageType::Note) continue;
        std::set<std::string> seen;  // a domain named twice counts once
        for (const auto& dom : p.domains) {
            if (dom.url.empty() || !seen.insert(dom.url).second) continue;
            (p.type == PageType::Meeting ? d.domain_meetings : d.domain_notes)[dom.url].push_back(i);
        }
        if (p.type == PageType::Note) {
            for (const auto& a : p.authors)
                if (!a.url.empty()) {
                    auto& notes = d.person_notes[a.url];
                    if (notes.empty() || notes.back() != i) notes.push_back(i);
                }
            continue;
        }
        if (!p.series.empty()) series[p.series].push_back(i);
        // Who took part, and the roles each held.
        std::map<std::string, Involvement> people;
        auto involvement = [&](const std::string& url) -> Involvement& {
            return people.try_emplace(url, Involvement{i, false, {}}).first->second;
        };
        for (const auto& a : p.attendees)
            if (!a.url.empty()) involvement(a.url).attended = true;
        for (const auto& role : p.roles)
            for (const auto& who : role.people)
                if (!who.url.empty()) involvement(who.url).roles.push_back(site.words.label("roles", role.role));
        for (auto& [url, inv] : people) d.person_meetings[url].push_back(std::move(inv));
        for (std::size_t a = 0; a < p.actions.size(); ++a)
            if (!p.actions[a].owner.url.empty()) d.person_actions[p.actions[a].owner.url].push_back({i, a});
    }

    // Newest first for the lists; oldest first for previous/next. Every page's place in time
    // is ranked once, so the many lists below sort numbers, not dates and addresses.
    std::vector<std::size_t> by_age(site.pages.size());
    for (std::size_t i = 0; i < by_age.size(); ++i) by_age[i] = i;
    std::sort(by_age.begin(), by_age.end(), [&](std::size_t a, std::size_t b) { return older(site, a, b); });
    std::vector<std::size_t> age(site.pages.size());
    for (std::size_t k = 0; k < by_age.size(); ++k) age[by_age[k]] = k;
    auto is_older = [&age](std::size_t a, std::size_t b) { return age[a] < age[b]; };
    auto newest_first = [&](std::vector<std::size_t>& v) {
        std::sort(v.begin(), v.end(), [&](std::size_t a, std::size_t b) { return is_older(b, a); });
    };
    for (auto& [name, pages] : series) {
        std::sort(pages.begin(), pages.end(), is_older);
        add_pager(d.pagers, pages, site.words.format("pager.series", {{"series", name}}), {});
    }
    const model::SiteIndex& index = resolved.index();
    for (auto& [url, pages] : d.domain_meetings) {
        std::sort(pages.begin(), pages.end(), is_older);
        const Page* domain = index.by_url(url);
        add_pager(d.pagers, pages, site.words.format("pager.domain", {{"domain", domain ? domain->title : url}}), url);
        std::reverse(pages.begin(), pages.end());
    }
    for (auto& [url, pages] : d.domain_notes) newest_first(pages);
    for (auto& [url, pages] : d.person_notes) newest_first(pages);
    for (auto& [url, list] : d.person_meetings)
        std::sort(list.begin(), list.end(),
                  [&](const Involvement& a, const Involvement& b) { return is_older(b.meeting, a.meeting); });
}

RelatedPages::~RelatedPages() = default;

namespace {

// The value at `key`, or nullptr.
template <typename Map>
const typename Map::mapped_type* find_in(const Map& map, const std::string& key) {
    auto it = map.find(key);
    return it == map.end() ? nullptr : &it->second;
}

// A domain's meetings and notes (newest first, with their counts), its latest meeting, and
// its timeline (the entries of `timeline` at `entries`).
void add_domain_fields(const model::Site& site, const Page& page, const std::vector<std::size_t>* meetings,
                       const std::vector<std::size_t>* notes, const std::vector<std::size_t>* entries,
                       const Timeline& timeline, json& out) {
    static const std::vector<std::size_t> none;
    const std::string& from = page.url;
    out["domain_meetings"] = page_list(site, meetings ? *meetings : none, from);
    out["domain_notes"] = page_list(site, notes ? *notes : none, from);
    out["meeting_count"] = std::to_string(meetings ? meetings->size() : 0);
    out["note_count"] = std::to_string(notes ? notes->size() : 0);
    out["all_meetings"] =
        site.words.format("domain.all_meetings", {{"n", std::to_string(meetings ? meetings->size() : 0)}});
    if (meetings && !meetings->empty())
        out["latest_meeting"] = views::page_link(site.words, site.pages[meetings->front()], from);
    json lines = json::array();
    if (entries)
        for (std::size_t k : *entries) lines.push_back(entry_json(site, (*timeline)[k], from));
    out["timeline"] = std::move(lines);
}

// A meeting's previous and next links: its series first, then each domain in the order the
// meeting names them.
json meeting_pager(const model::Site& site, const Page& page, const std::vector<PagerLink>& links_here) {
    const std::string& from = page.url;
    json pager = json::array();
    auto link = [&](std::size_t i) -> json {
        if (i == kNone) return nullptr;
        return views::object_of("url", links::relative_url(from, site.pages[i].url), "title", site.pages[i].title,
                                "date_human", views::human_date(site.words, site.pages[i].date));
    };
    auto add = [&](const PagerLink& pl) {
        pager.push_back(views::object_of("label", pl.label, "prev", link(pl.prev), "next", link(pl.next)));
    };
    for (const auto& pl : links_here)
        if (pl.domain.empty()) add(pl);
    std::vector<std::string> done;
    for (const auto& dom : page.domains) {
        if (dom.url.empty() || std::find(done.begin(), done.end(), dom.url) != done.end()) continue;
        done.push_back(dom.url);
        for (const auto& pl : links_here)
            if (pl.domain == dom.url) add(pl);
    }
    return pager;
}

// The meetings a person took part in, with the roles held at each; each is also a line of
// their timeline (`entries`).
json person_meetings(const model::Site& site, const std::string& from, const std::vector<Involvement>* list,
                     std::vector<PersonEntry>& entries) {
    json meetings = json::array();
    if (!list) return meetings;
    for (const auto& inv : *list) {
        const Page& m = site.pages[inv.meeting];
        json item = views::page_link(site.words, m, from);
        std::string roles;
        for (const auto& r : inv.roles) roles += (roles.empty() ? "" : ", ") + r;
        item["roles"] = roles;
        meetings.push_back(std::move(item));
        std::string label = roles.empty() ? site.words.text("person.attended") : roles;
        entries.push_back({model::day_of(m.date), 1, label, m.title, m.url, {}});
    }
    return meetings;
}

// The actions a person owns that are still open, those with a due date first; every action
// they own, done or not, is a line of their timeline (`entries`).
json person_open_actions(const model::Site& site, const std::string& from, const std::vector<OwnedAction>* list,
                         std::vector<PersonEntry>& entries) {
    json open_actions = json::array();
    if (list)
        for (const auto& oa : *list) {
            const Page& m = site.pages[oa.meeting];
            const model::Action& a = m.actions[oa.action];
            bool overdue = !a.done && !a.due.empty() && !site.reference_date.empty() && a.due < site.reference_date;
            const i18n::Catalog& words = site.words;
            std::string status = words.text(a.done        ? "person.action_done"
                                                : overdue ? "person.action_overdue"
                                                          : "person.action_open");
            std::string context = a.due.empty()
                ? status
                : words.format("person.action_due", {{"date", views::human_date(words, a.due)}, {"status", status}});
            entries.push_back(
                {model::day_of(m.date), 2, words.text("timeline.badges.action"), a.action, m.url, context});
            if (!a.done)
                open_actions.push_back(views::object_of("action", a.action, "due", a.due, "due_human",
                                                        views::human_date(site.words, a.due), "overdue", overdue,
                                                        "meeting", views::page_link(site.words, m, from)));
        }
    std::stable_sort(open_actions.begin(), open_actions.end(), [](const json& a, const json& b) {
        const std::string &da = a["due"].get_ref<const std::string&>(), &db = b["due"].get_ref<const std::string&>();
        if (da.empty() != db.empty()) return db.empty();  // actions with a due date first
        return da < db;
    });
    return open_actions;
}

// A person's own timeline, newest first (within a day: joined, meetings, actions, notes).
json person_timeline(const model::Site& site, std::vector<PersonEntry> entries, const std::string& from) {
    std::stable_sort(entries.begin(), entries.end(), [](const PersonEntry& a, const PersonEntry& b) {
        if (a.date != b.date) return a.date > b.date;
        return a.order < b.order;
    });
    json timeline = json::array();
    for (const auto& e : entries) {
        if (e.date.empty()) continue;  // an undated note has no place in time
        static const char* types[] = {"joined", "meeting", "action", "note"};
        timeline.push_back(
            views::object_of("key", "", "date", e.date, "date_human", views::human_date(site.words, e.date), "type",
                             types[e.order], "type_label", e.type_label, "title", e.title, "url",
                             e.url.empty() ? std::string{} : links::relative_url(from, e.url), "context", e.context,
                             "domains", json::array(), "has_domains", false, "domain_keys", ""));
    }
    return timeline;
}

// A person's meetings, open actions, notes written, and their timeline of all of these.
void add_person_fields(const model::Site& site, const Page& page, const std::vector<Involvement>* meetings,
                       const std::vector<OwnedAction>* actions, const std::vector<std::size_t>* notes, json& out) {
    const std::string& from = page.url;
    std::vector<PersonEntry> entries;
    if (!page.joined.empty())
        entries.push_back({model::day_of(page.joined),
                           0,
                           site.words.text("timeline.badges.joined"),
                           site.words.text("person.joined_community"),
                           {},
                           {}});
    out["person_meetings"] = person_meetings(site, from, meetings, entries);
    out["person_actions"] = person_open_actions(site, from, actions, entries);
    static const std::vector<std::size_t> none;
    out["person_notes"] = page_list(site, notes ? *notes : none, from);
    if (notes)
        for (std::size_t i : *notes)
            entries.push_back({model::day_of(site.pages[i].date),
                               3,
                               kind_label(site.words, site.pages[i].kind),
                               site.pages[i].title,
                               site.pages[i].url,
                               {}});
    out["timeline"] = person_timeline(site, std::move(entries), from);
}

}  // namespace

json RelatedPages::fields(std::size_t page_index) const {
    const Data& d = *data_;
    const model::Site& site = d.site;
    const Page& page = site.pages[page_index];
    json out = json::object();
    if (page.type == PageType::Domain)
        add_domain_fields(site, page, find_in(d.domain_meetings, page.url), find_in(d.domain_notes, page.url),
                          find_in(d.domain_entries, page.url), d.timeline, out);
    if (page.type == PageType::Meeting) out["pager"] = meeting_pager(site, page, d.pagers[page_index]);
    if (page.type == PageType::Person)
        add_person_fields(site, page, find_in(d.person_meetings, page.url), find_in(d.person_actions, page.url),
                          find_in(d.person_notes, page.url), out);
    return out;
}

}  // namespace cp::indexes
