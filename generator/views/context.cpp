#include "views/context.hpp"

#include <cstring>

#include "links/urls.hpp"
#include "model/slug.hpp"
#include "text/escape.hpp"
#include "text/strings.hpp"
#include "text/url_policy.hpp"
#include "time/date.hpp"
#include "views/json_object.hpp"
#include "views/social.hpp"

namespace cp::views {

using model::Page;
using model::PageType;
using nlohmann::json;

const std::vector<NavEntry>& navigation() {
    static const std::vector<NavEntry> nav = {{"nav.domains", "/domains/"},   {"nav.meetings", "/meetings/"},
                                              {"nav.notes", "/notes/"},       {"nav.people", "/people/"},
                                              {"nav.timeline", "/timeline/"}, {"nav.search", "/search/"}};
    return nav;
}

std::string human_date(const i18n::Catalog& words, const std::string& date) { return words.date(date); }

json page_frame(const model::Site& site, const std::string& url, const std::string& title,
                const std::string& description) {
    json nav = json::array();
    for (const auto& entry : navigation()) {
        bool current = url.rfind(entry.url, 0) == 0;
        nav.push_back(object_of("label", site.words.text(entry.key), "url", links::relative_url(url, entry.url),
                                "current", current));
    }
    const auto& c = site.config;
    return object_of(
        "site",
        object_of("title", c.title, "description", c.description, "language", c.language, "base_url", c.base_url,
                  "audience", model::audience_name(site.audience), "is_public",
                  site.audience == model::Audience::Public, "as_of", site.as_of, "as_of_human",
                  human_date(site.words, site.as_of)),
        "root", links::root_prefix(url), "home_url", links::relative_url(url, "/"), "search_url",
        links::relative_url(url, "/search/"), "nav", std::move(nav), "url", url, "page_title", title, "is_home",
        url == "/", "description", description.empty() ? c.description : description, "social",
        social_card(site, url, url == "/" ? c.title : title, description.empty() ? c.description : description));
}

json media_context(const markdown::MediaEmbed& media, const std::string& language) {
    return object_of("video", media.video, "src", text::percent_encode_url(media.src), "mime", media.mime, "file_name",
                     media.file_name, "label", media.label, "captions", text::percent_encode_url(media.captions),
                     "transcript", media.transcript_html, "transcript_long",
                     media.transcript_text.size() > kLongTranscript, "language", language);
}

json ref_json(const model::Ref& ref, const std::string& from_url) {
    std::string label = ref.label.empty() ? ref.text : ref.label;
    return object_of("label", std::move(label), "linked", !ref.url.empty(), "url",
                     ref.url.empty() ? std::string{} : links::relative_url(from_url, ref.url));
}

json refs_json(const std::vector<model::Ref>& refs, const std::string& from_url) {
    json arr = json::array();
    for (std::size_t i = 0; i < refs.size(); ++i) {
        json j = ref_json(refs[i], from_url);
        j["last"] = i + 1 == refs.size();
        arr.push_back(std::move(j));
    }
    return arr;
}

namespace {

json strings(const std::vector<std::string>& items) {
    json arr = json::array();
    for (const auto& s : items) arr.push_back(s);
    return arr;
}

// A URL from content or the config, as an href: empty when the URL policy refuses it (the
// model and the config warned where it was written).
std::string href_of(const std::string& url) { return text::url_allowed(url) ? url : std::string{}; }

std::string repo_link(const std::string& pattern, const std::string& path) {
    if (pattern.empty()) return {};
    std::string out = pattern;
    auto pos = out.find("{path}");
    if (pos == std::string::npos) return {};
    return out.replace(pos, 6, path);
}

// The history link from the repo_url pattern: GitHub's and GitLab's file view (/blob/) or editor
// (/edit/) becomes their per-file commit list (/commits/). Other hosts get no history link.
std::string repo_history_link(const std::string& pattern, const std::string& path) {
    std::string url = repo_link(pattern, path);
    for (const char* view : {"/blob/", "/edit/"}) {
        auto pos = url.find(view);
        if (pos != std::string::npos) return url.replace(pos, std::strlen(view), "/commits/");
    }
    return {};
}

// The file's revisions, newest first, each credited to the page's contributor of that commit.
json revisions_json(const model::Site& site, const Page& page) {
    json out = json::array();
    const history::FileHistory* fh = site.history.find(page.source_path);
    if (!fh) return out;
    for (const auto& r : fh->revisions) {
        json author = object_of("label", "", "linked", false, "url", "");
        for (const auto& c : page.contributors)
            if (c.text == r.contributor) author = ref_json(c, page.url);
        out.push_back(object_of("date", r.date(), "date_human", human_date(site.words, r.date()), "author",
                                std::move(author), "subject", r.subject()));
    }
    return out;
}

// A page's history: created, updated, its contributors, the repository's links and its revisions.
void add_history_fields(json& p, const model::Site& site, const Page& page, const std::string& from) {
    p["created"] = page.created;
    p["created_human"] = human_date(site.words, page.created);
    p["updated"] = page.updated;
    p["updated_human"] = human_date(site.words, page.updated);
    p["contributors"] = refs_json(page.contributors, from);
    p["history_incomplete"] = page.history_incomplete;
    p["edit_url"] = href_of(repo_link(site.config.repo_url, page.source_path));
    p["history_url"] = href_of(repo_history_link(site.config.repo_url, page.source_path));
    p["revisions"] = revisions_json(site, page);
    p["revision_count"] = std::to_string(p["revisions"].size());
}

// A domain's own fields: conveners, phases, practices, learning agenda, parent.
void add_domain_fields(json& p, const model::Site& site, const Page& page, const std::string& from) {
    p["conveners"] = refs_json(page.conveners, from);
    p["phase"] = page.phase;
    p["phase_label"] = site.words.label("phases", page.phase);
    json phases = json::array();
    for (const auto& ph : page.phases)
        phases.push_back(object_of("phase", site.words.label("phases", ph.phase), "since", ph.since, "since_human",
                                   human_date(site.words, ph.since)));
    p["phases"] = std::move(phases);
    p["started"] = page.started;
    p["started_human"] = human_date(site.words, page.started);
    p["practices"] = strings(page.practices);
    json agenda = json::array();
    for (const auto& q : page.learning_agenda) {
        json item = object_of("question", q.question, "status", q.status, "answered", q.status == "answered");
        item["answered_in"] = ref_json(q.answered_in, from);
        item["has_answer"] = !q.answered_in.url.empty();
        agenda.push_back(std::move(item));
    }
    p["learning_agenda"] = std::move(agenda);
    p["expected_results"] = strings(page.expected_results);
    p["audiences"] = strings(page.audiences);
    p["parent"] = ref_json(page.parent, from);
    p["has_parent"] = !page.parent.label.empty();
}

// A meeting's own fields: when and where, who came and in what role, agenda, decisions,
// actions, parking lot, feedback, highlights.
void add_meeting_fields(json& p, const model::Site& site, const Page& page, const std::string& from) {
    p["time"] = page.time;
    p["end_time"] = page.end_time;
    p["location"] = page.location;
    p["format"] = page.format;
    p["format_label"] = site.words.label("formats", page.format);
    p["series"] = page.series;
    p["attendees"] = refs_json(page.attendees, from);
    p["attendee_count"] = std::to_string(page.attendees.size());
    p["apologies"] = refs_json(page.apologies, from);
    json roles = json::array();
    for (const auto& r : page.roles)
        roles.push_back(object_of("role", r.role, "role_label", site.words.label("roles", r.role), "people",
                                  refs_json(r.people, from)));
    p["roles"] = std::move(roles);
    p["agenda"] = strings(page.agenda);
    p["decisions"] = strings(page.decisions);
    json actions = json::array();
    for (const auto& a : page.actions) {
        json item =
            object_of("action", a.action, "due", a.due, "due_human", human_date(site.words, a.due), "done", a.done);
        item["owner"] = ref_json(a.owner, from);
        item["has_owner"] = !a.owner.text.empty();
        item["overdue"] = !a.done && !a.due.empty() && !site.reference_date.empty() && a.due < site.reference_date;
        actions.push_back(std::move(item));
    }
    p["actions"] = std::move(actions);
    p["parking_lot"] = strings(page.parking_lot);
    p["went_well"] = strings(page.went_well);
    p["to_improve"] = strings(page.to_improve);
    p["has_feedback"] = !page.went_well.empty() || !page.to_improve.empty();
    p["highlights"] = strings(page.highlights);
}

// A note's own fields: its kind, related pages, its source (shown as text when refused).
void add_note_fields(json& p, const model::Site& site, const Page& page, const std::string& from) {
    p["kind"] = page.kind;
    p["kind_label"] = site.words.label("kinds", page.kind);
    p["related"] = refs_json(page.related, from);
    p["source"] = href_of(page.source_url);
    // A refused source is still shown, as text.
    p["source_text"] = href_of(page.source_url).empty() ? page.source_text + page.source_url : std::string{};
}

// A person's own fields: roles, organisation, profession, expertise, when they joined.
void add_person_fields(json& p, const model::Site& site, const Page& page) {
    p["roles"] = json::array();
    for (const auto& r : page.person_roles) p["roles"].push_back(site.words.label("roles", r));
    p["organisation"] = page.organisation;
    p["profession"] = page.profession;
    p["expertise"] = strings(page.expertise);
    p["joined"] = page.joined;
    p["joined_human"] = human_date(site.words, page.joined);
}

}  // namespace

json page_link(const i18n::Catalog& words, const Page& page, const std::string& from_url) {
    const std::string type(model::type_name(page.type));
    return object_of("title", page.title, "url", links::relative_url(from_url, page.url), "type", type, "type_label",
                     words.name("types", type), "date", model::day_of(page.date), "date_human", words.date(page.date),
                     "summary", page.summary, "kind", page.kind, "kind_label", words.name("kinds", page.kind));
}

std::string template_for(const Page& page) {
    if (page.type == PageType::Page && page.url == "/") return "home";
    return std::string(model::type_name(page.type));
}

json page_context(const model::Site& site, const Page& page, const links::RenderedPage& rendered,
                  const std::vector<Page>& pages) {
    const std::string& from = page.url;
    json ctx = page_frame(site, page.url, page.title, page.summary);
    // The card shows the page's own first picture, when it has one a card can show.
    if (!ctx["social"].is_null())
        for (const auto& image : rendered.links.images)
            if (is_card_picture(image)) {
                ctx["social"] = social_card(site, page.url, page.url == "/" ? site.config.title : page.title,
                                            page.summary.empty() ? site.config.description : page.summary, image);
                break;
            }
    json p = object_of("title", page.title, "type", std::string(model::type_name(page.type)), "type_label",
                       site.words.text("types." + std::string(model::type_name(page.type))), "date",
                       model::day_of(page.date), "date_human", human_date(site.words, page.date), "summary",
                       page.summary, "content", rendered.body->html(), "is_public",
                       page.visibility == model::Visibility::Public, "is_draft", page.draft, "params", page.params);
    // A summary written in front matter stands above the text; one taken from the first
    // paragraph would only repeat what follows it.
    p["lede"] = page.summary == rendered.body->summary ? std::string{} : page.summary;
    p["language"] = page.language;  // the content's own, when it is not the site's
    json tags = json::array();
    for (const auto& t : page.tags)
        tags.push_back(object_of("name", t, "url", links::relative_url(from, "/tags/" + model::slugify(t) + "/")));
    p["tags"] = std::move(tags);
    p["domains"] = refs_json(page.domains, from);
    p["authors"] = refs_json(page.authors, from);
    json headings = json::array();
    for (const auto& h : rendered.body->headings)
        if (h.level == 2) headings.push_back(object_of("text", h.text, "id", h.id));
    p["has_headings"] = headings.size() >= 3;
    p["headings"] = std::move(headings);

    json backlinks = json::array();
    for (std::size_t i : rendered.backlinks) backlinks.push_back(page_link(site.words, pages[i], from));
    p["backlinks"] = std::move(backlinks);

    add_history_fields(p, site, page, from);

    switch (page.type) {
        case PageType::Domain:
            add_domain_fields(p, site, page, from);
            break;
        case PageType::Meeting:
            add_meeting_fields(p, site, page, from);
            break;
        case PageType::Note:
            add_note_fields(p, site, page, from);
            break;
        case PageType::Person:
            add_person_fields(p, site, page);
            break;
        case PageType::Page:
            break;
    }
    ctx["page"] = std::move(p);
    return ctx;
}

}  // namespace cp::views
