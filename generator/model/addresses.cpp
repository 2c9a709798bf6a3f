#include "model/addresses.hpp"

#include <unordered_map>
#include <unordered_set>

#include "model/slug.hpp"

namespace cp::model {

namespace {

bool is_folder_page(const std::string& stem) { return stem == "index" || stem == "README" || stem == "readme"; }

// The folders of a path, without its file name ("a/b/c.md" -> {"a", "b"}).
std::vector<std::string> folders_of(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t slash; (slash = path.find('/', start)) != std::string::npos; start = slash + 1)
        out.push_back(path.substr(start, slash - start));
    return out;
}

// The longer address a page takes when its short one is shared.
struct LongForm {
    std::string url, slug;
};

LongForm long_form(const Page& page) {
    std::vector<std::string> folders = folders_of(page.source_path);
    if (page.type == PageType::Page) {
        std::string stem = stem_of(page.source_path);
        if (is_folder_page(stem)) return {page.url, page.slug};  // the folder's own page keeps the folder's address
        std::string url = "/";
        for (const auto& f : folders) url += slugify(f) + "/";
        std::string name = page.source_path.substr(page.source_path.rfind('/') + 1);  // "X.md"
        return {url + slugify(name) + "/", slugify(name)};
    }
    // The folders below the type's own (the first folder: meetings/, or minutes/ given by `types:`).
    std::string url = "/" + std::string(type_folder(page.type)) + "/", prefix;
    for (std::size_t i = 1; i < folders.size(); ++i) {
        url += slugify(folders[i]) + "/";
        prefix += slugify(folders[i]) + "-";
    }
    return {url + page.slug + "/", prefix + page.slug};
}

}  // namespace

std::string slug_for(const Page& page) {
    std::string stem = stem_of(page.source_path);
    if (page.type == PageType::Page && page.source_path == "index.md") return "index";
    if (page.type != PageType::Page && page.dated_by_folders)
        return slugify(day_of(page.date) + (page.path_date_rest.empty() ? "" : "-" + page.path_date_rest));
    return slugify(stem);
}

std::string url_for(const Page& page) {
    if (page.type != PageType::Page) return "/" + std::string(type_folder(page.type)) + "/" + page.slug + "/";
    std::string url = "/";
    for (const auto& f : folders_of(page.source_path)) url += slugify(f) + "/";
    std::string stem = stem_of(page.source_path);
    if (!is_folder_page(stem)) url += slugify(stem) + "/";
    return url;
}

void separate_shared_addresses(std::vector<Page>& pages, std::vector<std::string>& url_keys, diag::Sink& sink) {
    std::unordered_map<std::string, std::vector<std::size_t>> sharing;
    for (std::size_t i = 0; i < pages.size(); ++i) sharing[url_keys[i]].push_back(i);
    for (auto& [key, group] : sharing) {
        if (group.size() < 2) continue;
        std::vector<LongForm> longer;
        std::unordered_set<std::string> keys;
        for (std::size_t i : group) {
            longer.push_back(long_form(pages[i]));
            keys.insert(collision_key(longer.back().url));
        }
        if (keys.size() != group.size()) continue;  // one file written two ways: the caller refuses it
        // Named in the order of their paths, so the message does not depend on reading order.
        std::size_t first = group.front();
        for (std::size_t i : group)
            if (pages[i].source_path < pages[first].source_path) first = i;
        const std::string shared = pages[first].url;
        for (std::size_t n = 0; n < group.size(); ++n) {
            Page& page = pages[group[n]];
            if (longer[n].url == page.url) continue;
            std::string other = group[n] == first ? pages[group[n == 0 ? 1 : 0]].source_path : pages[first].source_path;
            sink.warning(page.source_path, 1, 1,
                         "this page and " + other + " would share the address " + shared +
                             ", so this one is written to " + longer[n].url +
                             " (it keeps more of its path; see 'Addresses' in docs/content-model.md)");
            page.url = longer[n].url;
            page.slug = longer[n].slug;
            url_keys[group[n]] = collision_key(page.url);
        }
    }
}

}  // namespace cp::model
