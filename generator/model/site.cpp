#include "model/site.hpp"

namespace cp::model {

SiteIndex::SiteIndex(const Site& site) : site_(site) {
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        by_url_.emplace(p.url, i);
        by_source_.emplace(p.source_path, i);
        by_slug_[p.slug].push_back(i);
    }
}

const Page* SiteIndex::by_url(const std::string& url) const {
    auto it = by_url_.find(url);
    return it == by_url_.end() ? nullptr : &site_.pages[it->second];
}

const Page* SiteIndex::by_source(const std::string& path) const {
    auto it = by_source_.find(path);
    return it == by_source_.end() ? nullptr : &site_.pages[it->second];
}

std::vector<const Page*> SiteIndex::by_slug(const std::string& slug) const {
    std::vector<const Page*> out;
    if (auto it = by_slug_.find(slug); it != by_slug_.end())
        for (std::size_t i : it->second) out.push_back(&site_.pages[i]);
    return out;
}

const Page* SiteIndex::find(PageType type, const std::string& slug) const {
    auto it = by_slug_.find(slug);
    if (it == by_slug_.end()) return nullptr;
    for (std::size_t i : it->second)
        if (site_.pages[i].type == type) return &site_.pages[i];
    return nullptr;
}

}  // namespace cp::model
