#include <catch2/catch.hpp>

#include <deque>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "search/search_index.hpp"

using cp::search::build_search_index;
using cp::search::fold;
using cp::search::IndexLimits;
using cp::search::SearchDocument;
using cp::search::SearchFile;
using cp::search::tokenize;
using Words = std::vector<std::string>;

namespace {

// The JSON argument of a registration call: window.cpSearch.shard(3,{...}); -> {...}
nlohmann::json payload(const std::string& js) {
    const auto open = js.find('(');
    const auto close = js.rfind(')');
    std::string body = js.substr(open + 1, close - open - 1);
    if (js.rfind("window.cpSearch.manifest(", 0) != 0) body = body.substr(body.find(',') + 1);
    return nlohmann::json::parse(body);
}

// The built index, read back as search.js reads it.
struct Index {
    std::map<std::string, std::string> files;
    nlohmann::json manifest;

    explicit Index(const std::vector<SearchFile>& built) {
        for (const auto& f : built) files[f.path] = f.content;
        manifest = payload(files.at("search/manifest.js"));
    }
    std::vector<std::string> separators() const { return manifest["shards"].get<std::vector<std::string>>(); }
    // Where search.js looks for a term: the last shard whose separator is <= term.
    std::size_t shard_of(const std::string& term) const {
        const auto seps = separators();
        return static_cast<std::size_t>(std::upper_bound(seps.begin(), seps.end(), term) - seps.begin()) - 1;
    }
    nlohmann::json shard(std::size_t n) const {
        return payload(files.at("search/shards/" + std::to_string(n) + ".js"));
    }
    // The shards a prefix query loads, as search.js computes them.
    std::vector<std::size_t> shards_for_prefix(const std::string& prefix) const {
        const auto seps = separators();
        std::vector<std::size_t> out{shard_of(prefix)};
        while (out.back() + 1 < seps.size() && seps[out.back() + 1].rfind(prefix, 0) == 0)
            out.push_back(out.back() + 1);
        return out;
    }
    // The parts of a term's postings: document set, title subset, tf level subsets.
    std::vector<std::string> entry(const std::string& term) const {
        const auto s = shard(shard_of(term));
        if (!s.contains(term)) return {};
        if (s[term].is_string()) return {s[term].get<std::string>()};
        return s[term].get<std::vector<std::string>>();
    }
    std::string url_of(std::uint32_t id) const {
        const std::size_t chunk = manifest["chunk"];
        const auto docs = payload(files.at("search/docs/" + std::to_string(id / chunk) + ".js"));
        return docs[id % chunk][0];
    }
    std::vector<std::string> urls_with(const std::string& term) const {
        std::vector<std::string> out;
        const auto parts = entry(term);
        if (parts.empty()) return out;
        for (const auto id : cp::search::detail::decode_set(parts[0])) out.push_back(url_of(id));
        return out;
    }
    // search.js's order for a one-word query: title matches first, then tf level, then id.
    std::vector<std::string> ranked(const std::string& term) const {
        const auto parts = entry(term);
        const auto docs = cp::search::detail::decode_set(parts.at(0));
        std::vector<int> title(docs.size(), 0);
        std::vector<int> level(docs.size(), 1);
        if (parts.size() > 1) {
            for (auto k : cp::search::detail::decode_set(parts[1])) title[k] = 1;
        }
        std::vector<std::uint32_t> within;
        for (std::size_t p = 2; p < parts.size(); ++p) {
            auto sub = cp::search::detail::decode_set(parts[p]);
            if (p > 2) {
                for (auto& k : sub) k = within[k];
            }
            within = sub;
            for (auto k : within) ++level[k];
        }
        std::vector<std::size_t> order(docs.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (title[a] != title[b]) return title[a] > title[b];
            if (level[a] != level[b]) return level[a] > level[b];
            return docs[a] < docs[b];
        });
        std::vector<std::string> out;
        for (auto i : order) out.push_back(url_of(docs[i]));
        return out;
    }
};

