#include "reports/print.hpp"

#include <memory>

#include <algorithm>
#include <map>
#include <set>

#include "indexes/feeds.hpp"
#include "indexes/labels.hpp"
#include "links/urls.hpp"
#include "reports/dublin_core.hpp"
#include "reports/lists.hpp"
#include "reports/rebase.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::reports {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

std::string anchor_of(const Page& p) { return "p-" + std::string(model::type_name(p.type)) + "-" + p.slug; }

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : "; ") + s;
    return out;
}

bool by_title(const Page* a, const Page* b) { return a->title < b->title; }

// The pages one print holds: everything, or one domain with its meetings, notes and people.
struct Selection {
    std::vector<const Page*> domains, meetings, notes, people;
};

Selection select(const model::Site& site, const Page* domain) {
    Selection s;
    auto in_domain = [&](const Page& p) {
        if (!domain) return true;
        for (const auto& d : p.domains)
            if (d.url == domain->url) return true;
        return false;
    };
    std::set<std::string> people;  // a domain's people: its conveners, members, attendees and authors
    for (const auto& p : site.pages) {
        if (p.type == PageType::Domain && (!domain || &p == domain || p.parent.url == domain->url))
            s.domains.push_back(&p);
        if (p.type == PageType::Meeting && in_domain(p)) {
            s.meetings.push_back(&p);
            for (const auto& a : p.attendees) people.insert(a.url);
        }
        if (p.type == PageType::Note && in_domain(p)) {
            s.notes.push_back(&p);
            for (const auto& a : p.authors) people.insert(a.url);
        }
    }
    if (domain)
        for (const auto& c : domain->conveners) people.insert(c.url);
    for (const auto& p : site.pages)
        if (p.type == PageType::Person && (!domain || people.count(p.url) || in_domain(p))) s.people.push_back(&p);
    std::sort(s.domains.begin(), s.domains.end(), by_title);
    std::sort(s.meetings.begin(), s.meetings.end(), [](const Page* a, const Page* b) {
        if (a->date != b->date) return a->date < b->date;
        return a->url < b->url;
    });
    std::stable_sort(s.notes.begin(), s.notes.end(), [&site](const Page* a, const Page* b) {
        if (a->kind != b->kind)
            return indexes::kind_heading(site.words, a->kind) < indexes::kind_heading(site.words, b->kind);
        return a->title < b->title;
    });
    std::sort(s.people.begin(), s.people.end(), by_title);
    return s;
}

