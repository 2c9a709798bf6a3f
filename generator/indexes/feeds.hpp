#pragma once
// What other programs read: the Atom feed, the sitemap, robots.txt, and the redirect
// page at each old address (alias). Feeds and the sitemap use absolute URLs from base_url.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::indexes {

// /feed.xml: the newest 50 meetings and notes (by date, then address), full content.
// `bodies[i]` is site.pages[i] rendered.
views::RawFile atom_feed(const links::ResolvedSite& resolved);
inline constexpr std::size_t kFeedSize = 50;

// A page as the sitemap sees it: its address and the template it is rendered with.
struct SitemapEntry {
    std::string url;
    std::string template_name;
};

// /sitemap.xml: every page in `pages` but redirects and the 404 page, sorted by address,
// with the page's last change (from git) where known.
views::RawFile sitemap(const links::ResolvedSite& resolved, const std::vector<SitemapEntry>& pages);

// /robots.txt: a public build invites crawlers and names the sitemap; a community build,
// meant for members, asks them to stay out.
views::RawFile robots(const model::Site& site);

// A redirect page (template "redirect") at each alias of each page. An alias that is not
// a safe address inside the site is skipped with a warning naming the page's file.
std::vector<views::HtmlPage> redirect_pages(const model::Site& site, diag::Sink& sink);

// /404.html: a server shows it at any depth, so its links are absolute from base_url
// (relative links would resolve against the missing page's folder).
views::HtmlPage not_found_page(const model::Site& site);

// "https://example.org/cp/" + "/notes/x/" -> "https://example.org/cp/notes/x/".
std::string absolute_url(const model::Site& site, const std::string& url);

// Text escaped for XML, characters XML 1.0 forbids left out.
std::string xml_escape(const std::string& text);

}  // namespace cp::indexes
