#include "indexes/changes.hpp"

#include <algorithm>

#include "links/urls.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using nlohmann::json;

json contributor_json(const model::Site& site, const model::SiteIndex& index, const std::string& key,
                      const std::string& from) {
    if (const model::Page* p = index.find(model::PageType::Person, key))
        return views::object_of("label", p->title, "url", links::relative_url(from, p->url), "linked", true);
    auto hidden = site.hidden_people.find(key);
    return views::object_of("label", hidden != site.hidden_people.end() ? hidden->second : key, "url", "", "linked",
                            false);
}

views::HtmlPage changes_page(const links::ResolvedSite& resolved) {
    const std::string url = "/changes/";
    const model::Site& site = resolved.site();
    const model::SiteIndex& index = resolved.index();
    json commits = json::array();
    for (const auto& c : site.history.recent) {
        json pages = json::array();
        std::size_t others = 0;
        for (const auto& path : c.paths) {
            if (const model::Page* p = index.by_source(path))
                pages.push_back(views::page_link(site.words, *p, url));
            else
                ++others;
        }
        commits.push_back({{"date", c.date},
                           {"date_human", views::human_date(site.words, c.date)},
                           {"author", contributor_json(site, index, c.contributor, url)},
                           {"subject", c.subject},
                           {"pages", pages},
                           {"has_pages", !pages.empty()},
                           {"other_files", others == 0 ? "" : std::to_string(others)},
                           {"other_files_text", site.words.plural("changes.other_files", long(others))}});
    }
    json ctx = views::page_frame(site, url, site.words.text("changes.title"), site.words.text("changes.description"));
    ctx["changes"] = {{"commits", commits},
                      {"count", std::to_string(commits.size())},
                      {"count_text", site.words.plural("changes.count", long(commits.size()))},
                      {"available", site.history.available},
                      {"shallow", site.history.shallow}};
    views::flag_lists(ctx["changes"]);
    return {url, "changes", std::move(ctx), "the recent changes page"};
}

Contributions::Contributions(const model::Site& site) : site_(site) {
    for (std::size_t i = 0; i < site.pages.size(); ++i)
        for (const auto& c : site.pages[i].contributors)
            if (!c.url.empty() && c.url != site.pages[i].url) by_person_url_[c.url].push_back(i);
    for (auto& [person, pages] : by_person_url_)
        std::stable_sort(pages.begin(), pages.end(),
                         [&](std::size_t a, std::size_t b) { return site.pages[a].updated > site.pages[b].updated; });
}

json Contributions::fields(std::size_t page_index) const {
    const model::Page& person = site_.pages[page_index];
    if (person.type != model::PageType::Person) return json::object();
    json list = json::array();
    if (auto it = by_person_url_.find(person.url); it != by_person_url_.end())
        for (std::size_t i : it->second) {
            json link = views::page_link(site_.words, site_.pages[i], person.url);
            link["updated"] = site_.pages[i].updated;
            link["updated_human"] = views::human_date(site_.words, site_.pages[i].updated);
            list.push_back(std::move(link));
        }
    return {{"contributions", std::move(list)}};
}

}  // namespace cp::indexes
