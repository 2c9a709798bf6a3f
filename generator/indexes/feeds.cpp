#include "indexes/feeds.hpp"
#include "text/escape.hpp"

#include <algorithm>
#include <cctype>

#include "links/urls.hpp"
#include "views/context.hpp"

namespace cp::indexes {

using model::Page;
using model::PageType;

std::string xml_escape(const std::string& s) { return text::escape_markup(s); }

std::string absolute_url(const model::Site& site, const std::string& url) {
    std::string base = site.config.base_url.empty() ? "/" : site.config.base_url;
    if (base.back() != '/') base += '/';
    return base + (url.empty() ? "" : url.substr(1));
}

namespace {

bool is_absolute(const std::string& url) { return url.find("://") != std::string::npos; }

// An RFC 3339 instant from a date or date-time; the day at midnight UTC when only a day is known.
std::string instant(const std::string& date) {
    if (date.size() == 10) return date + "T00:00:00Z";
    if (date.size() > 10 && date[10] == 'T') {
        bool zoned =
            date.back() == 'Z' || date.find('+', 10) != std::string::npos || date.find('-', 10) != std::string::npos;
        return zoned ? date : date + "Z";
    }
    return model::day_of(date).empty() ? std::string{} : model::day_of(date) + "T00:00:00Z";
}

}  // namespace

views::RawFile atom_feed(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const auto& bodies = resolved.bodies();
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        if ((p.type == PageType::Meeting || p.type == PageType::Note) && !instant(p.date).empty()) items.push_back(i);
    }
    std::sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
        const Page &pa = site.pages[a], &pb = site.pages[b];
        if (pa.date != pb.date) return pa.date > pb.date;
        return pa.url < pb.url;
    });
    if (items.size() > kFeedSize) items.resize(kFeedSize);

    const auto& c = site.config;
    // Ids must be absolute IRIs that never change; without a base_url a tag: URI stands in.
    auto id_of = [&](const std::string& url) {
        return is_absolute(c.base_url) ? absolute_url(site, url) : "tag:commonplace.invalid,2015:" + url;
    };
    std::string updated = site.reference_date.empty() ? "1970-01-01T00:00:00Z" : site.reference_date + "T00:00:00Z";
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"" +
        xml_escape(c.language) + "\">\n";
    out += "  <title>" + xml_escape(c.title) + "</title>\n";
    if (!c.description.empty()) out += "  <subtitle>" + xml_escape(c.description) + "</subtitle>\n";
    out += "  <id>" + xml_escape(id_of("/")) + "</id>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(absolute_url(site, "/")) + "\"/>\n";
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(absolute_url(site, "/feed.xml")) +
        "\"/>\n";
    out += "  <updated>" + updated + "</updated>\n";
    out += "  <author><name>" + xml_escape(c.title) + "</name></author>\n";
    out += "  <generator>Commonplace</generator>\n";
    for (std::size_t i : items) {
        const Page& p = site.pages[i];
        const std::string url = absolute_url(site, p.url);
        const std::string published = instant(p.date);
        std::string changed = instant(p.updated);
        if (changed.empty() || changed < published) changed = published;
        // A page written in another language than the site's says so.
        out += p.language.empty() ? "  <entry>\n" : "  <entry xml:lang=\"" + xml_escape(p.language) + "\">\n";
        out += "    <title>" + xml_escape(p.title) + "</title>\n";
        out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(url) + "\"/>\n";
        out += "    <id>" + xml_escape(id_of(p.url)) + "</id>\n";
        out += "    <published>" + xml_escape(published) + "</published>\n";
        out += "    <updated>" + xml_escape(changed) + "</updated>\n";
        for (const auto& a : p.authors) {
            std::string name = a.label.empty() ? a.text : a.label;
            out += "    <author><name>" + xml_escape(name) + "</name>";
            if (!a.url.empty()) out += "<uri>" + xml_escape(absolute_url(site, a.url)) + "</uri>";
            out += "</author>\n";
        }
        out += "    <category term=\"" + std::string(model::type_name(p.type)) + "\"/>\n";
        for (const auto& t : p.tags) out += "    <category term=\"" + xml_escape(t) + "\"/>\n";
        if (!p.summary.empty()) out += "    <summary>" + xml_escape(p.summary) + "</summary>\n";
        // The body's links are relative to the page: xml:base says where that is.
        out += "    <content type=\"html\" xml:base=\"" + xml_escape(url) + "\">" + xml_escape(bodies[i].body->html()) +
            "</content>\n";
        out += "  </entry>\n";
    }
    out += "</feed>\n";
    return {"feed.xml", out, "the Atom feed"};
}

