#include "model/folders.hpp"

#include <algorithm>

#include "model/slug.hpp"

namespace cp::model {

std::string folder_url(const std::string& path) {
    std::string url = "/";
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        url += slugify(path.substr(start, end - start)) + "/";
        start = end + 1;
    }
    return url;
}

std::map<std::string, Folder> page_folders(const std::vector<Page>& pages) {
    std::map<std::string, Folder> folders;
    auto folder = [&](const std::string& path) -> Folder& {
        Folder& f = folders[path];
        if (f.url.empty()) {
            f.path = path;
            f.url = folder_url(path);
        }
        return f;
    };
    for (const Page& p : pages) {
        if (p.type != PageType::Page) continue;
        auto slash = p.source_path.rfind('/');
        if (slash == std::string::npos) continue;  // the top folder's page is the home page
        std::string path = p.source_path.substr(0, slash);
        Folder& f = folder(path);
        if (p.url == f.url)
            f.has_own_page = true;
        else
            f.pages.push_back(&p);
        // Its parents hold it, up to the top.
        for (auto up = path.rfind('/'); up != std::string::npos; up = path.rfind('/')) {
            std::string parent = path.substr(0, up);
            auto& subs = folder(parent).subfolders;
            if (std::find(subs.begin(), subs.end(), path) != subs.end()) break;
            subs.push_back(path);
            path = parent;
        }
    }
    for (auto& [path, f] : folders) std::sort(f.subfolders.begin(), f.subfolders.end());
    return folders;
}

}  // namespace cp::model
