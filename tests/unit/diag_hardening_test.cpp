// What real input showed about diagnostics (issue #14): a link is printed as it was
// written (a web address after a path kept its "//", not folded by the path join), and the
// caret shows under the column however far along a long line it is, and under the right
// character after wide ones.
#include <catch2/catch.hpp>

#include "diag/printer.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;
using diag::Diagnostic;
using diag::Severity;

TEST_CASE("a link holding a web address is printed as written, // and all", "[diag][links]") {
    TempMemory memory(MemoryFiles{{"notes/x.md",
                                   "---\ntitle: X\n---\n"
                                   "See [a](../https://example.org/a) and ![b](/https://example.org/b.png).\n"
                                   "Or [c](notes/ftp://files.example.org/c?x=1#y) and [d](https://example.org/d).\n"}});
    auto run = run_check(memory);
    INFO(run.messages);
    CHECK(problems(run.messages) ==
          std::vector<std::string>{
              "notes/x.md:4:5: error: link '../https://example.org/a' has a web address after a path: write "
              "'https://example.org/a' to link to it",
              "notes/x.md:4:39: error: image '/https://example.org/b.png' has a web address after a path: write "
              "'https://example.org/b.png' to link to it",
              "notes/x.md:5:4: error: link 'notes/ftp://files.example.org/c?x=1#y' has a web address after a path: "
              "write 'ftp://files.example.org/c?x=1#y' to link to it"});
    CHECK(run.messages.find("https:/e") == std::string::npos);
    CHECK(run.messages.find("ftp:/f") == std::string::npos);
}

TEST_CASE("the caret shows at any column of a long line", "[diag]") {
    std::string line = std::string(300, 'a') + "[[broken]]" + std::string(300, 'b');
    Diagnostic d{"n.md", 1, 301, Severity::Error, "m"};
    std::string out = diag::format(d, line + "\n");
    // The quoted part: "…", the 100 characters before the column, then up to 200 bytes from there on, "…".
    std::string shown = "…" + std::string(100, 'a') + "[[broken]]" + std::string(90, 'b') + "…";
    CHECK(out == "n.md:1:301: error: m\n    " + shown + "\n    " + std::string(101, ' ') + "^\n");

    SECTION("the start of a long line is quoted from its start, cut with a mark") {
        Diagnostic early{"n.md", 1, 3, Severity::Error, "m"};
        CHECK(diag::format(early, line + "\n") == "n.md:1:3: error: m\n    " + std::string(200, 'a') + "…\n      ^\n");
    }
    SECTION("just past the end of a long line") {
        Diagnostic end{"n.md", 1, 611, Severity::Error, "m"};
        CHECK(diag::format(end, line + "\n") ==
              "n.md:1:611: error: m\n    …" + std::string(100, 'b') + "\n    " + std::string(101, ' ') + "^\n");
    }
    SECTION("a long line of many-byte characters is cut between characters") {
        std::string accents;
        for (int k = 0; k < 300; ++k) accents += "\xC3\xA9";  // é, two bytes
        Diagnostic mid{"n.md", 1, 2 * 250 + 1, Severity::Error, "m"};
        std::string printed = diag::format(mid, accents + "x\n");
        std::string expected_line = "…";
        for (int k = 0; k < 100; ++k) expected_line += "\xC3\xA9";
        expected_line += "…";  // 200 bytes: the "x" after them is cut
        CHECK(printed == "n.md:1:251: error: m\n    " + expected_line + "\n    " + std::string(51, ' ') + "^\n");
    }
}

TEST_CASE("the caret counts wide characters as two cells and combining marks as none", "[diag]") {
    // "会議 [[x]]": two wide characters (three bytes each), a space, then the link at column 4.
    Diagnostic wide{"n.md", 1, 8, Severity::Error, "m"};
    CHECK(diag::format(wide, "\xE4\xBC\x9A\xE8\xAD\xB0 [[x]]\n") ==
          "n.md:1:4: error: m\n    \xE4\xBC\x9A\xE8\xAD\xB0 [[x]]\n         ^\n");
    // "e" and a combining acute accent: one cell on screen, two characters by count.
    Diagnostic combining{"n.md", 1, 5, Severity::Error, "m"};
    CHECK(diag::format(combining, "e\xCC\x81 [[x]]\n") == "n.md:1:4: error: m\n    e\xCC\x81 [[x]]\n      ^\n");
}
