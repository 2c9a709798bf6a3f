#include "indexes/versions.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <unordered_map>

#include "indexes/changes.hpp"
#include "indexes/word_diff.hpp"
#include "links/urls.hpp"
#include "markdown/paragraphs.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using nlohmann::json;
using views::object_of;

namespace {

// A person a field names, by the name this build may show: their page's title, their public
// name when the page is left out, else what was written.
std::string person_label(const model::SiteIndex& index, const std::string& key) {
    if (const model::Page* p = index.find(model::PageType::Person, key)) return p->title;
    auto hidden = index.site().hidden_people.find(key);
    return hidden != index.site().hidden_people.end() ? hidden->second : key;
}

std::vector<std::string> convener_labels(const model::SiteIndex& index, const model::VersionFields& page) {
    std::vector<std::string> out;
    for (const auto& r : page.conveners) out.push_back(person_label(index, r.text));
    return out;
}

std::vector<std::string> questions(const model::VersionFields& page) {
    std::vector<std::string> out;
    for (const auto& q : page.learning_agenda) out.push_back(q.question);
    return out;
}

// "practice added: X" and "practice removed: Y", in the order the versions list them.
void list_changes(const i18n::Catalog& words, const std::string& name, const std::vector<std::string>& before,
                  const std::vector<std::string>& after, std::vector<std::string>& out) {
    const std::string what = words.text("versions.fields." + name);
    for (const auto& item : after)
        if (std::find(before.begin(), before.end(), item) == before.end())
            out.push_back(words.format("versions.added", {{"what", what}, {"item", item}}));
    for (const auto& item : before)
        if (std::find(after.begin(), after.end(), item) == after.end())
            out.push_back(words.format("versions.removed", {{"what", what}, {"item", item}}));
}

const history::Revision* revision_of(const model::Site& site, const std::string& path, const std::string& commit) {
    const history::FileHistory* fh = site.history.find(path);
    if (!fh) return nullptr;
    for (const auto& r : fh->revisions)
        if (r.commit() == commit) return &r;
    return nullptr;
}

// The paragraphs that changed from one body to the next. Most commits change a paragraph or
// two: the blocks both share at the start and at the end are left out before parsing, and
// only the rest is read (markdown::independent_blocks says where a body may be cut).
std::vector<ParagraphChange> changed_text(std::string_view before, std::string_view after) {
    auto a = markdown::independent_blocks(before), b = markdown::independent_blocks(after);
    std::size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
    std::size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
    auto middle = [&](const std::vector<std::string_view>& blocks) {
        std::vector<std::string> out;
        for (std::size_t i = head; i + tail < blocks.size(); ++i)
            for (auto& p : markdown::paragraphs(blocks[i])) out.push_back(std::move(p));
        return out;
    };
    return changed_paragraphs(middle(a), middle(b));
}

json versions_context(const model::Site& site, const model::SiteIndex& index, const model::Page& page,
                      const std::vector<model::Version>& versions) {
    const std::string url = versions_url(page);
    const i18n::Catalog& words = site.words;
    json ctx = views::page_frame(site, url, words.format("versions.title", {{"title", page.title}}),
                                 words.format("versions.description", {{"title", page.title}}));
    const bool is_domain = page.type == model::PageType::Domain;

    json entries = json::array();
    for (std::size_t k = 0; k < versions.size(); ++k) {
        const model::Version& v = versions[k];
        const model::Version* before = k + 1 < versions.size() ? &versions[k + 1] : nullptr;
        const history::Revision* r = revision_of(site, page.source_path, v.commit);
        std::string date = r ? r->date() : std::string{};
        json changes = json::array();
        if (before)
            for (const auto& c : v.changes)
                changes.push_back(object_of("html", c.html, "kind",
                                            c.kind == ParagraphChange::Kind::Added         ? "added"
                                                : c.kind == ParagraphChange::Kind::Removed ? "removed"
                                                                                           : "changed"));
        json fields = json::array();
        if (before)
            for (auto& f : field_changes(index, before, v)) fields.push_back(std::move(f));
        const bool text_same = before && changes.empty();
        entries.push_back(object_of(
            "number", std::to_string(versions.size() - k), "number_text",
            words.format("versions.number", {{"n", std::to_string(versions.size() - k)}}), "date", date, "date_human",
            views::human_date(words, date), "author",
            contributor_json(site, index, r ? r->contributor : std::string{}, url), "subject",
            r ? r->subject() : std::string{}, "phase", is_domain ? words.label("phases", v.page.phase) : std::string{},
            "is_first", before == nullptr, "is_latest", k == 0, "has_fields", !fields.empty(), "fields",
            std::move(fields), "has_changes", !changes.empty(), "changes", std::move(changes), "text_same", text_same));
    }
    ctx["subject"] = object_of("title", page.title, "url", links::relative_url(url, page.url), "type",
                               std::string(model::type_name(page.type)));
    ctx["versions"] = std::move(entries);
    ctx["count"] = std::to_string(versions.size());
    ctx["count_label"] = words.plural("versions.count", long(versions.size()));
    ctx["page"] = object_of("title", words.format("versions.title", {{"title", page.title}}), "content", "");
    return ctx;
}

// Only what field_changes and version_fields compare; the texts go.
model::VersionFields compared_fields(model::Page&& page) {
    return {std::move(page.title),     std::move(page.phase),           std::move(page.conveners),
            std::move(page.practices), std::move(page.learning_agenda), std::move(page.expected_results)};
}

}  // namespace

