#include "indexes/folders.hpp"

#include <algorithm>
#include <unordered_set>

#include "links/urls.hpp"
#include "model/folders.hpp"
#include "model/reserved_addresses.hpp"
#include "model/slug.hpp"
#include "views/context.hpp"
#include "views/json_object.hpp"

namespace cp::indexes {

using nlohmann::json;

std::vector<views::HtmlPage> folder_pages(const model::Site& site) {
    std::unordered_set<std::string> taken;
    for (const auto& p : site.pages) taken.insert(p.url);
    for (std::string_view u : model::reserved_addresses()) taken.emplace(u);
    auto folders = std::make_shared<std::map<std::string, model::Folder>>(model::page_folders(site.pages));
    std::vector<views::HtmlPage> out;
    for (const auto& [path, folder] : *folders) {
        if (folder.has_own_page || taken.count(folder.url)) continue;
        const model::Folder* f = &folder;
        out.push_back(views::lazy_page(folder.url, "list", "the index of " + path + "/", [&site, f, folders] {
            std::vector<const model::Page*> pages = f->pages;
            std::stable_sort(pages.begin(), pages.end(),
                             [](const model::Page* a, const model::Page* b) { return a->title < b->title; });
            json items = json::array();
            for (const auto* p : pages) items.push_back(views::page_link(site.words, *p, f->url));
            for (const auto& sub : f->subfolders) {
                std::string name = sub.substr(sub.rfind('/') + 1) + "/";
                items.push_back(views::object_of("url", links::relative_url(f->url, model::folder_url(sub)), "title",
                                                 name, "type", std::string("folder"), "type_label",
                                                 site.words.name("types", "folder")));
            }
            std::string title = f->path.substr(f->path.rfind('/') == std::string::npos ? 0 : f->path.rfind('/') + 1);
            json ctx = views::page_frame(site, f->url, title);
            std::string count = std::to_string(items.size());
            std::string count_text = site.words.format("lists.in_all", {{"n", count}});
            ctx["list"] = views::object_of("title", title, "intro",
                                           site.words.format("lists.folder_intro", {{"folder", f->path + "/"}}),
                                           "count", std::move(count), "count_text", std::move(count_text), "has_items",
                                           !items.empty(), "items", std::move(items));
            return ctx;
        }));
    }
    return out;
}

}  // namespace cp::indexes
