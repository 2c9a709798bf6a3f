// `commonplace check` on small memories written inline: one case per kind of mistake,
// each asserting the exact `path:line:column: severity: message` lines and the exit status.
#include <catch2/catch.hpp>

#include <chrono>

#include "test_support.hpp"

using namespace cp::testing;

namespace {

struct Case {
    const char* name;
    MemoryFiles files;
    std::vector<std::string> expected;  // every problem line, in the order printed
};

int status_for(const std::vector<std::string>& expected) {
    for (const auto& e : expected)
        if (e.find(": error: ") != std::string::npos) return 1;
    return 0;
}

void run_cases(const std::vector<Case>& cases) {
    for (const auto& c : cases) {
        SECTION(c.name) {
            TempMemory memory(c.files);
            auto run = run_check(memory);
            INFO(run.messages);
            CHECK(problems(run.messages) == c.expected);
            CHECK(run.status == status_for(c.expected));
        }
    }
}

}  // namespace

TEST_CASE("check reports front matter that cannot be read, at its line and column", "[check]") {
    run_cases({
        {"an unclosed list",
         {{"notes/a.md", "---\ntitle: [a, b\n---\nText\n"}},
         {"notes/a.md:2:8: error: front matter does not parse: a list opened with '[' is not closed with ']'"}},
        {"a colon inside a plain value",
         {{"notes/a.md", "---\ntitle: x\nsummary: foo: bar\n---\n"}},
         {"notes/a.md:3:13: error: front matter does not parse: a ':' where none can be: put a value that holds ': ' in quotes"}},
        {"a list, not a mapping",
         {{"notes/a.md", "---\n- a\n- b\n---\nText\n"}},
         {"notes/a.md:2:1: error: front matter must be a mapping of fields (name: value), not a list"}},
        {"a bare value, not a mapping",
         {{"notes/a.md", "---\njust words\n---\nText\n"}},
         {"notes/a.md:2:1: error: front matter must be a mapping of fields (name: value), not a single value"}},
        {"a duplicate key",
         {{"notes/a.md", "---\ntitle: One\ntags: [x]\ntitle: Two\n---\n"}},
         {"notes/a.md:4:1: error: duplicate key 'title': the field is given twice; keep one"}},
        {"a tab that indents",
         {{"notes/t.md", "---\ntitle: x\ntags:\n\t- a\n---\n"}},
         {"notes/t.md:4:1: error: front matter does not parse: a tab indents this line; YAML indents with spaces only"}},
        {"a file that is only ---",
         {{"notes/d.md", "---"}},
         {"notes/d.md:1:1: error: front matter is not closed: the first line is '---' but no line '---' or '...' ends it"}},
        {"unclosed front matter",
         {{"notes/u.md", "---\ntitle: x\n\nbody\n"}},
         {"notes/u.md:1:1: error: front matter is not closed: the first line is '---' but no line '---' or '...' ends it"}},
    });
}

TEST_CASE("check reports fields of the wrong shape or outside their set", "[check]") {
    run_cases({
        {"wrong shapes",
         {{"meetings/2016-03-02-m.md",
           "---\ntitle: [a, b]\ndate: 2016-13-45\nactions:\n  - action: Do it\n    done: maybe\ntime: 25:00\ntags: {a: b}\n---\n"}},
         {"meetings/2016-03-02-m.md:2:8: error: 'title' must be a single value, not a list",
          "meetings/2016-03-02-m.md:3:7: error: 'date' is not a valid date: '2016-13-45' (write YYYY-MM-DD, e.g. 2016-03-02)",
          "meetings/2016-03-02-m.md:6:11: error: 'done' must be true or false, not 'maybe'",
          "meetings/2016-03-02-m.md:7:7: error: 'time' is not a valid time: '25:00' (write HH:MM on a 24-hour clock, e.g. \"14:30\")",
          "meetings/2016-03-02-m.md:8:7: error: 'tags' must be a list of values, not a mapping"}},
        {"values outside their set",
         {{"domains/d.md", "---\nphase: growing\nvisibility: secret\n---\n"},
          {"meetings/2016-01-01-m.md", "---\nformat: zoom\ndomains: [d]\n---\n"},
          {"notes/n.md", "---\nkind: fable\ndomains: [d]\n---\n"}},
         {"domains/d.md:2:8: error: 'phase' must be one of discovering, coalescing, maturing, stewardship, transformation, not 'growing'",
          "domains/d.md:3:13: error: 'visibility' must be one of public, community, not 'secret'",
          "meetings/2016-01-01-m.md:2:9: error: 'format' must be one of in-person, online, call, hybrid, not 'zoom'",
          "notes/n.md:2:7: error: 'kind' must be one of story, lesson, practice, question, tip, resource, review, value-story, note, not 'fable'"}},
        {"a meeting with no date",
         {{"meetings/planning.md", "---\ntitle: Planning\n---\nText\n"}},
         {"meetings/planning.md:1:1: error: a meeting needs a date: add 'date: YYYY-MM-DD' to its front matter, or start "
          "the file name with it (2016-03-02-kickoff.md)"}},
        {"a meeting dated by its file name alone is fine", {{"meetings/2016-03-02-kickoff.md", "# Kickoff\n"}}, {}},
    });
}

