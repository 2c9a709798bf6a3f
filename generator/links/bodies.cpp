#include "links/bodies.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <type_traits>

#include "parallel/pool.hpp"
#include "text/hash.hpp"

namespace cp::links {

namespace {

template <typename Set>
std::vector<std::string> sorted_keys(const Set& set) {
    std::vector<std::string> out;
    for (const auto& item : set) {
        if constexpr (std::is_same_v<std::decay_t<decltype(item)>, std::string>)
            out.push_back(item);
        else
            out.push_back(item.first + '\n' + item.second);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Everything a page's rendering reads besides the page itself: the other pages' addresses,
// names and visibility, the addresses of the unfiltered site, the assets (and recordings'
// captions and transcripts), the words and the player a recording gets.
std::uint64_t surroundings_of(const model::Site& site, const Catalogue& catalogue, const ResolveOptions& options,
                              const std::vector<std::string>& words) {
    text::QuickHash h;
    for (const auto& p : site.pages) {
        h.add(p.source_path).add(p.url).add(p.slug).add(p.title).add(p.date).add(static_cast<std::uint64_t>(p.type));
        h.add(static_cast<std::uint64_t>(p.visibility)).add(p.draft ? 1 : 0).add(p.aliases.size());
        for (const auto& a : p.aliases) h.add(a);
    }
    for (const auto* part : {&catalogue.keys, &catalogue.tags}) {
        h.add(part->size());
        for (const auto& k : sorted_keys(*part)) h.add(k);
    }
    for (const auto* part : {&catalogue.community, &catalogue.aliases, &catalogue.folders}) {
        h.add(part->size());
        for (const auto& k : sorted_keys(*part)) h.add(k);
    }
    for (const auto& a : site.assets) {
        h.add(a.source_path).add(a.url).add(a.beside ? 1 : 0).add(static_cast<std::uint64_t>(a.width));
        h.add(static_cast<std::uint64_t>(a.height)).add(a.companion_of).add(a.captions);
        if (a.transcript)
            h.add(a.transcript->path).add(static_cast<std::uint64_t>(a.transcript->format)).add(a.transcript->text);
    }
    h.add(site.config.wikilinks ? 1 : 0).add(site.config.language).add(options.max_bytes);
    h.add(static_cast<std::uint64_t>(options.strictness));
    for (const auto& w : words) h.add(w);
    if (options.media_html) {  // the theme's player, as it writes a recording now
        markdown::MediaEmbed sample;
        sample.src = "sample.mp3";
        sample.mime = "audio/mpeg";
        sample.file_name = "sample.mp3";
        sample.label = "sample";
        sample.captions = "sample.vtt";
        sample.transcript_html = "<p>sample</p>";
        h.add(options.media_html(sample));
    }
    return h.value();
}

// The page's own part of what its rendering reads.
std::uint64_t key_of(const model::Page& page) {
    text::QuickHash h;
    h.add(page.body).add(static_cast<std::uint64_t>(page.body_first_line)).add(page.title).add(page.source_path);
    h.add(page.url).add(static_cast<std::uint64_t>(page.visibility)).add(page.lfs_pointer ? 1 : 0);
    return h.value();
}

// Renders one page's Markdown into `r`, its problems into `sink`.
void render_page(model::Page& page, const model::SiteIndex& index, const Catalogue& catalogue,
                 const ResolveOptions& options, const markdown::RenderOptions::Words& words,
                 const std::string& lfs_notice, RenderedPage& r, diag::Sink& sink) {
    if (page.lfs_pointer) {
        markdown::Rendered notice;
        notice.html = lfs_notice;
        r.body = std::make_shared<const markdown::Rendered>(std::move(notice));
        return;
    }
    const model::Site& site = index.site();
    auto resolver = make_resolver(index, page, catalogue, options.strictness, sink, r.links);
    markdown::RenderOptions ro;
    ro.first_line = page.body_first_line;
    ro.max_bytes = options.max_bytes;
    ro.title = page.title;
    ro.wikilinks = site.config.wikilinks;
    ro.words = words;
    ro.media_html = options.media_html;
    r.body = std::make_shared<const markdown::Rendered>(markdown::render(page.body, resolver, ro));
    if (const auto& refused = r.body->refused)
        sink.error(page.source_path, page.body_first_line - 1 + refused->line, refused->column, refused->message);
    std::sort(r.links.pages.begin(), r.links.pages.end());
    r.links.pages.erase(std::unique(r.links.pages.begin(), r.links.pages.end()), r.links.pages.end());
}

}  // namespace

std::vector<RenderedPage> render_bodies(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                                        const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    std::vector<RenderedPage> out(site.pages.size());
    const markdown::RenderOptions::Words words{
        site.words.html("markdown.community_only"), site.words.html("markdown.broken_link"),
        site.words.html("markdown.done"),           site.words.html("markdown.not_done"),
        site.words.html("markdown.too_large"),      site.words.html("markdown.too_slow")};
    const std::string lfs_notice = "<p class=\"notice\">" + site.words.html("markdown.lfs") + "</p>\n";
    BodyCache* cache = options.cache;
    if (cache) {
        auto now = surroundings_of(site, catalogue, options,
                                   {words.community_only, words.broken_link, words.done, words.not_done,
                                    words.too_large, words.too_slow, lfs_notice});
        if (now != cache->surroundings) cache->by_source.clear();
        cache->surroundings = now;
    }
    std::vector<std::optional<BodyCache::Entry>> made(cache ? site.pages.size() : 0);  // for the cache
    pool.parallel_for(site.pages.size(), [&](std::size_t i) {
        model::Page& page = site.pages[i];
        RenderedPage& r = out[i];
        std::uint64_t key = cache ? key_of(page) : 0;
        auto kept = cache ? cache->by_source.find(page.source_path) : BodyCache::Map::iterator{};
        if (cache && kept != cache->by_source.end() && kept->second.key == key) {
            r = kept->second.rendered;
            for (const auto& d : kept->second.problems) sink.report(d);
        } else if (!cache) {
            render_page(page, index, catalogue, options, words, lfs_notice, r, sink);
        } else {
            // Problems go to a sink of the page's own, to be kept with the rendering.
            diag::Sink own;
            render_page(page, index, catalogue, options, words, lfs_notice, r, own);
            auto problems = own.sorted();
            for (const auto& d : problems) sink.report(d);
            made[i] = BodyCache::Entry{key, r, std::move(problems)};
        }
        if (page.summary.empty()) page.summary = r.body->summary;
        // Every later step reads the rendering, never the Markdown: dropped here, it is one copy
        // of the whole memory less to hold (210 MB at 50,000 notes).
        std::string().swap(page.body);
    });
    if (cache)
        for (std::size_t i = 0; i < made.size(); ++i)
            if (made[i]) cache->by_source[site.pages[i].source_path] = std::move(*made[i]);
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
