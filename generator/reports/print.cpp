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

// Each page of one print as the document shows it: its anchor, title, address, date and body,
// what docs/theme.md gives a printed item. (Each item also held its summary, which no template
// showed: 9 MB of text at 50,000 notes, in a context made at a build's peak.) A link to a page
// in this document stays in it; any other goes to the site. Files (pictures, recordings,
// captions) load from beside the document, so that it prints whole from a copy of the site.
// Each body is a deferred part, made as the document is written, never all of them at once.
class PrintedPages {
public:
    PrintedPages(const model::Site& site, const std::vector<links::RenderedPage>& bodies, const Selection& s,
                 const std::string& url, views::DeferredParts& parts)
        : site_(site),
          bodies_(bodies),
          url_(url),
          parts_(parts),
          anchors_(std::make_shared<std::map<std::string, std::string>>()) {
        for (const auto* list : {&s.domains, &s.meetings, &s.notes, &s.people})
            for (const Page* p : *list) (*anchors_)[p->url] = anchor_of(*p);
    }

    json item(const Page* p) const {
        return views::object_of("anchor", anchor_of(*p), "title", p->title, "address",
                                indexes::absolute_url(site_, p->url), "date_human",
                                views::human_date(site_.words, p->date), "content", body(p));
    }

private:
    std::string body(const Page* p) const {
        const links::PageBody& rendered = *bodies_[static_cast<std::size_t>(p - site_.pages.data())].body;
        return parts_.add([&site = site_, &rendered, page_url = p->url, anchors = anchors_, url = url_] {
            return rebase_links(rendered.html(), page_url, [&](const std::string& target) {
                std::string page = target.substr(0, target.find('#'));
                if (auto it = anchors->find(page); it != anchors->end()) return "#" + it->second;
                // A file (a picture, a recording, its captions: under assets/ or beside its note),
                // whose address, unlike a page's, does not end in '/': loaded from beside the document.
                const std::string path = target.substr(0, target.find_first_of("?#"));
                if (!path.empty() && path.back() != '/') return links::relative_url(url, target);
                return indexes::absolute_url(site, target);
            });
        });
    }

    const model::Site& site_;
    const std::vector<links::RenderedPage>& bodies_;
    const std::string& url_;
    views::DeferredParts& parts_;
    // page url -> its anchor in this document; shared with the parts, made after this is gone
    std::shared_ptr<std::map<std::string, std::string>> anchors_;
};

json printed_domains(const model::Site& site, const std::vector<const Page*>& domains, const PrintedPages& printed) {
    json out = json::array();
    for (const Page* d : domains) {
        json j = printed.item(d);
        j["phase"] = site.words.label("phases", d->phase);
        j["conveners"] = names(d->conveners);
        j["practices"] = joined(d->practices);
        out.push_back(std::move(j));
    }
    return out;
}

json printed_meetings(const model::Site& site, const std::vector<const Page*>& meetings, const PrintedPages& printed) {
    json out = json::array();
    for (const Page* m : meetings) {
        json j = printed.item(m);
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
        out.push_back(std::move(j));
    }
    return out;
}

// The notes under their kinds' headings, in the notes' order (sorted by kind already).
json printed_note_kinds(const model::Site& site, const std::vector<const Page*>& notes, const PrintedPages& printed) {
    std::vector<std::pair<std::string, json>> kinds;  // heading -> notes
    for (const Page* n : notes) {
        std::string heading = indexes::kind_heading(site.words, n->kind);
        if (kinds.empty() || kinds.back().first != heading) kinds.push_back({heading, json::array()});
        json j = printed.item(n);
        j["authors"] = names(n->authors);
        j["kind"] = indexes::kind_label(site.words, n->kind);
        kinds.back().second.push_back(std::move(j));
    }
    json note_kinds = json::array();
    for (auto& [heading, list] : kinds)
        note_kinds.push_back(
            views::object_of("heading", heading, "count", std::to_string(list.size()), "notes", std::move(list)));
    return note_kinds;
}

json printed_people(const std::vector<const Page*>& people, const PrintedPages& printed) {
    json out = json::array();
    for (const Page* p : people) {
        json j = printed.item(p);
        j["organisation"] = p->organisation;
        j["profession"] = p->profession;
        j["expertise"] = joined(p->expertise);
        out.push_back(std::move(j));
    }
    return out;
}

// The table of contents: each part with its count; the domains also list themselves.
json contents_of(const i18n::Catalog& words, const Selection& s, const json& domains) {
    json contents = json::array();
    auto entry = [&](const std::string& label, const char* anchor, std::size_t count, const json& items) {
        json sub = json::array();
        if (items.is_array())
            for (const auto& i : items) sub.push_back(views::object_of("title", i["title"], "anchor", i["anchor"]));
        contents.push_back(views::object_of("label", label, "anchor", anchor, "count", std::to_string(count),
                                            "has_items", !sub.empty(), "items", std::move(sub)));
    };
    entry(words.text("print.domains"), "domains", s.domains.size(), domains);
    entry(words.text("print.meetings"), "meetings", s.meetings.size(), nullptr);
    entry(words.text("print.notes"), "notes", s.notes.size(), nullptr);
    entry(words.text("print.people"), "people", s.people.size(), nullptr);
    return contents;
}

json print_json(const model::Site& site, const std::vector<links::RenderedPage>& bodies, const Page* domain,
                const std::string& url, views::DeferredParts& parts) {
    Selection s = select(site, domain);
    const PrintedPages printed(site, bodies, s, url, parts);
    json domains = printed_domains(site, s.domains, printed);
    json meetings = printed_meetings(site, s.meetings, printed);
    json note_kinds = printed_note_kinds(site, s.notes, printed);
    json people = printed_people(s.people, printed);
    const i18n::Catalog& words = site.words;
    json contents = contents_of(words, s, domains);

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