TEST_CASE("check reports references to unknown people, domains and pages", "[check]") {
    run_cases({
        {"unknown slugs, with a guess",
         {{"meetings/2016-01-01-m.md", "---\nattendees: [ada, Bob Smith]\ndomains: [cookery]\n---\n"},
          {"notes/n.md", "---\nrelated: [nowhere]\n---\n"},
          {"domains/cooking.md", "---\nconveners: [adah]\n---\n"},
          {"people/adam.md", "---\ntitle: Adam\n---\n"}},
         {"domains/cooking.md:2:13: error: unknown person 'adah' (no people/adah.md): did you mean adam?",
          "meetings/2016-01-01-m.md:2:13: error: unknown person 'ada' (no people/ada.md): did you mean adam?",
          "meetings/2016-01-01-m.md:3:11: error: unknown domain 'cookery'",
          "notes/n.md:2:11: error: unknown page 'nowhere'",
          "people/adam.md:1:1: warning: no page refers to this person: name 'adam' as an attendee, author, convener, "
          "owner or role, or link to the profile"}},
        {"an ambiguous wikilink",
         {{"notes/handover.md", "Text\n"}, {"domains/handover.md", "Text\n"}, {"notes/x.md", "See [[handover]].\n"}},
         {"notes/x.md:1:5: error: wikilink [[handover]] is ambiguous: it names a domain and a note; write "
          "[[domain/handover]] or [[note/handover]]"}},
        {"broken links and images, counted in the file",
         {{"notes/x.md",
           "---\ntitle: X\n---\nSee [the y](y.md), ![chart](chart.png)\nand [[nothing]] and [z](../meetings/z.md#part).\n"}},
         {"notes/x.md:4:5: error: broken link: 'y.md' (no file notes/y.md)",
          "notes/x.md:4:20: error: broken image: 'chart.png' (no file notes/chart.png)",
          "notes/x.md:5:5: error: wikilink [[nothing]] leads to no page: no file is named nothing.md",
          "notes/x.md:5:21: error: broken link: '../meetings/z.md#part' (no file meetings/z.md)"}},
        {"links to generated pages are not broken; a tag nobody uses is",
         {{"notes/x.md",
           "---\ntags: [Night Shift]\n---\n[t](/timeline/) [g](/tags/night-shift/) [f](../feed.xml) [h](/) [bad](/tags/nope/)\n"}},
         {"notes/x.md:4:65: error: broken link: '/tags/nope/' (no page has the address /tags/nope/)"}},
    });
}

TEST_CASE("check skips what the config excludes, and names ignored by the contract", "[check]") {
    run_cases({
        {"excluded and ignored files are not read",
         {{"commonplace.yaml", "exclude: [drafts/**, '*.tmp.md']\n"},
          {"drafts/broken.md", "---\ntitle: [\n---\n"},
          {"notes/scratch.tmp.md", "---\ntitle: [\n---\n"},
          {"notes/_private.md", "---\ntitle: [\n---\n"},
          {".hidden/x.md", "---\ntitle: [\n---\n"},
          {"notes/ok.md", "Fine.\n"}},
         {}},
    });
}

