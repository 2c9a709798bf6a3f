#pragma once
// Every page's Markdown rendered to HTML (in parallel), its links resolved, and the
// backlinks gathered from what the pages link to, in one pass.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.hpp"
#include "links/resolve.hpp"
#include "markdown/render.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"
#include "text/packed.hpp"

namespace cp::links {

// A page's rendered Markdown as every step after the links step holds it. The HTML and the
// words are packed together (text::PackedText), against a dictionary of a few of the build's
// own pages: a build keeps every page's until its page is written, but reads each only a few
// times (the page, the search index, the feeds, the export, the printed memory). At 50,000
// notes, held as they are, they were 410 MB, a quarter of the build's memory; packed each on
// its own, 161 MB.
class PageBody {
public:
    PageBody() = default;
    explicit PageBody(markdown::Rendered rendered, std::shared_ptr<const text::PackingDictionary> dictionary = {});

    // markdown::Rendered's, unpacked: the HTML alone is read without unpacking the words.
    std::string html() const { return packed_.unpacked(0, html_size_); }
    std::string plain_text() const { return packed_.unpacked(html_size_, packed_.size()); }
    // Both, unpacked once (the words follow the HTML: plain_text() alone unpacks it too).
    std::pair<std::string, std::string> html_and_plain_text() const {
        std::string html = packed_.unpacked(0, packed_.size());
        std::string words = html.substr(html_size_);
        html.resize(html_size_);
        return {std::move(html), std::move(words)};
    }
    // The HTML, then the words, as held; the words start at words_from().
    const text::PackedText& packed() const { return packed_; }
    std::size_t words_from() const { return html_size_; }

    std::string summary;
    std::vector<markdown::Heading> headings;
    std::optional<markdown::Pathology> refused;
    std::vector<markdown::MediaEmbed> media;

private:
    // Packed together, the words cost little: they are the HTML's own, without the markup.
    text::PackedText packed_;
    std::size_t html_size_ = 0;
};

// The rendering of no text: what a page holds before its own is made (one, shared by all).
std::shared_ptr<const PageBody> nothing_rendered();

struct RenderedPage {
    // Shared with serve's cache of renderings (BodyCache), which hands it to every rebuild the
    // page is unchanged in: a copy of every page's HTML and words each save took an eighth of
    // a rebuild at 10,000 notes. Never null; never changed once made.
    std::shared_ptr<const PageBody> body = nothing_rendered();
    PageLinks links;
    std::vector<std::size_t> backlinks;  // indices into site.pages, sorted, of pages linking here
};

// Each page's rendering, kept by one build for the next (serve's rebuilds after a save). A page
// whose Markdown and own fields are what they were renders to the same bytes and reports the
// same problems when every link in it leads where it led, as it did (the same address, label,
// picture size, player), and the words and the player are the same. The links are asked again
// only when another page, an address or an asset changed: a note added or renamed renders
// again only the pages whose links now lead elsewhere, not every page.
struct BodyCache {
    struct Entry {
        std::uint64_t key = 0;  // of the page's own fields and Markdown
        RenderedPage rendered;  // with no backlinks: they are gathered anew each time
        std::vector<diag::Diagnostic> problems;
        std::vector<markdown::LinkRequest> asked;  // what the rendering asked the links step, in order
        std::uint64_t answers = 0;                 // what it was told (text::QuickHash; see bodies.cpp)
    };
    std::uint64_t words = 0;   // of the words, the player and the options; when they change, all go
    std::uint64_t others = 0;  // of the other pages, addresses and assets; when they change, links are asked again
    using Map = std::unordered_map<std::string, Entry>;
    Map by_source;  // by the page's source path
    // What the renderings are packed against: made by the first build, kept by the rest (a
    // rebuild that renders a page or two should not render a dozen more to make its own).
    std::shared_ptr<const text::PackingDictionary> dictionary;
};

// Part of the links step (links::resolve). Renders site.pages[i] into result[i], on `pool`'s
// threads; fills each page's summary from its first paragraph when the front matter gave none
// (so `site` is updated in place for that).
std::vector<RenderedPage> render_bodies(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                                        const ResolveOptions& options, parallel::Pool& pool, diag::Sink& sink);

}  // namespace cp::links
