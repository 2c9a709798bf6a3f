#include "links/bodies.hpp"

#include <algorithm>

#include "parallel/pool.hpp"

namespace cp::links {

std::vector<RenderedPage> render_bodies(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                                        const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    std::vector<RenderedPage> out(site.pages.size());
    const markdown::RenderOptions::Words words{
        site.words.html("markdown.community_only"), site.words.html("markdown.broken_link"),
        site.words.html("markdown.done"),           site.words.html("markdown.not_done"),
        site.words.html("markdown.too_large"),      site.words.html("markdown.too_slow")};
    pool.parallel_for(site.pages.size(), [&](std::size_t i) {
        model::Page& page = site.pages[i];
        RenderedPage& r = out[i];
        if (page.lfs_pointer) {
            r.body.html = "<p class=\"notice\">" + site.words.html("markdown.lfs") + "</p>\n";
            return;
        }
        auto resolver = make_resolver(index, page, catalogue, options.strictness, sink, r.links);
        markdown::RenderOptions ro;
        ro.first_line = page.body_first_line;
        ro.max_bytes = options.max_bytes;
        ro.title = page.title;
        ro.wikilinks = site.config.wikilinks;
        ro.words = words;
        ro.media_html = options.media_html;
        r.body = markdown::render(page.body, resolver, ro);
        if (const auto& refused = r.body.refused)
            sink.error(page.source_path, page.body_first_line - 1 + refused->line, refused->column, refused->message);
        if (page.summary.empty()) page.summary = r.body.summary;
        // Every later step reads the rendering, never the Markdown: dropped here, it is one copy
        // of the whole memory less to hold (210 MB at 50,000 notes).
        std::string().swap(page.body);
        std::sort(r.links.pages.begin(), r.links.pages.end());
        r.links.pages.erase(std::unique(r.links.pages.begin(), r.links.pages.end()), r.links.pages.end());
    });
    // Backlinks: one pass over every page's outgoing links.
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (const auto& url : out[i].links.pages) {
            const model::Page* target = index.by_url(url);
            auto at = target ? static_cast<std::size_t>(target - site.pages.data()) : i;
            if (at != i) out[at].backlinks.push_back(i);
        }
    }
    if (site.audience == model::Audience::Community) {  // a public build does not see who refers to whom
        std::vector<bool> linked(out.size());
        for (std::size_t i = 0; i < out.size(); ++i) linked[i] = !out[i].backlinks.empty();
        warn_unreferenced_people(site, linked, sink);
    }
    return out;
}

}  // namespace cp::links