TEST_CASE("check reports two sources that would be written to one address, naming both", "[check]") {
    run_cases({
        {"same type and slug in different folders: each keeps its folder, with a warning",
         {{"meetings/2015/kickoff.md", "---\ndate: 2015-01-01\n---\n"},
          {"meetings/2016/kickoff.md", "---\ndate: 2016-01-01\n---\n"}},
         {"meetings/2015/kickoff.md:1:1: warning: this page and meetings/2016/kickoff.md would share the address "
          "/meetings/kickoff/, so this one is written to /meetings/2015/kickoff/ (it keeps more of its path; see "
          "'Addresses' in docs/content-model.md)",
          "meetings/2016/kickoff.md:1:1: warning: this page and meetings/2015/kickoff.md would share the address "
          "/meetings/kickoff/, so this one is written to /meetings/2016/kickoff/ (it keeps more of its path; see "
          "'Addresses' in docs/content-model.md)"}},
        {"a page and an alias",
         {{"notes/new.md", "---\naliases: [/about/]\n---\n"}, {"about.md", "About\n"}},
         {"notes/new.md:2:11: error: alias /about/ is the address of about.md: one would overwrite the other"}},
        {"names that differ only in case",
         {{"notes/Kickoff.md", "A\n"}, {"notes/kickoff.md", "B\n"}},
         {"notes/kickoff.md:1:1: error: this page and notes/Kickoff.md would both be written to /notes/kickoff/: "
          "rename one of them"}},
        {"names that differ only in Unicode normalisation",
         {{"notes/caf\xC3\xA9.md", "A\n"}, {"notes/cafe\xCC\x81.md", "B\n"}},
         {"notes/caf\xC3\xA9.md:1:1: error: this file's name and notes/cafe\xCC\x81.md's are one name written two ways "
          "(in case, or in how accents are encoded): rename one of them"}},
    });
}

TEST_CASE("check warns about links that the public build will lose, people nobody names, and misspelt fields",
          "[check]") {
    run_cases({
        {"a public page linking to a community page",
         {{"notes/pub.md", "---\nvisibility: public\n---\nSee [[secret]].\n"},
          {"notes/secret.md", "---\nvisibility: community\n---\nShh\n"}},
         {"notes/pub.md:4:5: warning: this public page links to a community page (notes/secret.md): in the public "
          "build the link becomes plain text"}},
        {"a person referenced by nobody",
         {{"people/ada.md", "---\ntitle: Ada\n---\n"},
          {"people/bob.md", "---\ntitle: Bob\n---\n"},
          {"people/cy.md", "---\ntitle: Cy\n---\n"},
          {"notes/n.md", "---\nauthors: [bob]\n---\nAsk [[cy]].\n"}},
         {"people/ada.md:1:1: warning: no page refers to this person: name 'ada' as an attendee, author, convener, "
          "owner or role, or link to the profile"}},
        {"misspelt fields, pointed at the key",
         {{"meetings/2016-01-01-m.md", "---\natendees: [x]\nsumary: s\nlocation: here\nmood: good\n---\n"}},
         {"meetings/2016-01-01-m.md:2:1: warning: atendees: did you mean attendees?",
          "meetings/2016-01-01-m.md:3:1: warning: sumary: did you mean summary?"}},
    });
}

TEST_CASE("check on a public audience warns about the links it turns into text", "[check]") {
    TempMemory memory(
        MemoryFiles{{"notes/pub.md", "---\nvisibility: public\n---\nSee [[secret]] and [it](secret.md).\n"},
                    {"notes/secret.md", "---\nvisibility: community\n---\nShh\n"}});
    auto run = run_check(memory, "public");
    INFO(run.messages);
    CHECK(problems(run.messages) ==
          std::vector<std::string>{"notes/pub.md:4:5: warning: this public page links to a community page "
                                   "(notes/secret.md): in the public build the link becomes plain text",
                                   "notes/pub.md:4:20: warning: this public page links to a community page "
                                   "(notes/secret.md): in the public build the link becomes plain text"});
    CHECK(run.status == 0);
}

