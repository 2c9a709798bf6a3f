#pragma once
// The tag index: /tags/ with every tag and its count, and /tags/TAG/ with its pages.
#include <string>
#include <vector>

#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

struct Tag {
    std::string slug;                // its address: /tags/SLUG/
    std::string name;                // as first written (pages in URL order)
    std::vector<std::size_t> pages;  // indices into site.pages, each page once
};

// Every tag of the (filtered) site, by slug; tags are compared case-insensitively,
// so "SBAR" and "sbar" are one tag. One pass over the pages.
std::vector<Tag> collect_tags(const model::Site& site);

// /tags/ and one page per tag.
std::vector<views::HtmlPage> tag_pages(const model::Site& site, const std::vector<Tag>& tags);

}  // namespace cp::indexes