// A document's text, kept for the whole test run: documents hold views of their texts.
std::string_view kept(std::string text) {
    static std::deque<std::string> texts;
    return texts.emplace_back(std::move(text));
}

SearchDocument doc(std::string url, std::string title, std::string text, std::string date = "",
                   std::string type = "note", std::vector<std::string> domains = {}) {
    SearchDocument d;
    d.url = std::move(url);
    d.title = std::move(title);
    d.type = std::move(type);
    d.date = std::move(date);
    d.domains = std::move(domains);
    d.texts = {kept(std::move(text))};
    return d;
}

// Many documents with many distinct words, so a small shard size gives many shards.
std::vector<SearchDocument> vocabulary_docs() {
    static const Words stems{"hand", "handover", "handbook",     "harvest", "night",   "nightly", "compost",
                             "rota", "rotate",   "safeguarding", "policy",  "kitchen", "zebra",   "alpha"};
    std::vector<SearchDocument> docs;
    for (int i = 0; i < 40; ++i) {
        std::string text;
        for (std::size_t k = 0; k < stems.size(); ++k) {
            if ((i + k) % 3 == 0) text += stems[k] + " " + stems[k] + std::to_string(i % 7) + " ";
        }
        docs.push_back(doc("/notes/n" + std::to_string(i) + "/", "Note " + std::to_string(i), text,
                           "2024-01-" + std::to_string(10 + i % 20)));
    }
    return docs;
}

}  // namespace

TEST_CASE("fold lower-cases and strips accents", "[search]") {
    CHECK(fold("Élan VITAL") == "elan vital");
    CHECK(fold("Straße") == "strasse");
    CHECK(fold("Œuvre cœur") == "oeuvre coeur");
    CHECK(fold("ÀÁÂÃÄÅ Ç ÈÉÊË ÌÍÎÏ Ñ ÒÓÔÕÖØ ÙÚÛÜ Ý") == "aaaaaa c eeee iiii n oooooo uuuu y");
    CHECK(fold("Łódź Dvořák Søren Þór Æsir") == "lodz dvorak soren thor aesir");
    CHECK(fold("İstanbul ĲSSEL") == "istanbul ijssel");
    CHECK(fold("Ἀθῆναι ΆΣΟΣ όλος") == "αθηναι ασοσ ολοσ");
    CHECK(fold("ЁЛКА Йод") == "елка иод");
    CHECK(fold("Việt Nam") == "viet nam");
    CHECK(fold("e\xCC\x81t\xC3\xA9") == "ete");  // e + combining acute, then precomposed é
    CHECK(fold("日本 🙂 x") == "日本 🙂 x");
    CHECK(fold("") == "");
}

TEST_CASE("fold skips invalid UTF-8 byte-wise", "[search]") {
    CHECK(fold("a\xFF"
               "b") == "ab");
    CHECK(fold("a\xC3") == "a");  // truncated sequence
    CHECK(fold("a\xC0\xAF"
               "b") == "ab");  // overlong '/'
    CHECK(fold("a\xED\xA0\x80"
               "b") == "ab");  // surrogate
    CHECK(fold("a\xF4\x90\x80\x80"
               "b") == "ab");  // above U+10FFFF
}

TEST_CASE("tokenize splits folded words", "[search]") {
    CHECK(tokenize("Night-handover, at 10pm: don't PANIC!") ==
          Words{"night", "handover", "at", "10pm", "dont", "panic"});
    CHECK(tokenize("'quoted' rock’n’roll O'Brien") == Words{"quoted", "rocknroll", "obrien"});
    CHECK(tokenize("Café…résumé — naïve") == Words{"cafe", "resume", "naive"});
    CHECK(tokenize("日本語の本") == Words{"日", "本", "語", "の", "本"});
    CHECK(tokenize("tokyo東京") == Words{"tokyo", "東", "京"});
    CHECK(tokenize("smile🙂please ×2 a_b") == Words{"smile", "please", "2", "a", "b"});
    CHECK(tokenize("ab\xFF"
                   "cd\xE2\x80") == Words{"ab", "cd"});
    CHECK(tokenize("  \t\n ").empty());
    CHECK(tokenize("\xCC\x81").empty());  // a lone combining mark is no word
}

