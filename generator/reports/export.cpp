#include "reports/export.hpp"

#include "indexes/feeds.hpp"
#include "reports/dublin_core.hpp"
#include "reports/json_text.hpp"
#include "reports/lists.hpp"
#include "reports/rebase.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

// A reference: what is shown, and the page's address when this build has the page.
json ref(const model::Ref& r) {
    return views::object_of("label", shown(r), "url", r.url.empty() ? json(nullptr) : json(r.url));
}

json refs(const std::vector<model::Ref>& list) {
    json out = json::array();
    for (const auto& r : list) out.push_back(ref(r));
    return out;
}

json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// The fields of the page's own type.
json type_fields(const Page& p) {
    switch (p.type) {
        case PageType::Domain: {
            json phases = json::array(), agenda = json::array();
            for (const auto& ph : p.phases) phases.push_back(views::object_of("phase", ph.phase, "since", ph.since));
            for (const auto& q : p.learning_agenda)
                agenda.push_back(views::object_of("question", q.question, "status", q.status, "answered_in",
                                                  q.answered_in.text.empty() ? json(nullptr) : ref(q.answered_in)));
            return views::object_of("conveners", refs(p.conveners), "phase", or_null(p.phase), "phases",
                                    std::move(phases), "started", or_null(p.started), "practices", strings(p.practices),
                                    "learning_agenda", std::move(agenda), "expected_results",
                                    strings(p.expected_results), "audiences", strings(p.audiences), "parent",
                                    p.parent.text.empty() ? json(nullptr) : ref(p.parent));
        }
        case PageType::Meeting: {
            json roles = json::object(), actions = json::array();
            for (const auto& r : p.roles) roles[r.role] = refs(r.people);
            for (const auto& a : p.actions)
                actions.push_back(views::object_of("action", a.action, "owner",
                                                   a.owner.text.empty() ? json(nullptr) : ref(a.owner), "due",
                                                   or_null(a.due), "done", a.done));
            return views::object_of(
                "time", or_null(p.time), "end_time", or_null(p.end_time), "location", or_null(p.location), "format",
                or_null(p.format), "series", or_null(p.series), "attendees", refs(p.attendees), "apologies",
                refs(p.apologies), "roles", std::move(roles), "agenda", strings(p.agenda), "decisions",
                strings(p.decisions), "actions", std::move(actions), "parking_lot", strings(p.parking_lot), "feedback",
                views::object_of("went_well", strings(p.went_well), "to_improve", strings(p.to_improve)), "highlights",
                strings(p.highlights));
        }
        case PageType::Note:
            return views::object_of("kind", p.kind.empty() ? std::string("note") : p.kind, "related", refs(p.related),
                                    "source", or_null(p.source_url), "value", strings(p.value_cycles), "indicators",
                                    strings(p.indicators));
        case PageType::Person:
            return views::object_of("roles", strings(p.person_roles), "organisation", or_null(p.organisation),
                                    "profession", or_null(p.profession), "expertise", strings(p.expertise), "joined",
                                    or_null(p.joined));
        case PageType::Page:
            break;
    }
    return json::object();
}

json history_json(const model::Site& site, const Page& p) {
    json revisions = json::array();
    if (const history::FileHistory* fh = site.history.find(p.source_path))
        for (const auto& r : fh->revisions) {
            json who = views::object_of("label", r.contributor, "url", nullptr);
            for (const auto& c : p.contributors)
                if (c.text == r.contributor) who = ref(c);
            revisions.push_back(views::object_of("commit", r.commit(), "date", r.date(), "contributor", std::move(who),
                                                 "subject", r.subject()));
        }
    return views::object_of("created", or_null(p.created), "updated", or_null(p.updated), "contributors",
                            refs(p.contributors), "incomplete", p.history_incomplete, "revisions",
                            std::move(revisions));
}

}  // namespace

namespace {

json page_json(const model::Site& site, const Page& p, const links::RenderedPage& body) {
    auto absolute = [&](const std::string& u) { return indexes::absolute_url(site, u); };
    json backlinks = json::array(), tags = json::array();
    for (std::size_t b : body.backlinks) backlinks.push_back(site.pages[b].url);
    for (const auto& t : p.tags) tags.push_back(t);
    auto [html, words] = body.body->html_and_plain_text();
    return views::object_of(
        "url", p.url, "absolute_url", absolute(p.url), "type", std::string(model::type_name(p.type)), "slug", p.slug,
        "source_path", p.source_path, "title", p.title, "date", or_null(p.date), "summary", p.summary, "tags",
        std::move(tags), "domains", refs(p.domains), "authors", refs(p.authors), "visibility",
        p.visibility == model::Visibility::Public ? "public" : "community", "fields", type_fields(p), "params",
        p.params, "text", views::object_of("html", rebase_links(html, p.url, absolute), "plain", std::move(words)),
        "history", history_json(site, p), "links",
        views::object_of("pages", strings(body.links.pages), "assets", strings(body.links.assets), "backlinks",
                         std::move(backlinks)));
}

}  // namespace

views::RawFile memory_export(const links::ResolvedSite& resolved) {
    // Made as it is written, a page at a time: at 50,000 notes the whole document is over half
    // a gigabyte, and its JSON tree several times that. The bytes are exactly those of one
    // dump(1, '\t') of the document (pages is its last key, the keys being in order).
    return views::streamed_file("export/memory.json", "the export", [&resolved](const auto& piece) {
        const model::Site& site = resolved.site();
        const auto& bodies = resolved.bodies();
        json head =
            views::object_of("$schema", indexes::absolute_url(site, "/export/schema.json"), "format",
                             "commonplace-memory/1", "audience", model::audience_name(site.audience), "base_url",
                             site.config.base_url, "dublin_core", dublin_core_json(dublin_core(site)));
        std::string text;
        append_json(text, head);
        text.resize(text.size() - 2);  // "\n}": the pages come before the close
        if (site.pages.empty()) {
            piece(text + ",\n\t\"pages\": []\n}\n");
            return;
        }
        piece(text + ",\n\t\"pages\": [\n");
        std::string page;  // one page at a time, in the room the largest so far took
        for (std::size_t i = 0; i < site.pages.size(); ++i) {
            page.assign("\t\t");
            append_json(page, page_json(site, site.pages[i], bodies[i]), 2);
            page += i + 1 < site.pages.size() ? ",\n" : "\n";
            piece(page);
        }
        piece("\t]\n}\n");
    });
}

views::RawFile export_schema() { return {"export/schema.json", export_schema_text(), "the export's schema"}; }

}  // namespace cp::reports
