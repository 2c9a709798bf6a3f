#include "search/search_index.hpp"

#include <algorithm>
#include <numeric>
#include <string_view>

#include "text/hash.hpp"

namespace cp::search {
namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::size_t kMaxTermBytes = 40;  // longer "words" are hashes, URLs, base64
// Body term frequency thresholds: the documents of a term with tf >= 2, >= 4, >= 8 are
// stored as nested subsets, so ranking by frequency costs little for frequent terms.
constexpr std::uint32_t kTfLevels[] = {2, 4, 8};

// Every distinct word's number, found with one hash and, nearly always, one comparison: the
// index looks up every word of every page (millions), and std::unordered_map's string
// hashing and bucket chains took a third of the index's time.
class TermTable {
public:
    // The number of `word`, or `fresh` (which it then gets) when the word is new.
    std::uint32_t find_or_add(std::string_view word, std::uint32_t fresh, const std::vector<std::string>& names) {
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const std::uint32_t h = hash(word);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (slot.id == kEmpty) {
                slot = {h, fresh};
                ++count_;
                return fresh;
            }
            if (slot.hash == h && names[slot.id] == word) return slot.id;
        }
    }

private:
    static constexpr std::uint32_t kEmpty = 0xFFFFFFFF;
    struct Slot {
        std::uint32_t hash = 0, id = kEmpty;
    };
    // 64-bit FNV-1a, folded to 32 bits: words are short.
    static std::uint32_t hash(std::string_view s) {
        std::uint64_t h = text::Fnv1a::of(s);
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
        mask_ = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.id == kEmpty) continue;
            std::size_t i = slot.hash & mask_;
            while (slots_[i].id != kEmpty) i = (i + 1) & mask_;
            slots_[i] = slot;
        }
    }
    std::vector<Slot> slots_;
    std::size_t mask_ = 0, count_ = 0;
};

int alphabet_index(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

// Length of the valid UTF-8 sequence at s[i], or 0 when it is invalid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return 1;
    std::size_t len = (b0 & 0xE0) == 0xC0 ? 2 : (b0 & 0xF0) == 0xE0 ? 3 : (b0 & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    std::uint32_t cp = b0 & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Valid UTF-8 with runs of whitespace and control characters collapsed to one space;
// stops once longer than `limit` bytes.
std::string clean_text(std::string_view s, std::size_t limit = std::string::npos) {
    std::string out;
    out.reserve(std::min(s.size(), limit));
    bool space = false;
    for (std::size_t i = 0; i < s.size() && out.size() <= limit;) {
        const std::size_t len = utf8_length(s, i);
        if (len == 0) {
            ++i;
            continue;
        }
        const auto c = static_cast<unsigned char>(s[i]);
        if (len == 1 && (c <= 0x20 || c == 0x7F)) {
            space = !out.empty();
        } else {
            if (space) out += ' ';
            space = false;
            out.append(s, i, len);
        }
        i += len;
    }
    return out;
}

// The start of the text, cut at a word boundary, for the snippet.
std::string make_excerpt(const std::string& clean, std::size_t max_bytes) {
    if (clean.size() <= max_bytes) return clean;
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(clean[cut]) & 0xC0) == 0x80) --cut;
    const std::size_t space = clean.rfind(' ', cut);
    if (space != std::string::npos && space + 40 > cut) cut = space;
    return clean.substr(0, cut) + "\u2026";
}

// clean_text of the pieces joined by spaces, as long as `limit` allows: pieces are joined
// only until the cleaned text is longer (clean_text reads no further than that).
std::string opening_text(const std::vector<std::string_view>& pieces, std::size_t limit) {
    std::string joined, cleaned;
    for (const std::string_view piece : pieces) {
        if (piece.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += piece;
        cleaned = clean_text(joined, limit);
        if (cleaned.size() > limit) break;
    }
    return cleaned;
}

// A JSON string literal; the input must be valid UTF-8 (clean_text makes it so).
void append_json(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c < 0x20 || c == '<') {
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
            out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line breaks to old JS
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    out += '"';
}

// A file's text: `open`, then `body`, then `close`, made at its size: the index's files are
// held until they are written last, and a string grown by appending holds up to twice its
// bytes (the document files were 38 MB for 19 at 50,000 notes).
std::string framed(std::string_view open, std::string_view body, std::string_view close) {
    std::string out;
    out.reserve(open.size() + body.size() + close.size());
    out.append(open).append(body).append(close);
    return out;
}

std::string json(std::string_view s) {
    std::string out;
    append_json(out, clean_text(s));
    return out;
}

template <typename T, typename F>
std::string json_array(const std::vector<T>& items, F&& each) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += ',';
        out += each(items[i]);
    }
    return out + "]";
}

