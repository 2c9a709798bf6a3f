// Markdown: links and [[wikilinks]] found on the parsed tree with their file positions,
// headings given stable ids, and pathological tables kept from taking minutes.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "markdown/render.hpp"

using namespace cp::markdown;

namespace {

// A resolver that records what it is asked and rewrites everything to "/to/<destination>".
struct Recorder {
    std::vector<LinkRequest> requests;
    LinkResolver resolver() {
        return [this](const LinkRequest& r) {
            requests.push_back(r);
            return LinkResult{LinkResult::Action::Rewrite, "/to/" + r.destination, "Title of " + r.destination};
        };
    }
};

}  // namespace

TEST_CASE("headings get stable, unique ids", "[markdown]") {
    CHECK(heading_id("Night handovers") == "night-handovers");
    CHECK(heading_id("What's SBAR? (v2)") == "whats-sbar-v2");
    CHECK(heading_id("Caf\xC3\xA9 notes") == "caf\xC3\xA9-notes");
    Recorder rec;
    auto out = render("# One\n\n## Night handovers\n\n## Night handovers\n\n### !!!\n", rec.resolver());
    REQUIRE(out.headings.size() == 4);
    CHECK(out.headings[1].id == "night-handovers");
    CHECK(out.headings[2].id == "night-handovers-1");
    CHECK(out.headings[3].id == "section");
    CHECK(out.html.find("<h2 id=\"night-handovers-1\">Night handovers</h2>") != std::string::npos);
    // The same text gives the same ids, build after build.
    CHECK(render("# One\n\n## Night handovers\n\n## Night handovers\n\n### !!!\n", rec.resolver()).html == out.html);
}

TEST_CASE("wikilinks and links are handed over with their file line and column", "[markdown]") {
    Recorder rec;
    RenderOptions options;
    options.first_line = 5;  // the body starts on line 5 of its file
    auto out = render(
        "Intro.\n\nSee [[ada|Ada]] and [x](notes/x.md#part),\nthen [[handovers#Night]] ![i](a.png).\n\n"
        "`[[not code]]`\n",
        rec.resolver(), options);
    REQUIRE(rec.requests.size() == 4);
    // Links are resolved first, then wikilinks.
    CHECK(rec.requests[0].destination == "notes/x.md#part");
    CHECK(rec.requests[0].line == 7);
    CHECK(rec.requests[0].column == 21);
    CHECK(rec.requests[1].destination == "a.png");
    CHECK(rec.requests[1].is_image);
    CHECK(rec.requests[1].line == 8);
    CHECK(rec.requests[1].column == 26);
    CHECK(rec.requests[2].destination == "ada");
    CHECK(rec.requests[2].is_wikilink);
    CHECK(rec.requests[2].has_label);
    CHECK(rec.requests[2].line == 7);
    CHECK(rec.requests[2].column == 5);
    CHECK(rec.requests[3].destination == "handovers#Night");
    CHECK_FALSE(rec.requests[3].has_label);
    CHECK(rec.requests[3].line == 8);
    CHECK(rec.requests[3].column == 6);
    CHECK(out.html.find("<a href=\"/to/ada\">Ada</a>") != std::string::npos);
    CHECK(out.html.find("<a href=\"/to/handovers#Night\">Title of handovers#Night</a>") != std::string::npos);
    CHECK(out.html.find("<code>[[not code]]</code>") != std::string::npos);
}

TEST_CASE("broken and unlinked wikilinks render as text", "[markdown]") {
    RenderOptions options;  // the theme's words come in with the options (the links step's catalog)
    options.words.broken_link = "This link leads nowhere in this build";
    auto out = render(
        "[[a]] [[b|Bee]] [[]] [[x\n",
        [](const LinkRequest& r) {
            return LinkResult{r.destination == "a" ? LinkResult::Action::Broken : LinkResult::Action::Unlink, {}, {}};
        },
        options);
    CHECK(out.html ==
          "<p><span class=\"broken-link\" title=\"This link leads nowhere in this build\">[[a]]</span> "
          "<span>Bee</span> [[]] [[x</p>\n");
}

TEST_CASE("broken and unlinked links in a table cell keep their text", "[markdown][fuzz]") {
    // Found by tests/fuzz/fuzz_markdown: a table cell holds no custom inline, so the span that
    // marks a broken link could not be put there; its text was dropped and its nodes leaked.
    auto out = render("| a | b |\n|---|---|\n| [[gone]] [[away]] | [text](gone.md) |\n", [](const LinkRequest& r) {
        return LinkResult{r.destination == "away" ? LinkResult::Action::Unlink : LinkResult::Action::Broken, {}, {}};
    });
    INFO(out.html);
    // A broken wikilink keeps what was written, brackets and all (the rule for imported prose).
    CHECK(out.html.find("<td>[[gone]] away</td>") != std::string::npos);
    CHECK(out.html.find("<td>text</td>") != std::string::npos);
    CHECK(out.plain_text.find("[[gone]] away") != std::string::npos);
}

