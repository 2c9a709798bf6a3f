#pragma once
#include <cstdint>
// Cross-references: front-matter slugs (people, domains, related pages) and links
// in the Markdown (relative .md paths, [[wikilinks]], images) turned into addresses.
// Runs after the audience filter, so a page this build does not hold is never linked.
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diag/diagnostic.hpp"
#include "markdown/render.hpp"
#include "model/site.hpp"

namespace cp::parallel {
class Pool;
}

namespace cp::links {

// Every address the memory had before the audience filter, as keys ("person:ada",
// "path:notes/x.md", "slug:ada"): enough to tell a link to a page this build leaves
// out (silent plain text) from a link to nothing (a problem to report). Holds no content.
// Hash tables: four keys a page, looked up for every link (ordered sets of 200,000 alike
// strings took a fifth of a second to build at 50,000 notes).
struct Catalogue {
    std::unordered_set<std::string> keys;
    std::unordered_map<std::string, std::string>
        community;  // the same keys, for pages only the community may read -> their source path
    std::unordered_map<std::string, std::string>
        aliases;                           // an old address ("/old/") -> the source path it redirects to
    std::unordered_set<std::string> tags;  // every tag's address slug, for links to /tags/SLUG/
    // A folder's address ("/guides/", "/minutes/2019/") -> where a link to it goes: the folder's
    // own index for a folder of free pages, its type's list for a folder of typed pages.
    std::unordered_map<std::string, std::string> folders;
    std::uint64_t key = 0;  // catalogue_key of the site it was made from
    bool has(const std::string& key) const { return keys.count(key) != 0; }
};

// Records the address of every page of an unfiltered site; `key`, when given, is
// catalogue_key(site), which the caller worked out already; on `pool`'s threads when given.
Catalogue catalogue_of(const model::Site& site);
Catalogue catalogue_of(const model::Site& site, std::uint64_t key, parallel::Pool* pool = nullptr);
// A hash (text::QuickHash, in-process only) of everything catalogue_of reads: each page's type,
// slug, source path, address, visibility, draft mark, aliases and tags, and each asset's path.
// The same key, the same catalogue: serve keeps the last between rebuilds (site::BuildCache).
std::uint64_t catalogue_key(const model::Site& site);

// How to report a reference to nothing: `check` makes it an error, `build` a warning.
enum class Strictness { Build, Check };

struct BodyCache;

struct ResolveOptions {
    Strictness strictness = Strictness::Build;
    std::size_t max_bytes = std::size_t{4} * 1024 * 1024;  // a page's Markdown rendered at most
    markdown::MediaWriter media_html;                      // writes a recording's player (the theme's)
    BodyCache* cache = nullptr;  // renderings an earlier build left (serve), or nullptr (links/bodies.hpp)
};

// The links step's own parts (links::resolve runs them; later steps read its ResolvedSite).
// Fills the url and label of every Ref in every page. A slug that names no page this
// build holds becomes plain text: a warning (build) or an error (check) unless the
// page exists but the audience filter removed it, which is silent by design.
void resolve_references(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                        Strictness strictness, diag::Sink& sink);

// What one page's Markdown links to, gathered while it renders.
struct PageLinks {
    std::vector<std::string> pages;   // site-absolute URLs of pages linked (no anchors), for backlinks
    std::vector<std::string> assets;  // site-absolute URLs of assets used (a recording's captions too)
    // The pictures shown, in order: site-absolute URLs of the memory's files, or absolute http(s)
    // URLs as written (the first is the page's picture on a social card).
    std::vector<std::string> images;
};

// A resolver for one page's Markdown; what it links to is added to `found`. A link to nothing
// is reported (error in check, warning in build) and shown as marked plain text; in a public
// build a public page's link to a community page becomes plain text, with a warning. A link or
// image to a recording the (filtered) site holds becomes a player (LinkResult::media) with its
// captions and transcript; an image without alt text is a warning.
markdown::LinkResolver make_resolver(const model::SiteIndex& index, const model::Page& page, const Catalogue& catalogue,
                                     Strictness strictness, diag::Sink& sink, PageLinks& found);

// True for an address the generator writes itself, which a page may link to though no source
// file is behind it: one of model::reserved_addresses() (/timeline/, /feed.xml...), a page of
// the timeline (/timeline/2016/) or a tag some page has (/tags/SLUG/).
bool is_generated_address(const std::string& url, const Catalogue& catalogue);

// Warns about each person whom no page names (attendee, author, convener, owner, role...) and
// no page links to. `linked[i]` says whether site.pages[i] has a backlink. Run on the whole
// community's site only: a public build leaves out who refers to whom.
void warn_unreferenced_people(const model::Site& site, const std::vector<bool>& linked, diag::Sink& sink);

}  // namespace cp::links