struct Posting {
    std::uint32_t doc;
    std::uint16_t tf;  // occurrences in the body, at most 65535
    bool title;
};

// One term's postings as JSON: the encoded document set alone, or an array of the
// document set, the title subset, then the tf >= 2, 4, 8 subsets (each numbered
// within the one before), trailing empty sets left out.
std::string encode_postings(const std::vector<Posting>& postings, std::uint32_t doc_count) {
    std::vector<std::uint32_t> docs;
    std::vector<std::uint32_t> titled;
    for (std::uint32_t i = 0; i < postings.size(); ++i) {
        docs.push_back(postings[i].doc);
        if (postings[i].title) titled.push_back(i);
    }
    std::vector<std::string> parts{detail::encode_set(docs, doc_count),
                                   detail::encode_set(titled, static_cast<std::uint32_t>(postings.size()))};
    std::vector<std::uint32_t> level(postings.size());  // positions in `postings` of the previous level
    std::iota(level.begin(), level.end(), 0U);
    for (const std::uint32_t threshold : kTfLevels) {
        std::vector<std::uint32_t> next;
        std::vector<std::uint32_t> within;
        for (std::uint32_t k = 0; k < level.size(); ++k) {
            if (postings[level[k]].tf >= threshold) {
                next.push_back(level[k]);
                within.push_back(k);
            }
        }
        parts.push_back(detail::encode_set(within, static_cast<std::uint32_t>(level.size())));
        level = std::move(next);
    }
    while (parts.size() > 1 && parts.back().empty()) parts.pop_back();
    if (parts.size() == 1) return '"' + parts[0] + '"';
    return json_array(parts, [](const std::string& p) { return '"' + p + '"'; });
}

// The shortest prefix of `first` that sorts after `previous` (first > previous).
std::string separator(std::string_view previous, std::string_view first) {
    std::size_t n = 1;
    while (n < first.size() && first.substr(0, n) <= previous) ++n;
    return std::string(first.substr(0, n));
}

std::vector<std::string> sorted_unique(std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

std::uint32_t index_of(const std::vector<std::string>& sorted, const std::string& s) {
    return static_cast<std::uint32_t>(std::lower_bound(sorted.begin(), sorted.end(), s) - sorted.begin());
}

// Newest first, so that ties in ranking go to the newest; undated documents last.
std::vector<std::size_t> newest_first(const std::vector<SearchDocument>& input) {
    std::vector<std::size_t> order(input.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const SearchDocument& x = input[a];
        const SearchDocument& y = input[b];
        if (x.date != y.date) return x.date > y.date;
        return x.url < y.url;
    });
    return order;
}

// Every distinct word gets a number once; a document's words are then counted by sorting
// numbers, not strings. Stop words and over-long words are numbered but never posted.
//
// Each term's postings are held packed, as they are gathered: the gap from the document before
// and the count (doubled, plus one for a word of the title), both as variable-length numbers,
// about 3 bytes a posting where a Posting is 8. Only the last document's stays open, counted
// in place. At 50,000 notes there are some 15 million postings, held while the pages are written.
class Postings {
public:
    Postings() {
        for (const std::string& w : stop_words()) {
            ids_.find_or_add(w, static_cast<std::uint32_t>(names_.size()), names_);
            names_.push_back(w);
            terms_.emplace_back().skipped = true;
        }
    }

    // Counts one occurrence of `w` in document `doc`. Documents are read in id order, so a
    // term's posting for this document, when it has one, is the open one: each word updates
    // it in place, with no sorting.
    void add(std::uint32_t doc, std::string_view w, bool in_title) {
        Term& t = terms_[id(w)];
        if (t.skipped) return;
        if (t.open_doc != doc + 1) {
            if (t.open_doc != 0) t.close();
            t.open_doc = doc + 1;
        }
        if (in_title) {
            t.open_title = true;
        } else if (t.open_tf < 0xFFFF) {
            ++t.open_tf;
        }
    }