TEST_CASE("sets round-trip through both encodings", "[search]") {
    using cp::search::detail::decode_set;
    using cp::search::detail::encode_set;
    CHECK(encode_set({}, 100).empty());
    CHECK(decode_set("").empty());
    const std::vector<std::uint32_t> sparse{0, 31, 32, 1000, 123456};
    CHECK(encode_set(sparse, 200000)[0] != '!');
    CHECK(decode_set(encode_set(sparse, 200000)) == sparse);
    std::vector<std::uint32_t> dense;
    for (std::uint32_t i = 0; i < 5000; i += 2) dense.push_back(i);
    CHECK(encode_set(dense, 5000)[0] == '!');
    CHECK(decode_set(encode_set(dense, 5000)) == dense);
    std::mt19937 rng(42);
    for (int round = 0; round < 50; ++round) {
        std::set<std::uint32_t> s;
        const std::uint32_t universe = 1 + rng() % 3000;
        const std::uint32_t n = rng() % universe;
        for (std::uint32_t i = 0; i < n; ++i) s.insert(rng() % universe);
        const std::vector<std::uint32_t> v(s.begin(), s.end());
        CHECK(decode_set(encode_set(v, universe)) == v);
    }
}

TEST_CASE("the index is split into shards that a prefix query finds", "[search]") {
    IndexLimits small;
    small.shard_bytes = 300;
    const Index index(build_search_index(vocabulary_docs(), small));
    const auto seps = index.separators();
    REQUIRE(seps.size() > 5);
    CHECK(seps.front().empty());
    CHECK(std::is_sorted(seps.begin(), seps.end()));

    // Every term lives in the shard its lookup names, and only there.
    std::set<std::string> all;
    for (std::size_t n = 0; n < seps.size(); ++n) {
        const auto shard = index.shard(n);
        for (const auto& [term, postings] : shard.items()) {
            CHECK(index.shard_of(term) == n);
            CHECK(all.insert(term).second);
        }
    }
    CHECK(all.count("handover"));
    CHECK_FALSE(all.count("the"));  // stop words are not indexed

    // A prefix query loads only the shards holding terms with that prefix, and they
    // hold all of them.
    for (const std::string prefix : {"hand", "night", "rota", "zeb", "a"}) {
        std::set<std::string> expected;
        for (const auto& t : all) {
            if (t.rfind(prefix, 0) == 0) expected.insert(t);
        }
        std::set<std::string> found;
        std::set<std::size_t> holding;
        const auto shards = index.shards_for_prefix(prefix);
        for (const auto n : shards) {
            const auto shard = index.shard(n);
            for (const auto& [term, postings] : shard.items()) {
                if (term.rfind(prefix, 0) == 0) {
                    found.insert(term);
                    holding.insert(n);
                }
            }
        }
        INFO(prefix);
        CHECK(found == expected);
        // No shard beyond the first is loaded without a match in it.
        for (std::size_t k = 1; k < shards.size(); ++k) CHECK(holding.count(shards[k]));
        CHECK(shards.size() < seps.size());
    }
}

TEST_CASE("the index is deterministic", "[search]") {
    auto same = [](const std::vector<SearchFile>& a, const std::vector<SearchFile>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const SearchFile& x, const SearchFile& y) {
            return x.path == y.path && x.content == y.content;
        });
    };
    auto docs = vocabulary_docs();
    const auto first = build_search_index(docs);
    CHECK(same(build_search_index(docs), first));
    std::reverse(docs.begin(), docs.end());  // input order does not matter either
    CHECK(same(build_search_index(docs), first));
    // Any change gives the index a new fingerprint, which search.js puts in the URLs.
    docs[3].texts.push_back(" more");
    CHECK(Index(build_search_index(docs)).manifest["build"] != Index(first).manifest["build"]);
    CHECK(Index(first).manifest["build"].get<std::string>().size() == 16);
}