TEST_CASE("check survives hostile files, each with a clear message", "[check][hostile]") {
    const std::string bomb = [] {
        std::string y = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
        for (char c = 'b'; c <= 'j'; ++c) {
            std::string prev(1, static_cast<char>(c - 1));
            y += std::string(1, c) + ": &" + c + " [";
            for (int i = 0; i < 9; ++i) y += (i ? ",*" : "*") + prev;
            y += "]\n";
        }
        return y + "---\nbody\n";
    }();
    run_cases({
        {"YAML nested 10,000 deep",
         {{"notes/d.md", "---\nx: " + std::string(10000, '[') + std::string(10000, ']') + "\n---\n"}},
         {"notes/d.md:2:68: error: front matter is nested too deeply (more than 64 levels)"}},
        {"YAML nested 200 deep in blocks",
         {{"notes/d.md",
           [] {
               std::string y = "---\n";
               for (int i = 0; i < 200; ++i) y += std::string(i, ' ') + "k:\n";
               return y + "---\n";
           }()}},
         {"notes/d.md:66:65: error: front matter is nested too deeply (more than 64 levels)"}},
        {"a self-referencing alias",
         {{"notes/c.md", "---\na: &x [*x]\n---\n"}},
         {"notes/c.md:2:4: error: front matter refers to itself through an alias (a cycle)"}},
        {"an alias bomb",
         {{"notes/l.md", bomb}},
         {"notes/l.md:2:38: error: front matter is too large (more than 100000 values, perhaps an alias bomb)"}},
        {"a NUL byte",
         {{"notes/n.md", std::string("---\ntitle: x\n---\nhello\0world\n", 28)}},
         {"notes/n.md:4:6: error: file holds a NUL byte: it is binary, not Markdown text"}},
        {"a PNG named .md",
         {{"notes/p.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0", 18)}},
         {"notes/p.md:3:1: error: file holds a NUL byte: it is binary, not Markdown text"}},
        {"invalid UTF-8",
         {{"notes/n.md", "---\ntitle: caf\xE9\n---\n"}},
         {"notes/n.md:2:11: error: file is not valid UTF-8 text: save it as UTF-8"}},
        {"a BOM and Windows line endings, lines still counted right",
         {{"notes/b.md", "\xEF\xBB\xBF---\r\ntitle: Bom\r\ndate: 2016-13-45\r\n---\r\n# Hi\r\n"}},
         {"notes/b.md:3:7: error: 'date' is not a valid date: '2016-13-45' (write YYYY-MM-DD, e.g. 2016-03-02)"}},
        {"a file over the configured size limit",
         {{"commonplace.yaml", "max_file_size: 1000000\n"}, {"notes/big.md", std::string(5000000, 'x')}},
         {"notes/big.md:1:1: error: file is 5000000 bytes, over the limit of 1000000 bytes (max_file_size in "
          "commonplace.yaml)"}},
    });
}

TEST_CASE("one check run reports the problems of several files, and a broken file hides no other", "[check]") {
    TempMemory memory(MemoryFiles{
        {"people/ada.md", "---\ntitle: [Ada\n---\n"},  // does not parse, yet others may still name ada
        {"meetings/2016-01-01-a.md", "---\nattendees: [ada]\nformat: zoom\n---\nSee [[nowhere]].\n"},
        {"notes/b.md", "---\ndraft: maybe\n---\n"},
    });
    auto run = run_check(memory);
    INFO(run.messages);
    CHECK(
        problems(run.messages) ==
        std::vector<std::string>{
            "meetings/2016-01-01-a.md:3:9: error: 'format' must be one of in-person, online, call, hybrid, not 'zoom'",
            "meetings/2016-01-01-a.md:5:5: error: wikilink [[nowhere]] leads to no page: no file is named nowhere.md",
            "notes/b.md:2:8: error: 'draft' must be true or false, not 'maybe'",
            "people/ada.md:2:8: error: front matter does not parse: a list opened with '[' is not closed with ']'"});
    CHECK(run.messages.find("commonplace check: 4 error(s), 0 warning(s)") != std::string::npos);
    CHECK(run.status == 1);
}

TEST_CASE("check prints each problem with its source line and a caret, and caps the printout", "[check]") {
    SECTION("source line and caret") {
        TempMemory memory(MemoryFiles{{"notes/x.md", "---\ntitle: X\n---\nSee [[nothing]].\n"}});
        auto run = run_check(memory);
        CHECK(run.messages ==
              "notes/x.md:4:5: error: wikilink [[nothing]] leads to no page: no file is named nothing.md\n"
              "    See [[nothing]].\n"
              "        ^\n"
              "commonplace check: 1 error(s), 0 warning(s)\n");
    }
    SECTION("at most 100 problems, then a count") {
        std::string body;
        for (int i = 0; i < 150; ++i) body += "[[gone" + std::to_string(i) + "]]\n\n";
        TempMemory memory(MemoryFiles{{"notes/x.md", body}});
        auto run = run_check(memory);
        CHECK(problems(run.messages).size() == 100);
        CHECK(run.messages.find("... and 50 more problems not shown\n") != std::string::npos);
        CHECK(run.messages.find("commonplace check: 150 error(s), 0 warning(s)") != std::string::npos);
    }
}