    // The terms found in some document, in byte order (= code point order).
    std::vector<std::uint32_t> terms_in_order() const {
        std::vector<std::uint32_t> terms;
        for (std::uint32_t t = 0; t < names_.size(); ++t) {
            if (terms_[t].open_doc != 0) terms.push_back(t);
        }
        std::sort(terms.begin(), terms.end(), [&](std::uint32_t a, std::uint32_t b) { return names_[a] < names_[b]; });
        return terms;
    }
    const std::string& name(std::uint32_t term) const { return names_[term]; }
    // A term's postings, unpacked, in document order.
    std::vector<Posting> of(std::uint32_t term) const {
        const Term& t = terms_[term];
        std::vector<Posting> out;
        std::uint32_t doc = 0;
        for (std::size_t at = 0; at < t.packed.size();) {
            doc += read_number(t.packed, at);
            const std::uint32_t count = read_number(t.packed, at);
            out.push_back({doc, static_cast<std::uint16_t>(count >> 1), (count & 1) != 0});
        }
        if (t.open_doc != 0) out.push_back({t.open_doc - 1, t.open_tf, t.open_title});
        return out;
    }

private:
    struct Term {
        std::vector<unsigned char> packed;  // the closed postings
        std::uint32_t closed_doc = 0;       // the last closed posting's document
        std::uint32_t open_doc = 0;         // the open posting's document + 1; 0: none yet
        std::uint16_t open_tf = 0;
        bool open_title = false;
        bool skipped = false;  // stop words and over-long words

        void close() {
            write_number(packed, open_doc - 1 - closed_doc);
            write_number(packed, (std::uint32_t{open_tf} << 1) | (open_title ? 1U : 0U));
            closed_doc = open_doc - 1;
            open_tf = 0;
            open_title = false;
        }
    };

    // Seven bits a byte, low first; the high bit says another byte follows.
    static void write_number(std::vector<unsigned char>& out, std::uint32_t n) {
        while (n >= 0x80) {
            out.push_back(static_cast<unsigned char>(n | 0x80));
            n >>= 7;
        }
        out.push_back(static_cast<unsigned char>(n));
    }
    static std::uint32_t read_number(const std::vector<unsigned char>& in, std::size_t& at) {
        std::uint32_t n = 0;
        for (int shift = 0; at < in.size(); shift += 7) {
            const unsigned char byte = in[at++];
            n |= static_cast<std::uint32_t>(byte & 0x7F) << shift;
            if ((byte & 0x80) == 0) break;
        }
        return n;
    }

    std::uint32_t id(std::string_view w) {
        const auto fresh = static_cast<std::uint32_t>(names_.size());
        const std::uint32_t found = ids_.find_or_add(w, fresh, names_);
        if (found != fresh) return found;
        names_.emplace_back(w);
        terms_.emplace_back().skipped = w.size() > kMaxTermBytes;
        return found;
    }

    TermTable ids_;
    std::vector<std::string> names_;
    std::vector<Term> terms_;  // by term number
};

// The search page's filters: every type and domain (sorted), and the documents of each.
struct Facets {
    std::vector<std::string> types, domains;
    std::vector<std::vector<std::uint32_t>> type_docs, domain_docs;  // by position in types, domains
};

Facets facets_of(const std::vector<SearchDocument>& input) {
    Facets facets;
    for (const SearchDocument& d : input) {
        facets.types.push_back(d.type);
        facets.domains.insert(facets.domains.end(), d.domains.begin(), d.domains.end());
    }
    facets.types = sorted_unique(std::move(facets.types));
    facets.domains = sorted_unique(std::move(facets.domains));
    facets.type_docs.resize(facets.types.size());
    facets.domain_docs.resize(facets.domains.size());
    return facets;
}