json print_json(const model::Site& site, const std::vector<links::RenderedPage>& bodies, const Page* domain,
                const std::string& url, views::DeferredParts& parts) {
    Selection s = select(site, domain);
    // page url -> its anchor in this document; kept by the texts, which are made as it is written
    auto anchors = std::make_shared<std::map<std::string, std::string>>();
    for (const auto* list : {&s.domains, &s.meetings, &s.notes, &s.people})
        for (const Page* p : *list) (*anchors)[p->url] = anchor_of(*p);
    auto index_of = [&](const Page* p) { return static_cast<std::size_t>(p - site.pages.data()); };
    // A link to a page in this document stays in it; any other goes to the site. Images load
    // from beside the document, so that it prints whole from a copy of the site. Each text is
    // made as the document is written (a deferred part), never all at once.
    auto body = [&](const Page* p) {
        return parts.add([&site, &html = bodies[index_of(p)].body.html, page_url = p->url, anchors, url] {
            return rebase_links(html, page_url, [&](const std::string& target) {
                std::string page = target.substr(0, target.find('#'));
                if (auto it = anchors->find(page); it != anchors->end()) return "#" + it->second;
                if (target.rfind("/assets/", 0) == 0) return links::relative_url(url, target);
                return indexes::absolute_url(site, target);
            });
        });
    };
    auto item = [&](const Page* p) {
        return views::object_of("anchor", anchor_of(*p), "title", p->title, "address",
                                indexes::absolute_url(site, p->url), "date_human",
                                views::human_date(site.words, p->date), "summary", p->summary, "content", body(p));
    };

    json domains = json::array(), meetings = json::array(), people = json::array();
    for (const Page* d : s.domains) {
        json j = item(d);
        j["phase"] = site.words.label("phases", d->phase);
        j["conveners"] = names(d->conveners);
        j["practices"] = joined(d->practices);
        domains.push_back(std::move(j));
    }
    for (const Page* m : s.meetings) {
        json j = item(m);
        j["location"] = m->location;
        j["series"] = m->series;
        j["attendees"] = names(m->attendees);
        j["decisions"] = strings(m->decisions);
        json actions = json::array();
        for (const auto& a : m->actions)
            actions.push_back(views::object_of("action", a.action, "owner", shown(a.owner), "due_human",
                                               views::human_date(site.words, a.due), "done", a.done));
        j["actions"] = std::move(actions);
        j["went_well"] = strings(m->went_well);
        j["to_improve"] = strings(m->to_improve);
        views::flag_lists(j);
        meetings.push_back(std::move(j));
    }
    std::vector<std::pair<std::string, json>> kinds;  // heading -> notes, in the notes' order
    for (const Page* n : s.notes) {
        std::string heading = indexes::kind_heading(site.words, n->kind);
        if (kinds.empty() || kinds.back().first != heading) kinds.push_back({heading, json::array()});
        json j = item(n);
        j["authors"] = names(n->authors);
        j["kind"] = indexes::kind_label(site.words, n->kind);
        kinds.back().second.push_back(std::move(j));
    }
    json note_kinds = json::array();
    for (auto& [heading, list] : kinds)
        note_kinds.push_back(
            views::object_of("heading", heading, "count", std::to_string(list.size()), "notes", std::move(list)));
    for (const Page* p : s.people) {
        json j = item(p);
        j["organisation"] = p->organisation;
        j["profession"] = p->profession;
        j["expertise"] = joined(p->expertise);
        people.push_back(std::move(j));
    }
    json contents = json::array();
    auto entry = [&](const std::string& label, const char* anchor, std::size_t count, const json& items) {
        json sub = json::array();
        if (items.is_array())
            for (const auto& i : items) sub.push_back(views::object_of("title", i["title"], "anchor", i["anchor"]));
        contents.push_back(views::object_of("label", label, "anchor", anchor, "count", std::to_string(count),
                                            "has_items", !sub.empty(), "items", std::move(sub)));
    };
    const i18n::Catalog& words = site.words;
    entry(words.text("print.domains"), "domains", s.domains.size(), domains);
    entry(words.text("print.meetings"), "meetings", s.meetings.size(), nullptr);
    entry(words.text("print.notes"), "notes", s.notes.size(), nullptr);
    entry(words.text("print.people"), "people", s.people.size(), nullptr);

    DublinCore dc = dublin_core(site, domain ? domain->title : std::string{});
    if (domain) dc.description = domain->summary;
    dc.identifier = indexes::absolute_url(site, url);
    return views::object_of(
        "title", domain ? domain->title : site.config.title, "subtitle",
        domain ? words.format("print.domain_of", {{"title", site.config.title}}) : site.config.description, "address",
        indexes::absolute_url(site, url), "site_address", indexes::absolute_url(site, "/"), "built_human",
        views::human_date(site.words, site.reference_date), "stood",
        words.format(site.audience == model::Audience::Public ? "print.stood_public" : "print.stood_community",
                     {{"date", views::human_date(words, site.reference_date)}}),
        "dublin_core", dublin_core_meta(words, dc), "contents", std::move(contents), "domains", std::move(domains),
        "meetings", std::move(meetings), "note_kinds", std::move(note_kinds), "people", std::move(people));
}

}  // namespace

std::vector<views::HtmlPage> print_pages(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const auto& bodies = resolved.bodies();
    std::vector<views::HtmlPage> out;
    std::vector<const Page*> domains = {nullptr};
    for (const auto& p : site.pages)
        if (p.type == PageType::Domain) domains.push_back(&p);
    for (const Page* domain : domains) {
        std::string url = domain ? "/print/" + domain->slug + "/" : "/print/";
        views::HtmlPage page{url, "print", {}, "the printed memory"};
        page.make_context_with_parts = [&site, &bodies, domain, url](views::DeferredParts& parts) {
            json ctx = views::page_frame(site, url, "the printed memory", "");  // title, language, root, as-of
            ctx["print"] = print_json(site, bodies, domain, url, parts);
            views::flag_lists(ctx["print"]);
            return ctx;
        };
        page.standalone = true;
        out.push_back(std::move(page));
    }
    return out;
}

}  // namespace cp::reports