TEST_CASE("check on the example memory prints nothing and exits 0", "[check]") {
    auto run = check_site(options_for(example_memory(), "unused"));
    CHECK(run.messages == "");
    CHECK(run.status == 0);
}

TEST_CASE("build runs the same validation: an error stops it and leaves the earlier output", "[check]") {
    TempMemory memory(MemoryFiles{{"notes/a.md", "---\ntitle: A\n---\nText.\n"}});
    auto first = run_build(memory);
    INFO(first.messages);
    REQUIRE(first.status == 0);
    auto before = read_tree(memory.output());
    REQUIRE(before.count("notes/a/index.html") == 1);

    memory.write("notes/b.md", "---\ndate: 2016-13-45\n---\nSee [[a]].\n");
    auto second = run_build(memory);
    CHECK(second.status == 1);
    CHECK(problems(second.messages) ==
          std::vector<std::string>{
              "notes/b.md:2:7: error: 'date' is not a valid date: '2016-13-45' (write YYYY-MM-DD, e.g. 2016-03-02)"});
    CHECK(read_tree(memory.output()) == before);

    // A broken link is a warning in a build: it prints, and the build goes on.
    memory.write("notes/b.md", "---\ndate: 2016-03-02\n---\nSee [[nowhere]].\n");
    auto third = run_build(memory);
    CHECK(third.status == 0);
    CHECK(problems(third.messages) ==
          std::vector<std::string>{
              "notes/b.md:4:5: warning: wikilink [[nowhere]] leads to no page: no file is named nowhere.md"});
    auto after = read_tree(memory.output());
    REQUIRE(after.count("notes/b/index.html") == 1);
    CHECK(after["notes/b/index.html"].find("<span class=\"broken-link\"") != std::string::npos);
}

TEST_CASE("hostile Markdown bodies render in bounded time", "[check][hostile]") {
    TempMemory memory(MemoryFiles{
        {"notes/quote.md", std::string(10000, '>') + " deep\n"},
        {"notes/brackets.md", std::string(10000, '[') + "x" + std::string(10000, ']') + "\n"},
        {"notes/open.md",
         [] {
             std::string s;
             for (int i = 0; i < 50000; ++i) s += "[[";
             return s + "\n";
         }()},
        {"notes/wide.md",
         [] {
             std::string row = "|";
             for (int i = 0; i < 20000; ++i) row += "a|";
             std::string sep = "|";
             for (int i = 0; i < 20000; ++i) sep += "-|";
             return row + "\n" + sep + "\n" + row + "\n" + row + "\n";
         }()},
    });
    auto start = std::chrono::steady_clock::now();
    auto run = run_check(memory);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(run.messages);
    CHECK(problems(run.messages) ==
          std::vector<std::string>{
              "notes/brackets.md:1:9999: error: wikilink [[x]] leads to no page: no file is named x.md"});
    CHECK(seconds < 10);
}

// The build lets go of each page's source text once its Markdown is rendered
// (site/build.cpp, forget_page_texts), but not of a file a problem was found in: the
// problems a build prints still quote their lines.
TEST_CASE("a build's problems quote their source lines, found in any step", "[site]") {
    TempMemory memory({{"notes/a.md", "---\ntitle: A\n---\nFirst line.\n\nSee [[no-such-note]] for more.\n"},
                       {"notes/b.md", "---\ntitle: B\n---\nNothing wrong here.\n"},
                       {"domains/d.md", "---\ntitle: D\nconvenor: [a]\n---\nA domain.\n"}});
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == cp::site::kExitOk);
    // From the links step (the last to report lines) and from reading the files.
    CHECK(run.messages.find("notes/a.md:6:") != std::string::npos);
    CHECK(run.messages.find("    See [[no-such-note]] for more.") != std::string::npos);
    CHECK(run.messages.find("domains/d.md:") != std::string::npos);
    CHECK(run.messages.find("    convenor: [a]") != std::string::npos);
}
