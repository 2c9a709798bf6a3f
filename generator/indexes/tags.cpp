#include "indexes/tags.hpp"

#include <algorithm>
#include <map>

#include "links/urls.hpp"
#include "model/slug.hpp"
#include "text/strings.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

std::string type_heading(const i18n::Catalog& words, PageType t) {
    return words.text("tags.type_headings." + std::string(model::type_name(t)));
}

}  // namespace

std::vector<Tag> collect_tags(const model::Site& site) {
    std::map<std::string, Tag> by_slug;
    for (std::size_t i = 0; i < site.pages.size(); ++i)
        for (const auto& t : site.pages[i].tags) {
            std::string slug = model::slugify(t);
            Tag& tag = by_slug[slug];
            if (tag.slug.empty()) {
                tag.slug = slug;
                tag.name = t;
            }
            if (tag.pages.empty() || tag.pages.back() != i) tag.pages.push_back(i);
        }
    std::vector<Tag> out;
    out.reserve(by_slug.size());
    for (auto& [slug, tag] : by_slug) out.push_back(std::move(tag));
    return out;
}

std::vector<views::HtmlPage> tag_pages(const model::Site& site, const std::vector<Tag>& tags) {
    std::vector<views::HtmlPage> out;
    {
        const std::string url = "/tags/";
        std::vector<const Tag*> sorted;
        sorted.reserve(tags.size());
        for (const auto& t : tags) sorted.push_back(&t);
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const Tag* a, const Tag* b) { return text::lower(a->name) < text::lower(b->name); });
        json items = json::array(), popular = json::array();
        for (const Tag* t : sorted)
            items.push_back(views::object_of("name", t->name, "slug", t->slug, "url",
                                             links::relative_url(url, "/tags/" + t->slug + "/"), "count",
                                             std::to_string(t->pages.size())));
        // The most used, for a quick way in: by count, then name.
        std::vector<const Tag*> by_count = sorted;
        std::stable_sort(by_count.begin(), by_count.end(),
                         [](const Tag* a, const Tag* b) { return a->pages.size() > b->pages.size(); });
        for (std::size_t k = 0; k < by_count.size() && k < 12; ++k)
            popular.push_back({{"name", by_count[k]->name},
                               {"url", links::relative_url(url, "/tags/" + by_count[k]->slug + "/")},
                               {"count", std::to_string(by_count[k]->pages.size())}});
        json ctx = views::page_frame(site, url, site.words.text("tags.title"));
        ctx["tags"] = {{"title", site.words.text("tags.title")},
                       {"count", std::to_string(tags.size())},
                       {"count_text", site.words.plural("tags.count", long(tags.size()))},
                       {"items", items},
                       {"popular", sorted.size() > 12 ? popular : json::array()}};
        views::flag_lists(ctx["tags"]);
        out.push_back({url, "tag_index", std::move(ctx), "the tag index"});
    }
    for (const auto& tag : tags) {
        const std::string url = "/tags/" + tag.slug + "/";
        out.push_back(views::lazy_page(url, "tag", "the page of tag " + tag.name, [&site, t = tag, url] {
            std::map<PageType, std::vector<const Page*>> by_type;
            for (std::size_t i : t.pages) by_type[site.pages[i].type].push_back(&site.pages[i]);
            json groups = json::array();
            for (auto& [type, pages] : by_type) {
                std::stable_sort(pages.begin(), pages.end(), [](const Page* a, const Page* b) {
                    if (a->date != b->date) return a->date > b->date;
                    return a->title < b->title;
                });
                json items = json::array();
                for (const Page* p : pages) items.push_back(views::page_link(site.words, *p, url));
                groups.push_back(
                    {{"name", type_heading(site.words, type)},
                     {"anchor",
                      "g-" + std::string(model::type_folder(type).empty() ? "pages" : model::type_folder(type))},
                     {"count", std::to_string(pages.size())},
                     {"items", items}});
            }
            const i18n::Catalog& words = site.words;
            json ctx = views::page_frame(site, url, words.format("tags.tagged_title", {{"tag", t.name}}));
            ctx["list"] = {{"title", words.format("tags.tagged", {{"tag", t.name}})},
                           {"intro", ""},
                           {"count", std::to_string(t.pages.size())},
                           {"count_text", words.plural("tags.pages", long(t.pages.size()))},
                           {"groups", groups},
                           {"up_url", links::relative_url(url, "/tags/")},
                           {"up_label", words.text("tags.all")}};
            return ctx;
        }));
    }
    return out;
}

}  // namespace cp::indexes