TEST_CASE("a word is found only in the documents that hold it", "[search]") {
    const Index index(build_search_index({
        doc("/notes/a/", "Shift notes", "The night handover went well.", "2024-03-01"),
        doc("/notes/b/", "Garden", "The compost rota needs volunteers.", "2024-03-02"),
        doc("/meetings/c/", "Monthly circle", "We discussed the rota and the handovers.", "2024-02-01", "meeting"),
    }));
    CHECK(index.urls_with("night") == Words{"/notes/a/"});
    CHECK(index.urls_with("handover") == Words{"/notes/a/"});
    CHECK(index.urls_with("handovers") == Words{"/meetings/c/"});
    CHECK(index.urls_with("rota") == Words{"/notes/b/", "/meetings/c/"});  // newest first
    CHECK(index.urls_with("garden") == Words{"/notes/b/"});                // from the title
    CHECK(index.urls_with("missing").empty());
}

TEST_CASE("title matches rank above body matches, then term frequency", "[search]") {
    const Index index(build_search_index({
        doc("/notes/often/", "Kitchen", "rota rota rota rota rota rota rota rota rota", "2024-05-01"),
        doc("/notes/titled/", "The rota", "Who cooks when.", "2023-01-01"),
        doc("/notes/once/", "Garden", "The rota.", "2024-06-01"),
        doc("/notes/twice/", "Hall", "A rota, and another rota.", "2022-01-01"),
    }));
    CHECK(index.ranked("rota") == Words{"/notes/titled/", "/notes/often/", "/notes/twice/", "/notes/once/"});
}

TEST_CASE("documents are chunked with their metadata and an excerpt", "[search]") {
    IndexLimits limits;
    limits.docs_per_chunk = 2;
    limits.excerpt_bytes = 40;
    const Index index(build_search_index(
        {
            doc("/notes/a/", "Éa \"quoted\" <b>", std::string(100, 'x') + " tail", "2024-01-03", "note",
                {"Care", "Food"}),
            doc("/notes/b/", "B", "short\n\ntext", "2024-01-02", "note", {"Food"}),
            doc("/people/c/", "C", "", "", "person"),
        },
        limits));
    CHECK(index.manifest["docs"] == 3);
    CHECK(index.manifest["types"] == Words{"note", "person"});
    CHECK(index.manifest["domains"] == Words{"Care", "Food"});
    const auto chunk0 = payload(index.files.at("search/docs/0.js"));
    const auto chunk1 = payload(index.files.at("search/docs/1.js"));
    REQUIRE(chunk0.size() == 2);
    REQUIRE(chunk1.size() == 1);
    CHECK(chunk0[0][1] == "Éa \"quoted\" <b>");
    CHECK(chunk0[0][3] == "2024-01-03");
    CHECK(chunk0[0][4] == nlohmann::json::array({0, 1}));
    CHECK(chunk0[0][5].get<std::string>().size() <= 40 + 3);  // cut, then an ellipsis
    CHECK(chunk0[1][5] == "short text");
    CHECK(chunk1[0][2] == 1);                                                    // person
    CHECK(index.files.at("search/docs/0.js").find("<b>") == std::string::npos);  // '<' escaped
    CHECK(cp::search::detail::decode_set(payload(index.files.at("search/facets/domain-1.js")).get<std::string>()) ==
          std::vector<std::uint32_t>{0, 1});
    CHECK(cp::search::detail::decode_set(payload(index.files.at("search/facets/type-1.js")).get<std::string>()) ==
          std::vector<std::uint32_t>{2});
}