// search/docs/N.js, `per_chunk` documents to a file, each as [url, title, type, date,
// [domains], excerpt], in `order`; each document's words go into `postings`, and its number
// into its type's and domains' lists.
void add_documents(const std::vector<SearchDocument>& input, const std::vector<std::size_t>& order,
                   const IndexLimits& limits, std::size_t per_chunk, Postings& postings, Facets& facets,
                   std::vector<SearchFile>& files) {
    const auto doc_count = static_cast<std::uint32_t>(input.size());
    std::string chunk;
    for (std::uint32_t id = 0; id < doc_count; ++id) {
        const SearchDocument& d = input[order[id]];
        const std::string body =
            d.packed_body ? d.packed_body->unpacked(d.packed_from, d.packed_body->size()) : std::string{};
        std::vector<std::string_view> texts;
        texts.reserve(d.texts.size() + 2);
        if (!d.lead.empty() && !std::string_view(body).starts_with(d.lead.substr(0, 40))) texts.push_back(d.lead);
        if (!body.empty()) texts.emplace_back(body);
        texts.insert(texts.end(), d.texts.begin(), d.texts.end());
        for_each_word(d.title, [&](std::string_view w) { postings.add(id, w, true); });
        for (const std::string_view piece : texts)
            for_each_word(piece, [&](std::string_view w) { postings.add(id, w, false); });

        const std::uint32_t type = index_of(facets.types, d.type);
        facets.type_docs[type].push_back(id);
        std::vector<std::uint32_t> doc_domains;
        for (const std::string& name : d.domains) doc_domains.push_back(index_of(facets.domains, name));
        std::sort(doc_domains.begin(), doc_domains.end());
        doc_domains.erase(std::unique(doc_domains.begin(), doc_domains.end()), doc_domains.end());
        for (const std::uint32_t k : doc_domains) facets.domain_docs[k].push_back(id);

        chunk += chunk.empty() ? "[" : ",";
        chunk += "[" + json(d.url) + "," + json(d.title) + "," + std::to_string(type) + "," + json(d.date) + "," +
            json_array(doc_domains, [](std::uint32_t k) { return std::to_string(k); }) + ",";
        append_json(chunk, make_excerpt(opening_text(texts, limits.excerpt_bytes), limits.excerpt_bytes));
        chunk += "]";
        const bool last = id + 1 == doc_count;
        if ((id + 1) % per_chunk == 0 || last) {
            const std::size_t n = id / per_chunk;
            files.push_back({"search/docs/" + std::to_string(n) + ".js",
                             framed("window.cpSearch.docs(" + std::to_string(n) + ",", chunk, "]);\n")});
            chunk.clear();
        }
    }
}

// search/shards/N.js: the terms in byte order, packed into shards of at most `shard_bytes`
// (unless one term alone is larger). Returns each shard's separator, the shortest prefix of
// its first term that sorts after the term before it ("" for the first shard).
std::vector<std::string> add_shards(const Postings& postings, std::uint32_t doc_count, std::size_t shard_bytes,
                                    std::vector<SearchFile>& files) {
    std::vector<std::string> separators;
    std::string shard;
    std::string previous_term;
    auto close_shard = [&] {
        const std::size_t n = separators.size() - 1;
        files.push_back({"search/shards/" + std::to_string(n) + ".js",
                         framed("window.cpSearch.shard(" + std::to_string(n) + ",{", shard, "});\n")});
        shard.clear();
    };
    for (const std::uint32_t t : postings.terms_in_order()) {
        const std::string& term = postings.name(t);
        std::string entry = json(term) + ":" + encode_postings(postings.of(t), doc_count);
        if (separators.empty() || (!shard.empty() && shard.size() + entry.size() + 1 > shard_bytes)) {
            if (!separators.empty()) close_shard();
            separators.push_back(separators.empty() ? std::string() : separator(previous_term, term));
        }
        if (!shard.empty()) shard += ',';
        shard += entry;
        previous_term = term;
    }
    if (separators.empty()) separators.emplace_back();
    close_shard();
    return separators;
}

// search/facets/type-K.js and domain-K.js: the documents of each type and domain.
void add_facets(const Facets& facets, std::uint32_t doc_count, std::vector<SearchFile>& files) {
    auto facet = [&](const std::string& key, const std::vector<std::uint32_t>& ids) {
        files.push_back(
            {"search/facets/" + key + ".js",
             "window.cpSearch.facet(" + json(key) + "," + '"' + detail::encode_set(ids, doc_count) + "\");\n"});
    };
    for (std::size_t k = 0; k < facets.types.size(); ++k) facet("type-" + std::to_string(k), facets.type_docs[k]);
    for (std::size_t k = 0; k < facets.domains.size(); ++k) facet("domain-" + std::to_string(k), facets.domain_docs[k]);
}

// A fingerprint of the index's files (sorted by path), which search.js appends to the URL of
// every file it loads (?v=...), so that a fresh manifest is never read with shards an HTTP
// cache kept from an earlier build. 16 hex digits of FNV-1a.
std::string fingerprint(const std::vector<SearchFile>& files) {
    text::Fnv1a fnv;
    for (const SearchFile& f : files) fnv.add(f.path).add(f.content);
    std::uint64_t hash = fnv.value();
    std::string build(16, '0');
    for (int i = 15; i >= 0; --i, hash >>= 4) build[static_cast<std::size_t>(i)] = "0123456789abcdef"[hash & 15];
    return build;
}

}  // namespace

