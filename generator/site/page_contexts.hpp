#pragma once
// The context each of the site's own pages renders with, made in this one place: the page's
// own fields (views::page_context), then what other pages say of it, each gathered once for
// the whole site. docs/theme.md lists what a template receives.
#include <nlohmann/json.hpp>

#include <memory>

#include "links/resolved_site.hpp"

namespace cp::site {

// Made when each page is rendered rather than all at once: contexts are large, and making
// them is half the work of a build, so it runs on every core and each context is dropped as
// soon as its page is written.
class PageContexts {
public:
    explicit PageContexts(const links::ResolvedSite& resolved);
    ~PageContexts();
    // The context of site.pages[i]; thread-safe.
    nlohmann::json make(std::size_t i) const;

private:
    struct Facts;
    std::unique_ptr<const Facts> facts_;
};

}  // namespace cp::site