TEST_CASE("odd text never breaks the index", "[search]") {
    std::string junk = "a\xFF\xFE\xC3 \xE2\x80\xA8 line\x01\x02 \xF0\x9F\x99\x82 ";
    junk += std::string(500, '\xC3');
    junk += std::string(60, 'z') + " \\ \"";
    const auto files = build_search_index({doc("/x\xFF/", junk, junk, "2024", "t\xFF", {junk}), doc("/y/", "", "")});
    for (const auto& f : files) {
        INFO(f.path);
        CHECK_NOTHROW(payload(f.content));
    }
    const Index index(files);
    CHECK(index.entry(std::string(60, 'z')).empty());  // over-long words are left out
    CHECK(build_search_index({}).size() == 2);         // manifest and one empty shard
}

TEST_CASE("a document's packed body is indexed as if its words were given as they are", "[search]") {
    // Three pieces, the body in the middle: as a page with a summary before its text gives them.
    // Every third body begins with its summary, which is then not read twice.
    auto plain = vocabulary_docs();
    auto packed = plain;
    std::vector<std::unique_ptr<cp::text::PackedText>> bodies;
    for (std::size_t i = 0; i < plain.size(); ++i) {
        const std::string summary = "A summary of note " + std::to_string(i) + ", long enough to be cut at forty bytes";
        const std::string body = (i % 3 == 0 ? summary : std::string("The words, then ")) +
            std::string(plain[i].texts[0]) + std::string(200, 'x') + " night handover " + std::to_string(i);
        plain[i].texts = {kept(body), kept("an action to take")};
        if (i % 3 != 0) plain[i].texts.insert(plain[i].texts.begin(), kept(summary));
        bodies.push_back(std::make_unique<cp::text::PackedText>(body));
        packed[i].texts = {kept("an action to take")};
        packed[i].lead = kept(summary);
        packed[i].packed_body = bodies.back().get();
    }
    const auto a = build_search_index(plain);
    const auto b = build_search_index(packed);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].path == b[i].path);
        CHECK(a[i].content == b[i].content);
    }
    // An empty body adds no piece: the same as a document without one.
    auto without = vocabulary_docs();
    auto empty_body = without;
    const cp::text::PackedText nothing("");
    for (auto& d : empty_body) d.packed_body = &nothing;
    const auto c = build_search_index(without);
    const auto d = build_search_index(empty_body);
    REQUIRE(c.size() == d.size());
    for (std::size_t i = 0; i < c.size(); ++i) CHECK(c[i].content == d[i].content);
}

TEST_CASE("postings keep every document and count across long gaps and many repeats", "[search]") {
    // Document numbers far apart (gaps of several bytes, packed), and counts past the tf
    // levels and past 16 bits, as a 50,000-note memory has.
    std::vector<SearchDocument> docs;
    for (int i = 0; i < 20000; ++i) {
        const std::string day = "2024-01-01";
        std::string text = "filler" + std::to_string(i);
        if (i == 0 || i == 9000 || i == 19999) text += " lighthouse";
        if (i == 19999) text += std::string(" lighthouse") + " lighthouse lighthouse lighthouse lighthouse";
        docs.push_back(doc("/notes/n" + std::to_string(100000 + i) + "/", "Note", text, day));
    }
    std::string many;
    for (int k = 0; k < 70000; ++k) many += "beacon ";
    docs.push_back(doc("/notes/beacons/", "Signals", many, "2024-01-01"));
    docs.push_back(doc("/notes/one-beacon/", "Lighthouse keeper", "a beacon", "2024-01-01"));
    const Index index(build_search_index(docs));
    CHECK(index.urls_with("lighthouse") ==
          Words{"/notes/n100000/", "/notes/n109000/", "/notes/n119999/", "/notes/one-beacon/"});
    // The title first, then the most repeats: six in one body, one in each of the others.
    CHECK(index.ranked("lighthouse") ==
          Words{"/notes/one-beacon/", "/notes/n119999/", "/notes/n100000/", "/notes/n109000/"});
    CHECK(index.ranked("beacon") == Words{"/notes/beacons/", "/notes/one-beacon/"});
}