const std::vector<std::string>& stop_words() {
    static const std::vector<std::string> words{
        "a",     "an",    "and",  "are",  "as",  "at",  "be",   "but",  "by",    "for",   "from", "had",
        "has",   "have",  "he",   "her",  "his", "i",   "if",   "in",   "into",  "is",    "it",   "its",
        "of",    "on",    "or",   "our",  "she", "so",  "than", "that", "the",   "their", "them", "then",
        "there", "these", "they", "this", "to",  "was", "we",   "were", "which", "with",  "you",  "your"};
    return words;
}

namespace detail {

std::string encode_set(const std::vector<std::uint32_t>& sorted, std::uint32_t universe) {
    if (sorted.empty()) return {};
    std::string gaps;
    std::uint32_t previous = 0;
    bool first = true;
    for (const std::uint32_t n : sorted) {
        std::uint32_t gap = first ? n : n - previous - 1;
        first = false;
        previous = n;
        while (gap >= 32) {
            gaps += kAlphabet[32 | (gap & 31)];
            gap >>= 5;
        }
        gaps += kAlphabet[gap];
    }
    const std::size_t bitmap_chars = (std::max(universe, sorted.back() + 1) + 5) / 6;
    if (1 + bitmap_chars >= gaps.size()) return gaps;
    std::string bits(bitmap_chars, 0);
    for (const std::uint32_t n : sorted) bits[n / 6] = static_cast<char>(bits[n / 6] | (1 << (n % 6)));
    while (!bits.empty() && bits.back() == 0) bits.pop_back();
    for (char& c : bits) c = kAlphabet[static_cast<unsigned char>(c)];
    return "!" + bits;
}

std::vector<std::uint32_t> decode_set(std::string_view text) {
    std::vector<std::uint32_t> out;
    if (!text.empty() && text[0] == '!') {
        for (std::size_t i = 1; i < text.size(); ++i) {
            const int v = alphabet_index(text[i]);
            if (v < 0) break;
            for (int b = 0; b < 6; ++b) {
                if (v & (1 << b)) out.push_back(static_cast<std::uint32_t>((i - 1) * 6 + b));
            }
        }
        return out;
    }
    std::uint64_t next = 0;
    std::uint64_t gap = 0;
    int shift = 0;
    for (const char c : text) {
        const int v = alphabet_index(c);
        if (v < 0 || shift > 30) break;
        gap |= static_cast<std::uint64_t>(v & 31) << shift;
        shift += 5;
        if (v < 32) {
            next += gap;
            out.push_back(static_cast<std::uint32_t>(next));
            ++next;
            gap = 0;
            shift = 0;
        }
    }
    return out;
}

}  // namespace detail

std::vector<SearchFile> build_search_index(const std::vector<SearchDocument>& docs) {
    return build_search_index(docs, IndexLimits{});
}

std::vector<SearchFile> build_search_index(const std::vector<SearchDocument>& input, const IndexLimits& limits) {
    const std::vector<std::size_t> order = newest_first(input);
    const auto doc_count = static_cast<std::uint32_t>(input.size());
    const std::size_t per_chunk = std::max<std::size_t>(1, limits.docs_per_chunk);
    Facets facets = facets_of(input);
    Postings postings;
    std::vector<SearchFile> files;
    add_documents(input, order, limits, per_chunk, postings, facets, files);
    const std::vector<std::string> separators = add_shards(postings, doc_count, limits.shard_bytes, files);
    add_facets(facets, doc_count, files);

    std::sort(files.begin(), files.end(), [](const SearchFile& a, const SearchFile& b) { return a.path < b.path; });
    const std::string build = fingerprint(files);
    auto strings = [](const std::vector<std::string>& v) {
        return json_array(v, [](const std::string& s) { return json(s); });
    };
    files.push_back({"search/manifest.js",
                     "window.cpSearch.manifest({\"version\":1,\"build\":\"" + build +
                         "\",\"docs\":" + std::to_string(doc_count) + ",\"chunk\":" + std::to_string(per_chunk) +
                         ",\"types\":" + strings(facets.types) + ",\"domains\":" + strings(facets.domains) +
                         ",\"stop\":" + strings(stop_words()) + ",\"shards\":" + strings(separators) + "});\n"});
    std::sort(files.begin(), files.end(), [](const SearchFile& a, const SearchFile& b) { return a.path < b.path; });
    return files;
}

}  // namespace cp::search