TEST_CASE("a table too wide for cmark-gfm is shown as text, quickly; a normal table renders", "[markdown][hostile]") {
    Recorder rec;
    CHECK(render("| a | b |\n|---|---|\n| 1 | 2 |\n", rec.resolver()).html.find("<table>") != std::string::npos);
    std::string row = "|", sep = "|";
    for (int i = 0; i < 50000; ++i) {
        row += "a|";
        sep += "-|";
    }
    auto out = render(row + "\n" + sep + "\n" + row + "\n", rec.resolver());
    CHECK(out.html.find("<table>") == std::string::npos);
    CHECK(out.html.rfind("<p>|a|a|", 0) == 0);
}

TEST_CASE("strikethrough renders the same on every thread", "[markdown][threads]") {
    // cmark-gfm keeps extension characters in a process-wide table that each parse used to
    // toggle: in parallel, "~~x~~" sometimes stayed literal. Render many pages on two threads.
    const std::string page = "Some ~~struck~~ words and a www.example.org link.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    LinkResolver keep = [](const LinkRequest&) { return LinkResult{}; };
    std::atomic<int> wrong{0};
    auto work = [&] {
        for (int i = 0; i < 3000; ++i) {
            Rendered r = render(page, keep);
            if (r.html.find("<del>struck</del>") == std::string::npos) ++wrong;
        }
    };
    std::thread a(work), b(work);
    a.join();
    b.join();
    CHECK(wrong == 0);
}

TEST_CASE("a recording becomes a player where it is written, and only where a block may go", "[markdown][media]") {
    // Every link to a .m4a is a recording; everything else is kept as written.
    LinkResolver resolver = [](const LinkRequest& r) {
        LinkResult result{LinkResult::Action::Keep, {}, {}};
        if (r.destination.size() > 4 && r.destination.compare(r.destination.size() - 4, 4, ".m4a") == 0) {
            result.action = LinkResult::Action::Rewrite;
            result.url = "/to/" + r.destination;
            MediaEmbed m;
            m.src = result.url;
            m.file_name = r.destination;
            result.media = m;
        }
        return result;
    };
    auto html = [&](const std::string& md) { return render(md, resolver).html; };
    auto players = [&](const std::string& md) { return render(md, resolver).media.size(); };

    // Alone in its paragraph: the paragraph is the player, labelled by the link's words.
    std::string alone = html("Before.\n\n![The **May** review](a.m4a)\n\nAfter.\n");
    CHECK(
        alone ==
        "<p>Before.</p>\n<figure class=\"media\">\n<audio controls preload=\"metadata\" src=\"/to/a.m4a\"></audio>\n"
        "<figcaption>The May review <a href=\"/to/a.m4a\" download>a.m4a</a></figcaption>\n</figure>\n<p>After.</p>\n");
    // Among other words: the link stays (an image of a recording becomes a link), the player follows.
    std::string among = html("Listen to [the review](a.m4a) or ![the other](b.m4a) now.\n");
    CHECK(among.rfind(
              "<p>Listen to <a href=\"/to/a.m4a\">the review</a> or <a href=\"/to/b.m4a\">the other</a> now.</p>\n"
              "<figure class=\"media\">",
              0) == 0);
    CHECK(players("Listen to [the review](a.m4a) or ![the other](b.m4a) now.\n") == 2);
    // In a list item and under a heading too.
    CHECK(players("- [one](a.m4a) said\n\n## [Heard](a.m4a)\n") == 2);
    // In a table cell no block may follow: a link only, and no player counted.
    std::string cell = html("| rec |\n| --- |\n| ![x](a.m4a) |\n");
    CHECK(cell.find("<td><a href=\"/to/a.m4a\">x</a></td>") != std::string::npos);
    CHECK(cell.find("<figure") == std::string::npos);
    CHECK(players("| rec |\n| --- |\n| ![x](a.m4a) |\n") == 0);
    // An image of a recording inside a link: its words, never a link in a link.
    std::string nested = html("[![cover words](a.m4a)](https://example.org/) and more\n");
    CHECK(nested.find("<a href=\"https://example.org/\">cover words</a>") != std::string::npos);
    // The paragraph the player replaced is no summary.
    CHECK(render("![Rec](a.m4a)\n\nThe first words.\n", resolver).summary == "The first words.");
}