views::RawFile sitemap(const links::ResolvedSite& resolved, const std::vector<SitemapEntry>& pages) {
    const model::Site& site = resolved.site();
    const model::SiteIndex& index = resolved.index();
    std::vector<std::pair<std::string, std::string>> urls;  // address, last change
    for (const auto& p : pages) {
        if (p.template_name == "redirect" || p.template_name == "notfound" || p.url.empty() || p.url.back() != '/')
            continue;
        const Page* source = index.by_url(p.url);
        urls.push_back({p.url, source ? model::day_of(source->updated) : std::string{}});
    }
    std::sort(urls.begin(), urls.end());
    urls.erase(std::unique(urls.begin(), urls.end()), urls.end());
    std::string out =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    for (const auto& [url, changed] : urls) {
        out += "  <url><loc>" + xml_escape(absolute_url(site, url)) + "</loc>";
        if (!changed.empty()) out += "<lastmod>" + changed + "</lastmod>";
        out += "</url>\n";
    }
    out += "</urlset>\n";
    return {"sitemap.xml", out, "the sitemap"};
}

views::RawFile robots(const model::Site& site) {
    std::string out = "User-agent: *\n";
    if (site.audience == model::Audience::Public) {
        out += "Allow: /\n";
        if (is_absolute(site.config.base_url)) out += "Sitemap: " + absolute_url(site, "/sitemap.xml") + "\n";
    } else {
        out += "Disallow: /\n";  // the community build is for members, not for search engines
    }
    return {"robots.txt", out, "robots.txt"};
}

views::HtmlPage not_found_page(const model::Site& site) {
    const std::string url = "/404.html";
    nlohmann::json ctx = views::page_frame(site, url, site.words.text("notfound.title"));
    ctx["root"] = absolute_url(site, "/");
    ctx["home_url"] = absolute_url(site, "/");
    ctx["search_url"] = absolute_url(site, "/search/");
    for (std::size_t i = 0; i < views::navigation().size() && i < ctx["nav"].size(); ++i)
        ctx["nav"][i]["url"] = absolute_url(site, views::navigation()[i].url);
    return {url, "notfound", std::move(ctx), "the 404 page"};
}

std::vector<views::HtmlPage> redirect_pages(const model::Site& site, diag::Sink& sink) {
    std::vector<views::HtmlPage> out;
    for (const auto& p : site.pages)
        for (const auto& alias : p.aliases) {
            // The same address the loader checked for clashes: "/x/" or "/x.html".
            std::string url = alias;
            if (url.empty() || url.front() != '/') url = "/" + url;
            bool html = url.size() > 5 && url.compare(url.size() - 5, 5, ".html") == 0;
            if (url.back() != '/' && !html) url += '/';
            bool safe = url.find('\\') == std::string::npos && url.find('\0') == std::string::npos &&
                url.find('?') == std::string::npos && url.find('#') == std::string::npos;
            // Every folder in it must be a real name: no "", "." or ".." to climb out of the site.
            for (std::size_t start = 1; safe && start < url.size();) {
                std::size_t end = url.find('/', start);
                if (end == std::string::npos) end = url.size();
                std::string part = url.substr(start, end - start);
                safe = !part.empty() && part != "." && part != "..";
                start = end + 1;
            }
            if (!safe || url == "/") {
                sink.warning(p.source_path, 0, 0,
                             "alias '" + alias + "' is not an address inside the site; no redirect is written");
                continue;
            }
            nlohmann::json ctx = views::page_frame(site, url, p.title);
            ctx["redirect"] = {
                {"url", links::relative_url(url, p.url)}, {"title", p.title}, {"absolute", absolute_url(site, p.url)}};
            out.push_back({url, "redirect", std::move(ctx), p.source_path + " (alias " + alias + ")"});
        }
    return out;
}

}  // namespace cp::indexes
