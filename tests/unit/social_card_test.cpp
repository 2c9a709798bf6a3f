// Social cards (views/social): every page of a public build carries Open Graph and Twitter card
// metadata with absolute addresses from base_url; its picture is the page's first, else the
// site's own (the config's `image`); a community build carries none.
#include <catch2/catch.hpp>

#include "picture_fixtures.hpp"
#include "site_fixture.hpp"
#include "test_support.hpp"

using namespace cp::testing;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

MemoryFiles card_memory(const std::string& config) {
    return {
        {"commonplace.yaml", config},
        {"index.md", "---\ntitle: Home\nvisibility: public\n---\nWelcome to the memory.\n"},
        {"assets/logo.png", pictures::kPng},
        {"assets/photo.jpg", pictures::kJpeg},
        {"notes/with-photo.md",
         "---\ntitle: \"Boards & \\\"huddles\\\"\"\nsummary: A note with a photo of the board.\nvisibility: public\n---\n"
         "The board at the nurses' station.\n\n![the ward board](../assets/photo.jpg)\n"},
        {"notes/plain.md", "---\ntitle: Plain words\nvisibility: public\n---\nJust words, and no picture.\n"},
        {"assets/card.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>"},
        {"notes/drawn.md",
         "---\ntitle: Drawn\nvisibility: public\n---\n![a drawn card](../assets/card.svg)\n\n"
         "![the board again](../assets/photo.jpg)\n"},
        {"notes/only-drawn.md",
         "---\ntitle: Only drawn\nvisibility: public\n---\n![a drawn card](../assets/card.svg)\n"},
        {"notes/secret.md", "---\ntitle: Secret\n---\nNot for the public.\n"},
    };
}

BuildRun build(const TempMemory& memory, cp::audience::Audience audience) {
    auto options = options_for(memory.root(), memory.output());
    options.audience = audience;
    return build_site(options);
}

}  // namespace

TEST_CASE("public pages carry Open Graph and Twitter cards with absolute addresses", "[views][social][site]") {
    TempMemory memory(
        card_memory("title: Card memory\ndescription: What our ward learned\nbase_url: https://example.org/memory/\n"
                    "image: assets/logo.png\n"));
    auto run = build(memory, cp::audience::Audience::Public);
    INFO(run.messages);
    REQUIRE(run.status == 0);

    // A page with a picture of its own: that picture, its size, the large card.
    std::string note = read_file(memory.output() / "notes/with-photo/index.html");
    CHECK(has(note, "<meta property=\"og:type\" content=\"article\">"));
    CHECK(has(note, "<meta property=\"og:title\" content=\"Boards &amp; &quot;huddles&quot;\">"));
    CHECK(has(note, "<meta property=\"og:description\" content=\"A note with a photo of the board.\">"));
    CHECK(has(note, "<meta property=\"og:site_name\" content=\"Card memory\">"));
    CHECK(has(note, "<meta property=\"og:url\" content=\"https://example.org/memory/notes/with-photo/\">"));
    CHECK(has(note, "<meta property=\"og:image\" content=\"https://example.org/memory/assets/photo.jpg\">"));
    CHECK(
        has(note, "<meta property=\"og:image:width\" content=\"4\"><meta property=\"og:image:height\" content=\"3\">"));
    CHECK(has(note, "<meta name=\"twitter:card\" content=\"summary_large_image\">"));

    // A page without one: the site's own picture; its description from its first paragraph.
    std::string plain = read_file(memory.output() / "notes/plain/index.html");
    CHECK(has(plain, "<meta property=\"og:image\" content=\"https://example.org/memory/assets/logo.png\">"));
    CHECK(has(plain, "<meta property=\"og:image:width\" content=\"5\">"));
    CHECK(has(plain, "<meta property=\"og:description\" content=\"Just words, and no picture.\">"));
    CHECK(fs::exists(memory.output() / "assets/logo.png"));  // published, though no page shows it

    // A card shows no SVG: the page's first picture it can show, else the site's.
    CHECK(has(read_file(memory.output() / "notes/drawn/index.html"),
              "<meta property=\"og:image\" content=\"https://example.org/memory/assets/photo.jpg\">"));
    CHECK(has(read_file(memory.output() / "notes/only-drawn/index.html"),
              "<meta property=\"og:image\" content=\"https://example.org/memory/assets/logo.png\">"));

    // The home is the website; a list page is an article with the site's description.
    std::string home = read_file(memory.output() / "index.html");
    CHECK(has(home, "<meta property=\"og:type\" content=\"website\">"));
    CHECK(has(home, "<meta property=\"og:title\" content=\"Card memory\">"));
    CHECK(has(home, "<meta property=\"og:url\" content=\"https://example.org/memory/\">"));
    std::string tags = read_file(memory.output() / "timeline/index.html");
    CHECK(has(tags, "<meta property=\"og:url\" content=\"https://example.org/memory/timeline/\">"));
    CHECK(has(tags, "<meta property=\"og:description\" content=\"What our ward learned\">"));

    // Every page of the site carries one.
    for (const auto& [path, bytes] : read_tree(memory.output())) {
        if (path.size() < 10 || path.compare(path.size() - 10, 10, "index.html") != 0) continue;
        if (has(bytes, "http-equiv=\"refresh\"") || path.rfind("print/", 0) == 0)
            continue;  // redirects, and the standalone documents (the print), are no pages to share
        INFO(path);
        CHECK(has(bytes, "<meta name=\"twitter:card\""));
    }
}

TEST_CASE("a community build carries no social cards", "[views][social][site]") {
    TempMemory memory(
        card_memory("title: Card memory\nbase_url: https://example.org/memory/\nimage: assets/logo.png\n"));
    REQUIRE(build(memory, cp::audience::Audience::Community).status == 0);
    for (const auto& [path, bytes] : read_tree(memory.output())) {
        INFO(path);
        CHECK_FALSE(has(bytes, "og:title"));
        CHECK_FALSE(has(bytes, "twitter:card"));
    }
}

TEST_CASE("without an absolute base_url a card has no address and no picture", "[views][social][site]") {
    TempMemory memory(card_memory("title: Card memory\nbase_url: /memory/\nimage: assets/logo.png\n"));
    REQUIRE(build(memory, cp::audience::Audience::Public).status == 0);
    std::string note = read_file(memory.output() / "notes/with-photo/index.html");
    CHECK(has(note, "<meta property=\"og:title\""));
    CHECK_FALSE(has(note, "og:url"));
    CHECK_FALSE(has(note, "og:image"));
    CHECK(has(note, "<meta name=\"twitter:card\" content=\"summary\">"));
}

TEST_CASE("the site's picture may be a web address; anything else is refused where it is written",
          "[views][social][config]") {
    TempMemory memory(card_memory(
        "title: Card memory\nbase_url: https://example.org/memory/\nimage: https://cdn.example.org/card.png\n"));
    REQUIRE(build(memory, cp::audience::Audience::Public).status == 0);
    CHECK(has(read_file(memory.output() / "notes/plain/index.html"),
              "<meta property=\"og:image\" content=\"https://cdn.example.org/card.png\">"));

    memory.write("commonplace.yaml", "title: Card memory\nimage: \"javascript:alert(1)\"\n");
    auto run = run_check(memory, "public");
    CHECK(run.status == 1);
    CHECK(has(run.messages, "commonplace.yaml:2:8: error: 'image' must be a file of the memory"));

    memory.write("commonplace.yaml", "title: Card memory\nimage: assets/missing.png\n");
    run = run_check(memory, "public");
    CHECK(has(run.messages, "image 'assets/missing.png' is no file of the memory"));
}
