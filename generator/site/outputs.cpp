#include <algorithm>
#include <set>

#include "indexes/feeds.hpp"
#include "indexes/changes.hpp"
#include "indexes/indexes.hpp"
#include "indexes/lists.hpp"
#include "links/urls.hpp"
#include "parallel/parallel_for.hpp"
#include "site/pipeline.hpp"
#include "site/search_documents.hpp"
#include "views/context.hpp"

namespace cp::site {

using nlohmann::json;

namespace {

// The file a site-absolute URL is written to: "/notes/x/" -> "notes/x/index.html".
std::string file_for(const std::string& url) {
    if (!url.empty() && url.back() != '/') return url.substr(1);
    return url.substr(1) + "index.html";
}

}  // namespace

Outputs make_outputs(model::Site& site, const std::vector<links::RenderedPage>& bodies,
                     const source::Snapshot& snapshot, diag::Sink& sink) {
    (void)snapshot;
    (void)sink;
    Outputs out;
    bool has_home = false;
    indexes::PageEnricher enricher(site);
    indexes::Contributions contributions(site);
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const model::Page& page = site.pages[i];
        json ctx = views::page_context(site, page, bodies[i], site.pages);
        enricher.enrich(i, ctx);
        contributions.enrich(i, ctx);
        if (page.url == "/") {
            has_home = true;
            indexes::fill_home(site, ctx);
        }
        out.pages.push_back({page.url, views::template_for(page), std::move(ctx), page.source_path});
    }
    if (!has_home) {
        json ctx = views::page_frame(site, "/", site.config.title);
        ctx["page"] = {{"title", site.config.title}, {"content", ""}};
        indexes::fill_home(site, ctx);
        out.pages.push_back({"/", "home", std::move(ctx), "the generated home page"});
    }
    indexes::Generated generated = indexes::generate_indexes(site, bodies, sink);
    for (auto& p : generated.pages) out.pages.push_back(std::move(p));
    for (auto& f : generated.files) out.files.push_back(std::move(f));

    {  // Search: the page, and the index built from the filtered pages only.
        json ctx = views::page_frame(site, "/search/", "Search");
        out.pages.push_back({"/search/", "search", std::move(ctx), "the search page"});
        for (auto& f : search::build_search_index(search_documents(site, bodies)))
            out.files.push_back({std::move(f.path), std::move(f.content), "the search index"});
    }
    out.pages.push_back(indexes::not_found_page(site));
    out.files.push_back(indexes::sitemap(site, out.pages));  // last: it lists every page made above

    // Assets: in a public build, only those a public page uses.
    std::set<std::string> used;
    for (const auto& b : bodies) used.insert(b.links.assets.begin(), b.links.assets.end());
    for (const auto& a : site.assets)
        if (site.audience != "public" || used.count(a.url)) out.assets.push_back(a.url);
    return out;
}

void write_outputs(const model::Site& site, const Outputs& outputs, const theme::Theme& theme,
                   const source::Snapshot& snapshot, output::SiteWriter& writer, unsigned jobs, diag::Sink& sink) {
    (void)site;
    auto clash = [&](const std::string& path, const std::string& origin) {
        sink.error(origin, 0, 0, "would be written to " + path + ", which " + writer.origin_of(path) +
                                     " already wrote: one must never overwrite the other");
    };
    parallel::parallel_for(outputs.pages.size(), jobs, [&](std::size_t i) {
        const auto& page = outputs.pages[i];
        std::string html = theme.render_page(page.template_name, page.context);
        std::string path = file_for(page.url);
        if (!writer.write(path, html, page.origin)) clash(path, page.origin);
    });
    for (const auto& f : outputs.files)
        if (!writer.write(f.path, f.content, f.origin)) clash(f.path, f.origin);
    for (const auto& url : outputs.assets) {
        std::string path = url.substr(1);
        const source::SourceFile* src = snapshot.find(path);
        if (!src) continue;
        bool ok = src->disk_path.empty() ? writer.write(path, src->content, src->path)
                                         : writer.copy(path, src->disk_path, src->path);
        if (!ok) clash(path, src->path);
    }
    for (const auto& s : theme.static_files())
        if (!writer.copy(s.path, s.from, "the theme")) clash(s.path, "the theme's " + s.path);
}

}  // namespace cp::site
