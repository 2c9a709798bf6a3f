// The search index as a whole build writes it: from the filtered site, so the public
// index holds only public words.
#include <catch2/catch.hpp>

#include <chrono>
#include <future>

#include "prepared_example.hpp"
#include "site_fixture.hpp"

using namespace cp::testing;

namespace {

// Every index term, as the shards write it ("term":), across the whole index.
std::string all_shards(const fs::path& site) {
    std::string text;
    for (const auto& e : fs::recursive_directory_iterator(site / "search"))
        if (e.is_regular_file()) text += read_file(e.path());
    return text;
}

bool indexed(const std::string& shards, const std::string& term) {
    return shards.find("\"" + term + "\":") != std::string::npos;
}

}  // namespace

TEST_CASE("the public search index holds no community-only word", "[search][audience]") {
    TempFolder tmp;
    write_files(tmp / "memory",
                {
                    {"notes/open.md",
                     "---\ntitle: Open note\nvisibility: public\n---\nThe zephyrine handover card.\n\n"
                     ":::community\nThe quokkabelle incident stays inside.\n:::\n"},
                    {"notes/closed.md", "---\ntitle: Closed note\nvisibility: community\n---\nThe marmalisk review.\n"},
                });
    auto community = options_for(tmp / "memory", tmp / "community");
    auto pub = options_for(tmp / "memory", tmp / "public");
    pub.audience = cp::audience::Audience::Public;
    REQUIRE(build_site(community).status == 0);
    REQUIRE(build_site(pub).status == 0);
    std::string c = all_shards(tmp / "community"), p = all_shards(tmp / "public");
    CHECK(indexed(c, "zephyrine"));
    CHECK(indexed(c, "quokkabelle"));
    CHECK(indexed(c, "marmalisk"));
    CHECK(indexed(p, "zephyrine"));
    CHECK_FALSE(indexed(p, "quokkabelle"));  // a :::community block of a public page
    CHECK_FALSE(indexed(p, "marmalisk"));    // a community page
    CHECK(p.find("quokkabelle") == std::string::npos);
    CHECK(p.find("marmalisk") == std::string::npos);
    CHECK(p.find("Closed note") == std::string::npos);
}

TEST_CASE("the example's search index is built with its page and script", "[search][site]") {
    TempFolder tmp;
    REQUIRE(build_site(options_for(example_memory(), tmp / "site")).status == 0);
    CHECK(fs::exists(tmp / "site/search/index.html"));
    CHECK(fs::exists(tmp / "site/search/manifest.js"));
    CHECK(fs::exists(tmp / "site/static/search.js"));
    std::string shards = all_shards(tmp / "site");
    CHECK(indexed(shards, "handover"));
    CHECK(indexed(shards, "sbar"));
    std::string page = read_file(tmp / "site/search/index.html");
    CHECK(page.find("id=\"search-input\"") != std::string::npos);
    CHECK(page.find("<noscript>") != std::string::npos);
    CHECK(page.find("data-root=\"../\"") != std::string::npos);
}

TEST_CASE("the search index is made when its files are first asked for, not beside the pages", "[search][site]") {
    // Made on a thread of its own while the pages were written, its postings were held beside
    // the largest pages' contexts at a build's peak (issue #20): a build asks for it once every
    // page is written, and serve when the browser does.
    PreparedExample example;
    const auto& prepared = example.prepared;
    REQUIRE(prepared->resolved);
    const auto& index = prepared->outputs.search_index;
    REQUIRE(index.valid());
    CHECK(index.wait_for(std::chrono::seconds(0)) == std::future_status::deferred);
    auto files = cp::site::search_output_files(prepared->outputs);
    CHECK(index.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
    bool has_manifest = false;
    for (const auto& f : files) has_manifest = has_manifest || f.path == "search/manifest.js";
    CHECK(has_manifest);
}
