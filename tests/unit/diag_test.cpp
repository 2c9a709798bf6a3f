// Diagnostics: how problems are collected, ordered, printed with their source line
// and caret, capped, and how "did you mean" guesses.
#include <catch2/catch.hpp>

#include <sstream>

#include "diag/diagnostic.hpp"
#include "diag/printer.hpp"
#include "diag/suggest.hpp"

using namespace cp::diag;

TEST_CASE("edit distance and did-you-mean", "[diag]") {
    CHECK(edit_distance("atendees", "attendees") == 1);
    CHECK(edit_distance("titel", "title") == 2);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("a", "abcdefgh", 2) == 3);  // gives up past the limit
    std::vector<std::string> fields = {"title", "date", "attendees", "summary", "tags"};
    CHECK(closest("atendees", fields) == std::optional<std::string>("attendees"));
    CHECK(closest("sumary", fields) == std::optional<std::string>("summary"));
    CHECK(closest("tag", fields) == std::optional<std::string>("tags"));
    // Two edits of a four-letter word is a different word, not a typo.
    CHECK(closest("name", fields) == std::nullopt);
    CHECK(closest("mood", fields) == std::nullopt);
}

TEST_CASE("the sink sorts, removes repeats and counts", "[diag]") {
    Sink sink;
    sink.warning("b.md", 2, 1, "w");
    sink.error("a.md", 9, 3, "late");
    sink.error("a.md", 2, 7, "early");
    sink.error("a.md", 2, 7, "early");  // the same problem found twice
    auto all = sink.sorted();
    REQUIRE(all.size() == 3);
    CHECK(all[0].message == "early");
    CHECK(all[1].message == "late");
    CHECK(all[2].path == "b.md");
    CHECK(sink.has_errors());
    CHECK(sink.warning_count() == 1);
}

TEST_CASE("a problem prints as path:line:column, its source line and a caret", "[diag]") {
    Diagnostic d{"notes/x.md", 2, 8, Severity::Error, "'title' must be a single value, not a list"};
    CHECK(format(d, "---\ntitle: [a, b]\n---\n") ==
          "notes/x.md:2:8: error: 'title' must be a single value, not a list\n"
          "    title: [a, b]\n"
          "           ^\n");

    SECTION("columns are counted in characters, as an editor counts them") {
        // "café " is six bytes before the '[' but five characters.
        Diagnostic w{"n.md", 1, 7, Severity::Warning, "m"};
        CHECK(format(w, "caf\xC3\xA9 [[x]]\n") == "n.md:1:6: warning: m\n    caf\xC3\xA9 [[x]]\n         ^\n");
    }
    SECTION("tabs are kept before the caret so it lines up") {
        Diagnostic t{"n.md", 1, 3, Severity::Error, "m"};
        CHECK(format(t, "\t\tx\n") == "n.md:1:3: error: m\n    \t\tx\n    \t\t^\n");
    }
    SECTION("a byte-order mark and a Windows line ending are not quoted") {
        Diagnostic b{"n.md", 1, 1, Severity::Error, "m"};
        CHECK(format(b, "\xEF\xBB\xBF---\r\nx\r\n") == "n.md:1:1: error: m\n    ---\n    ^\n");
        Diagnostic second{"n.md", 2, 1, Severity::Error, "m"};
        CHECK(format(second, "\xEF\xBB\xBF---\r\nx\r\n") == "n.md:2:1: error: m\n    x\n    ^\n");
    }
    SECTION("control bytes and broken UTF-8 print as '?'") {
        Diagnostic n{"n.md", 1, 6, Severity::Error, "m"};
        CHECK(format(n, std::string("hello\0w\xFF", 8)) == "n.md:1:6: error: m\n    hello?w?\n         ^\n");
    }
    SECTION("a column just past the end of the line gets its caret") {
        Diagnostic e{"n.md", 1, 4, Severity::Error, "m"};
        CHECK(format(e, "abc\n") == "n.md:1:4: error: m\n    abc\n       ^\n");
    }
    SECTION("a problem with no line names the file alone") {
        Diagnostic f{"commonplace.yaml", 0, 0, Severity::Error, "m"};
        CHECK(format(f, "x: 1\n") == "commonplace.yaml: error: m\n");
    }
    SECTION("an unknown source prints no quote") {
        CHECK(format(d, "") == "notes/x.md:2:8: error: 'title' must be a single value, not a list\n");
    }
}

TEST_CASE("the printout is capped, then counts the rest", "[diag]") {
    std::vector<Diagnostic> many;
    for (int i = 1; i <= 5; ++i) many.push_back({"a.md", i, 1, Severity::Error, "problem " + std::to_string(i)});
    std::ostringstream out;
    CHECK(print(out, many, nullptr, 2) == 2);
    CHECK(out.str() == "a.md:1:1: error: problem 1\na.md:2:1: error: problem 2\n... and 3 more problems not shown\n");
}

TEST_CASE("over the cap, errors print before warnings", "[diag]") {
    std::vector<Diagnostic> mixed;
    for (int i = 1; i <= 4; ++i) mixed.push_back({"a.md", i, 1, Severity::Warning, "warning " + std::to_string(i)});
    mixed.push_back({"b.md", 1, 1, Severity::Error, "the one error"});
    std::ostringstream capped;
    CHECK(print(capped, mixed, nullptr, 2) == 2);
    CHECK(capped.str() ==
          "b.md:1:1: error: the one error\na.md:1:1: warning: warning 1\n"
          "... and 3 more problems not shown (all of them warnings)\n");
    std::ostringstream whole;  // under the cap, the order is the sink's: by file and line
    CHECK(print(whole, mixed, nullptr, 10) == 5);
    CHECK(whole.str().rfind("a.md:1:1: warning: warning 1\n", 0) == 0);
}

TEST_CASE("which problems print is known before they print: the first, errors before warnings", "[diag]") {
    std::vector<Diagnostic> mixed;
    for (int i = 1; i <= 4; ++i) mixed.push_back({"a.md", i, 1, Severity::Warning, "warning " + std::to_string(i)});
    mixed.push_back({"b.md", 1, 1, Severity::Error, "the one error"});
    CHECK(printed(mixed, 2) == std::vector<std::size_t>{4, 0});
    CHECK(printed(mixed, 5) == std::vector<std::size_t>{0, 1, 2, 3, 4});
    CHECK(printed(mixed, 0).empty());
    CHECK(printed({}, 3).empty());
}
