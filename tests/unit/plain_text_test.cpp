// The words of a rendered body (search, summaries, headings' text): every block boundary
// separates words, whatever block it is, so "## Present" followed by "- Anatoli" is found
// as "present" and "anatoli", never as "presentanatoli" (issue #14).
#include <catch2/catch.hpp>

#include "markdown/render.hpp"
#include "site_fixture.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

markdown::LinkResolver keep_links() {
    return [](const markdown::LinkRequest&) {
        return markdown::LinkResult{markdown::LinkResult::Action::Keep, "", ""};
    };
}

std::string words_of(const std::string& body) { return markdown::render(body, keep_links()).plain_text; }

}  // namespace

TEST_CASE("every block boundary separates words in a body's plain text", "[markdown][plain_text]") {
    // A heading (which the renderer turns into a block of its own to give it an id) and a list.
    CHECK(words_of("## Present\n- Anatoli\n- Berta\n") == "Present Anatoli Berta");
    CHECK(words_of("# Top\n> quote\n") == "Top quote");
    CHECK(words_of("Para one.\n\n---\nPara two.\n") == "Para one. Para two.");
    CHECK(words_of("| a | b |\n|---|---|\n| c | d |\n\nAfter\n") == "a b c d After");
    CHECK(words_of("```\ncode\n```\nafter\n") == "code\nafter");
    CHECK(words_of("> - one\n>   - two\n\n1. three\n") == "one two three");
    CHECK(words_of("Term<br>next and <em>kept</em>together\n") == "Term next and kepttogether");
    CHECK(words_of("A[^1].\n\n[^1]: The note.\n") == "A. The note.");
    // A community aside, as the filter marks one for the community build.
    CHECK(words_of("## Heading\n<!--cp:community-->\nInside\n<!--cp:end-->\nOutside\n") == "Heading Inside Outside");
    // Inline markup inside a paragraph still glues nothing and splits nothing.
    CHECK(words_of("The *first* `code` **bold** word.\n") == "The first code bold word.");
}

TEST_CASE("a summary keeps a line break inside its paragraph as a space", "[markdown][plain_text]") {
    CHECK(markdown::render("First line<br/>second line\n\nNext.\n", keep_links()).summary == "First line second line");
    CHECK(markdown::render("First line  \nsecond line\n", keep_links()).summary == "First line second line");
}

TEST_CASE("a heading followed by a list is indexed as separate words", "[search][plain_text]") {
    TempFolder tmp;
    write_files(tmp / "memory",
                {{"meetings/2024-01-08-weekly.md",
                  "---\ntitle: Weekly huddle\ndate: 2024-01-08\n---\n## Present\n- Anatoli\n- Berthilde\n\n"
                  "## Decisions\n> Quorate\n\n| Who | What |\n|---|---|\n| Zofia | Audit |\n"}});
    REQUIRE(build_site(options_for(tmp / "memory", tmp / "site")).status == 0);
    std::string shards, docs;
    for (const auto& e : fs::recursive_directory_iterator(tmp / "site" / "search"))
        if (e.is_regular_file()) (e.path().parent_path().filename() == "docs" ? docs : shards) += read_file(e.path());
    for (const char* term :
         {"present", "anatoli", "berthilde", "decisions", "quorate", "who", "what", "zofia", "audit"}) {
        INFO(term);
        CHECK(shards.find(std::string("\"") + term + "\":") != std::string::npos);
    }
    for (const char* glued :
         {"presentanatoli", "anatoliberthilde", "berthildedecisions", "decisionsquorate", "whatzofia"}) {
        INFO(glued);
        CHECK(shards.find(glued) == std::string::npos);
    }
    CHECK(docs.find("Present Anatoli Berthilde Decisions Quorate Who What Zofia Audit") != std::string::npos);
}