std::vector<model::Version> settle_version_list(std::vector<model::VersionRead>&& versions) {
    std::vector<model::Version> out(versions.size());
    for (std::size_t k = 0; k + 1 < versions.size(); ++k)
        if (versions[k + 1].page.body != versions[k].page.body)
            out[k].changes = changed_text(versions[k + 1].page.body, versions[k].page.body);
    for (std::size_t k = 0; k < versions.size(); ++k) {
        out[k].commit = std::move(versions[k].commit);
        out[k].path = std::move(versions[k].path);
        out[k].page = compared_fields(std::move(versions[k].page));
    }
    return out;
}

std::string versions_url(const model::Page& page) { return page.url + "versions/"; }

std::vector<std::string> field_changes(const model::SiteIndex& index, const model::Version* before,
                                       const model::Version& after) {
    std::vector<std::string> out;
    if (!before) return out;
    const model::VersionFields& a = before->page;
    const model::VersionFields& b = after.page;
    const i18n::Catalog& words = index.site().words;
    auto changed = [&](const char* field, const std::string& from, const std::string& to) {
        out.push_back(words.format(
            "versions.changed",
            {{"what", words.text(std::string("versions.fields.") + field)}, {"before", from}, {"after", to}}));
    };
    if (before->path != after.path) changed("file", before->path, after.path);
    if (a.title != b.title) changed("title", a.title, b.title);
    if (a.phase != b.phase)
        changed("phase", a.phase.empty() ? words.text("versions.none") : words.name("phases", a.phase),
                b.phase.empty() ? words.text("versions.none") : words.name("phases", b.phase));
    list_changes(words, "convener", convener_labels(index, a), convener_labels(index, b), out);
    list_changes(words, "practice", a.practices, b.practices, out);
    list_changes(words, "learning_question", questions(a), questions(b), out);
    list_changes(words, "expected_result", a.expected_results, b.expected_results, out);
    return out;
}

std::vector<views::HtmlPage> version_pages(const model::Site& site) {
    std::vector<views::HtmlPage> out;
    if (site.versions.empty()) return out;
    auto index = std::make_shared<model::SiteIndex>(site);
    for (const auto& [path, versions] : site.versions) {
        const model::Page* page = index->by_source(path);
        if (!page) continue;
        const std::vector<model::Version>* list = &versions;
        out.push_back(
            views::lazy_page(versions_url(*page), "versions", "the versions of " + path,
                             [&site, index, page, list] { return versions_context(site, *index, *page, *list); }));
    }
    return out;
}

json version_fields(const model::Site& site, const model::Page& page) {
    json p = json::object();
    auto it = site.versions.find(page.source_path);
    if (it == site.versions.end()) return p;
    const auto& versions = it->second;
    p["versions_url"] = links::relative_url(page.url, versions_url(page));
    p["version_count"] = std::to_string(versions.size());
    p["all_versions"] = site.words.plural("page.all_versions", long(versions.size()));
    if (page.type != model::PageType::Domain) return p;
    // The phases: those `phases:` dates, and each change of `phase:` on the day of its version.
    struct Step {
        std::string phase, since;
    };
    std::vector<Step> steps;
    for (const auto& ph : page.phases) steps.push_back({ph.phase, ph.since});
    std::string last;
    for (auto v = versions.rbegin(); v != versions.rend(); ++v) {
        const std::string& phase = v->page.phase;
        if (phase.empty() || phase == last) continue;
        last = phase;
        bool listed = std::any_of(steps.begin(), steps.end(), [&](const Step& s) { return s.phase == phase; });
        const history::Revision* r = revision_of(site, page.source_path, v->commit);
        if (!listed && r) steps.push_back({phase, r->date()});
    }
    std::stable_sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.since < b.since; });
    json phases = json::array();
    for (std::size_t i = 0; i < steps.size(); ++i)
        phases.push_back(object_of("phase", site.words.label("phases", steps[i].phase), "since", steps[i].since,
                                   "since_human", views::human_date(site.words, steps[i].since), "last",
                                   i + 1 == steps.size()));
    p["evolution"] = object_of("phases", std::move(phases), "count", std::to_string(versions.size()), "count_text",
                               site.words.plural("versions.count", long(versions.size())), "url", p["versions_url"]);
    return p;
}

}  // namespace cp::indexes
