#pragma once
// The static full-text index behind /search/: written at build time as JavaScript
// files that register themselves with window.cpSearch (JSONP style, so it works from
// file:// too) and split so that a query loads only the pieces it needs:
//
//   search/manifest.js          counts, type and domain names, stop words, and the
//                               first term (or shortest separating prefix) of each shard
//   search/shards/N.js          the postings of a range of terms, in term order
//   search/docs/N.js            title, url, type, date, domains and excerpt of
//                               documents N*chunk .. N*chunk+chunk-1
//   search/facets/type-N.js     the documents of type N, for the type filter
//   search/facets/domain-N.js   the documents of domain N, for the domain filter
//
// Documents are numbered newest first (date descending, then url), so ties in ranking
// go to the newest. The client is themes/default/static/search.js.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "search/tokenizer.hpp"
#include "text/packed.hpp"

namespace cp::search {

struct SearchDocument {
    std::string url;  // site-absolute, e.g. "/notes/night-handover/"
    std::string title;
    std::string type;                  // "meeting", "note", "domain", "person", "page"
    std::string date;                  // "YYYY-MM-DD" or empty
    std::vector<std::string> domains;  // domain titles, for display and filtering
    // Its words, in pieces: the body's plain text (already audience-filtered), then its fields'.
    // Views of text that outlives the index's build (the resolved site's), not copies of it.
    std::vector<std::string_view> texts;
    // The body's words as the build holds them, packed: unpacked only while this document is
    // indexed, and read before `texts`. Not owned.
    const text::PackedText* packed_body = nullptr;
    std::size_t packed_from = 0;  // where in it the words start (a page's are packed after its HTML)
    // Read first, unless the body begins with its first 40 bytes (a page's summary, which is
    // most often its first paragraph): the excerpt is cut from the start of the words.
    std::string_view lead;
};

struct SearchFile {
    std::string path;  // relative to the output root, e.g. "search/shards/12.js"
    std::string content;
};

// How finely the index is split; the defaults keep a two-word query on a 50,000-note
// memory well under 150 KB fetched (see bench/search).
struct IndexLimits {
    std::size_t shard_bytes = std::size_t{16} * 1024;  // a shard is closed before it grows past this,
                                                       // unless it holds a single term
    std::size_t docs_per_chunk = 8;                    // documents per search/docs/N.js
    std::size_t excerpt_bytes = 240;                   // plain text kept per document for the snippet
};

// Builds every file of the index. Deterministic: same documents, same bytes. Never
// throws on odd text (invalid UTF-8 is skipped byte-wise).
std::vector<SearchFile> build_search_index(const std::vector<SearchDocument>& docs);
std::vector<SearchFile> build_search_index(const std::vector<SearchDocument>& docs, const IndexLimits& limits);

// Common English words left out of the index (and out of queries, by search.js,
// which reads this list from the manifest).
const std::vector<std::string>& stop_words();

// The compact set encoding shared with search.js, exposed for tests.
namespace detail {
// A sorted set of distinct numbers below `universe` as text over the alphabet
// A-Z a-z 0-9 - _ (6 bits a character): either "!" and a bitmap, least significant bit
// first, or the gaps between successive numbers (first: the number itself, then
// next - previous - 1) as little-endian groups of 5 bits, bit 6 set on all but the
// last group; whichever is shorter. The empty set is "".
std::string encode_set(const std::vector<std::uint32_t>& sorted, std::uint32_t universe);
// The inverse of encode_set; stops at the first character outside the alphabet.
std::vector<std::uint32_t> decode_set(std::string_view text);
}  // namespace detail

}  // namespace cp::search
