#include "links/bodies.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <type_traits>

#include "parallel/pool.hpp"
#include "text/hash.hpp"

namespace cp::links {

namespace {

// What every page's rendering reads from the other pages: their addresses, names and
// visibility, the addresses of the unfiltered site, the assets (and recordings' captions and
// transcripts). A change here is checked page by page (links_still_lead).
std::uint64_t others_of(const model::Site& site, const Catalogue& catalogue) {
    text::QuickHash h;
    for (const auto& p : site.pages) {
        h.add(p.source_path).add(p.url).add(p.slug).add(p.title).add(p.date).add(static_cast<std::uint64_t>(p.type));
        h.add(static_cast<std::uint64_t>(p.visibility)).add(p.draft ? 1 : 0).add(p.aliases.size());
        for (const auto& a : p.aliases) h.add(a);
    }
    h.add(catalogue.key);  // what the catalogue was made from (hashing its 40,000 keys took 10 ms)
    for (const auto& a : site.assets) {
        h.add(a.source_path).add(a.url).add(a.beside ? 1 : 0).add(static_cast<std::uint64_t>(a.width));
        h.add(static_cast<std::uint64_t>(a.height)).add(a.companion_of).add(a.captions);
        if (a.transcript)
            h.add(a.transcript->path).add(static_cast<std::uint64_t>(a.transcript->format)).add(a.transcript->text);
    }
    return h.value();
}

// What every page's rendering reads besides the page and its links: the options, the words
// and the player a recording gets. A change here renders every page again.
std::uint64_t words_of(const model::Site& site, const ResolveOptions& options, const std::vector<std::string>& words) {
    text::QuickHash h;
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

// Every field of a link's answer.
void add_answer(text::QuickHash& h, const markdown::LinkResult& r) {
    h.add(static_cast<std::uint64_t>(r.action)).add(r.url).add(r.label);
    h.add(static_cast<std::uint64_t>(r.width)).add(static_cast<std::uint64_t>(r.height));
    h.add(r.media ? 1 : 0);
    if (const auto& m = r.media) {
        h.add(m->video ? 1 : 0).add(m->src).add(m->mime).add(m->file_name).add(m->label).add(m->captions);
        h.add(m->transcript_html).add(m->transcript_text);
    }
}

// What the links step recorded besides its answers: the pages, assets and pictures it found,
// and the problems it reported.
void add_found(text::QuickHash& h, const PageLinks& found, const std::vector<diag::Diagnostic>& problems) {
    for (const auto* list : {&found.pages, &found.assets, &found.images}) {
        h.add(list->size());
        for (const auto& item : *list) h.add(item);
    }
    h.add(problems.size());
    for (const auto& d : problems) {
        h.add(d.path).add(static_cast<std::uint64_t>(d.line)).add(static_cast<std::uint64_t>(d.column));
        h.add(static_cast<std::uint64_t>(d.severity)).add(d.message);
    }
}

// What a rendering asked and was told, for the cache.
struct Recording {
    std::vector<markdown::LinkRequest> asked;
    text::QuickHash answers;
};

// True when the links of a kept rendering, asked again of today's pages, lead where they led,
// as they did: then the rendering is today's too.
bool links_still_lead(const BodyCache::Entry& kept, const model::Page& page, const model::SiteIndex& index,
                      const Catalogue& catalogue, const ResolveOptions& options) {
    diag::Sink problems;
    PageLinks found;
    auto resolve = make_resolver(index, page, catalogue, options.strictness, problems, found);
    text::QuickHash h;
    for (const auto& request : kept.asked) add_answer(h, resolve(request));
    add_found(h, found, problems.sorted());
    return h.value() == kept.answers;
}

// The page's own part of what its rendering reads.
std::uint64_t key_of(const model::Page& page) {
    text::QuickHash h;
    h.add(page.body).add(static_cast<std::uint64_t>(page.body_first_line)).add(page.title).add(page.source_path);
    h.add(page.url).add(static_cast<std::uint64_t>(page.visibility)).add(page.lfs_pointer ? 1 : 0);
    return h.value();
}

// What every page's rendering shares: the words it writes, and what the bodies are packed against.
struct Shared {
    markdown::RenderOptions::Words words;
    std::string lfs_notice;
    std::shared_ptr<const text::PackingDictionary> dictionary;
};

// One page's Markdown rendered, its links into `links`, its problems into `sink`. With
// `recording`, what the rendering asks the links step is recorded, with its answers.
markdown::Rendered rendered_markdown(const model::Page& page, const model::SiteIndex& index, const Catalogue& catalogue,
                                     const ResolveOptions& options, const Shared& shared, PageLinks& links,
                                     diag::Sink& sink, Recording* recording = nullptr) {
    const model::Site& site = index.site();
    markdown::LinkResolver resolver = make_resolver(index, page, catalogue, options.strictness, sink, links);
    if (recording)
        resolver = [inner = std::move(resolver), recording](const markdown::LinkRequest& request) {
            markdown::LinkResult result = inner(request);
            recording->asked.push_back(request);
            add_answer(recording->answers, result);
            return result;
        };
    markdown::RenderOptions ro;
    ro.first_line = page.body_first_line;
    ro.max_bytes = options.max_bytes;
    ro.title = page.title;
    ro.wikilinks = site.config.wikilinks;
    ro.words = shared.words;
    ro.media_html = options.media_html;
    return markdown::render(page.body, resolver, ro);
}

// Renders one page's Markdown into `r`, its problems into `sink`.
void render_page(const model::Page& page, const model::SiteIndex& index, const Catalogue& catalogue,
                 const ResolveOptions& options, const Shared& shared, RenderedPage& r, diag::Sink& sink,
                 Recording* recording = nullptr) {
    if (page.lfs_pointer) {
        markdown::Rendered notice;
        notice.html = shared.lfs_notice;
        r.body = std::make_shared<const PageBody>(std::move(notice));
        return;
    }
    r.body = std::make_shared<const PageBody>(
        rendered_markdown(page, index, catalogue, options, shared, r.links, sink, recording), shared.dictionary);
    if (recording) add_found(recording->answers, r.links, sink.sorted());  // the links step's problems only, so far
    if (const auto& refused = r.body->refused)
        sink.error(page.source_path, page.body_first_line - 1 + refused->line, refused->column, refused->message);
    std::sort(r.links.pages.begin(), r.links.pages.end());
    r.links.pages.erase(std::unique(r.links.pages.begin(), r.links.pages.end()), r.links.pages.end());
}

// What the renderings are packed against: the start of the HTML of up to 16 pages spread
// through the site, rendered once more for it (their links and problems let go). A page packed
// alone finds little to repeat; against these 64 KB it finds its markup and common words. With
// the words packed behind the HTML, a 50,000-note build's resident size after the links step
// fell by 120 MB.
std::shared_ptr<const text::PackingDictionary> packing_dictionary(const model::SiteIndex& index,
                                                                  const Catalogue& catalogue,
                                                                  const ResolveOptions& options, const Shared& shared) {
    constexpr std::size_t kSamples = 16, kBytesEach = 4096;
    const auto& pages = index.site().pages;
    const std::size_t count = std::min(pages.size(), kSamples);
    std::string samples;
    for (std::size_t k = 0; k < count; ++k) {
        const model::Page& page = pages[k * pages.size() / count];
        if (page.lfs_pointer) continue;
        PageLinks links;
        diag::Sink ignored;
        samples +=
            rendered_markdown(page, index, catalogue, options, shared, links, ignored).html.substr(0, kBytesEach);
    }
    if (samples.empty()) return nullptr;
    return std::make_shared<const text::PackingDictionary>(samples);
}

}  // namespace

PageBody::PageBody(markdown::Rendered rendered, std::shared_ptr<const text::PackingDictionary> dictionary)
    : summary(std::move(rendered.summary)),
      headings(std::move(rendered.headings)),
      refused(std::move(rendered.refused)),
      media(std::move(rendered.media)),
      html_size_(rendered.html.size()) {
    rendered.html += rendered.plain_text;
    packed_ = text::PackedText(rendered.html, std::move(dictionary));
    // Grown by appending as the page was rendered, and held until it is written: their slack
    // was 25 MB at 50,000 notes.
    summary.shrink_to_fit();
    for (auto& h : headings) {
        h.text.shrink_to_fit();
        h.id.shrink_to_fit();
    }
    headings.shrink_to_fit();
}

std::shared_ptr<const PageBody> nothing_rendered() {
    static const auto nothing = std::make_shared<const PageBody>();
    return nothing;
}

std::vector<RenderedPage> render_bodies(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                                        const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    std::vector<RenderedPage> out(site.pages.size());
    Shared shared{{site.words.html("markdown.community_only"), site.words.html("markdown.broken_link"),
                   site.words.html("markdown.done"), site.words.html("markdown.not_done"),
                   site.words.html("markdown.too_large"), site.words.html("markdown.too_slow")},
                  "<p class=\"notice\">" + site.words.html("markdown.lfs") + "</p>\n",
                  nullptr};
    BodyCache* cache = options.cache;
    bool ask_again = false;  // another page, an address or an asset changed: the kept links are asked again
    if (cache) {
        const markdown::RenderOptions::Words& w = shared.words;
        auto now =
            words_of(site, options,
                     {w.community_only, w.broken_link, w.done, w.not_done, w.too_large, w.too_slow, shared.lfs_notice});
        if (now != cache->words) cache->by_source.clear();
        cache->words = now;
        auto others = others_of(site, catalogue);
        ask_again = others != cache->others;
        cache->others = others;
    }
    if (cache && !cache->dictionary) cache->dictionary = packing_dictionary(index, catalogue, options, shared);
    shared.dictionary = cache ? cache->dictionary : packing_dictionary(index, catalogue, options, shared);
    std::vector<std::optional<BodyCache::Entry>> made(cache ? site.pages.size() : 0);  // for the cache
    pool.parallel_for(site.pages.size(), [&](std::size_t i) {
        model::Page& page = site.pages[i];
        RenderedPage& r = out[i];
        std::uint64_t key = cache ? key_of(page) : 0;
        auto kept = cache ? cache->by_source.find(page.source_path) : BodyCache::Map::iterator{};
        if (cache && kept != cache->by_source.end() && kept->second.key == key &&
            (!ask_again || links_still_lead(kept->second, page, index, catalogue, options))) {
            r = kept->second.rendered;
            for (const auto& d : kept->second.problems) sink.report(d);
        } else if (!cache) {
            render_page(page, index, catalogue, options, shared, r, sink);
        } else {
            // Problems go to a sink of the page's own, to be kept with the rendering.
            diag::Sink own;
            Recording recording;
            render_page(page, index, catalogue, options, shared, r, own, &recording);
            auto problems = own.sorted();
            for (const auto& d : problems) sink.report(d);
            made[i] =
                BodyCache::Entry{key, r, std::move(problems), std::move(recording.asked), recording.answers.value()};
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
