#include "model/site.hpp"

namespace cp::model {

SiteIndex::SiteIndex(const Site& site) : site_(site) {
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        by_url_.emplace(p.url, i);
        by_source_.emplace(p.source_path, i);
        by_slug_.emplace(p.slug, i);
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
    auto [lo, hi] = by_slug_.equal_range(slug);
    for (auto it = lo; it != hi; ++it) out.push_back(&site_.pages[it->second]);
    return out;
}

const Page* SiteIndex::find(PageType type, const std::string& slug) const {
    auto [lo, hi] = by_slug_.equal_range(slug);
    for (auto it = lo; it != hi; ++it)
        if (site_.pages[it->second].type == type) return &site_.pages[it->second];
    return nullptr;
}

}  // namespace cp::model
