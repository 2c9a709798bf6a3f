// Inputs that made `check` and `build` run past any limit (issue #21): cmark-gfm 0.29's
// quadratic cases and a git tree that reuses its folders. Each test here is registered with a
// CTest TIMEOUT (tests/CMakeLists.txt, the [hang] tag): on the code before the guards, each
// input ran for minutes to hours; a guard that stops working fails by the timeout, not by a clock
// in the test.
#include <catch2/catch.hpp>

#include <git2.h>

#include "git_fixture.hpp"
#include "markdown/render.hpp"
#include "site_fixture.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

// a + b, appended (GCC 12 warns, -Wrestrict, on "literal" + std::string).
std::string cat(std::string a, const std::string& b) { return a.append(b); }

markdown::LinkResult keep(const markdown::LinkRequest&) { return {}; }

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// Each input ran for minutes at least on cmark-gfm 0.29.0.gfm.6 (and our wikilink scan), as measured
// at a fifth of these sizes.
struct Hostile {
    const char* name;
    std::string body;
    int line, column;
    const char* says;
};

std::vector<Hostile> hostile_bodies() {
    return {
        {"CVE-2023-22484: '<?' repeated", cat("a", repeat("<?", 500000)), 1, 2,
         "'<?' opened again and again without '?>'"},
        {"CVE-2023-22484: '<![CDATA[' repeated", repeat("a <![CDATA[", 200000), 1, 3, "'<![CDATA[' opened again"},
        {"CVE-2023-24824: '>' nesting", repeat(">", 100000) + repeat("a*", 100000), 1, 1,
         "block quotes and list items nested about 100000 deep"},
        {"CVE-2023-24824: '-' nesting", repeat("- ", 100000) + "x" + std::string(100000, '\n'), 1, 1,
         "block quotes and list items nested about 150000 deep"},
        {"CVE-2023-24824: '>' and '-' nesting", cat("> ", repeat("- ", 50000)) + "x\n" + repeat(">\n", 50000), 1, 1,
         "nested about 75001 deep"},
        {"CVE-2023-22486: '![[]()' repeated", cat("text\n", repeat("![[]()", 100000)), 2, 1,
         "image brackets '![' left open"},
        {"CVE-2023-26485: '*a' delimiters before links", cat("x ", repeat("*a", 100000)) + repeat("[a](b)", 100000), 1,
         3, "emphasis delimiters ('*', '_', '~') before thousands of links"},
    };
}

}  // namespace

TEST_CASE("hang: each quadratic input is refused before cmark-gfm sees it", "[hang]") {
    for (const auto& h : hostile_bodies()) {
        INFO(h.name);
        markdown::RenderOptions options;
        options.words.too_slow = "This page could not be shown: its Markdown would take too long to render.";
        auto r = markdown::render(h.body, keep, options);
        REQUIRE(r.refused);
        CHECK(r.refused->line == h.line);
        CHECK(r.refused->column == h.column);
        CHECK(has(r.refused->message, h.says));
        CHECK(r.html ==
              "<p class=\"notice\">This page could not be shown: its Markdown would take too long to render.</p>\n");
    }
}

TEST_CASE("hang: nested brackets no longer make the wikilink scan quadratic", "[hang]") {
    auto r = markdown::render(repeat("[", 1000000) + "a" + repeat("]", 1000000), keep);
    CHECK_FALSE(r.refused);
    CHECK(r.html.size() == 2000018);
    CHECK(r.html.find("<span>a</span>") == 1000001);
    // The innermost pair still makes a wikilink.
    auto nested = markdown::render("[[[[a]]]]", [](const markdown::LinkRequest& req) {
        return markdown::LinkResult{markdown::LinkResult::Action::Rewrite, "/" + req.destination + "/", {}};
    });
    CHECK(nested.html == "<p>[[<a href=\"/a/\">a</a>]]</p>\n");
}

TEST_CASE("hang: ordinary Markdown near the limits is rendered", "[hang]") {
    // Nesting well within the limit, many PHP openers that close, galleries of images, many links.
    std::string body = "> > > - - item\n" + repeat("  ", 10) + "- deep\n\n" + repeat("`<?php echo 1; ?>` ", 5000) +
        "\n\n" + repeat("![a](b.png) ", 5000) + "\n\n" + repeat("*a* [l](x) ", 2000) + "\n\n- - -\n";
    auto r = markdown::render(body, keep);
    CHECK_FALSE(r.refused);
    CHECK(has(r.html, "<hr />"));
}

TEST_CASE("hang: in a whole memory, each is an error at its file, and the rest is still checked", "[hang]") {
    TempFolder mem;
    std::map<std::string, std::string> files = {
        {"commonplace.yaml", "title: Hostile\n"},
        {"notes/ordinary.md", "---\ntitle: Ordinary\n---\nSee [[no-such-page]].\n"},
    };
    auto bodies = hostile_bodies();
    for (std::size_t i = 0; i < bodies.size(); ++i)
        files["notes/hostile-" + std::to_string(i) + ".md"] =
            "---\ntitle: Hostile " + std::to_string(i) + "\n---\n" + bodies[i].body;
    write_files(mem.path(), files);
    auto run = check_site(options_for(mem.path(), mem / "out"));
    CHECK(run.status == 1);
    for (std::size_t i = 0; i < bodies.size(); ++i) {
        INFO(bodies[i].name);
        CHECK(has(run.messages,
                  "notes/hostile-" + std::to_string(i) + ".md:" + std::to_string(3 + bodies[i].line) + ":" +
                      std::to_string(bodies[i].column) + ": error: "));
    }
    CHECK(has(run.messages, "notes/ordinary.md:4:5: error: wikilink [[no-such-page]] leads to no page"));
}

namespace {

// A commit whose tree names one folder ten times a level, nine levels deep: a billion paths
// (ten files in each of a hundred million folders) from ten small tree objects.
std::string commit_tree_bomb(git_repository* repo) {
    git_oid blob;
    REQUIRE(git_blob_create_from_buffer(&blob, repo, "x\n", 2) == 0);
    git_oid level;
    for (int depth = 0; depth <= 8; ++depth) {
        git_treebuilder* builder = nullptr;
        REQUIRE(git_treebuilder_new(&builder, repo, nullptr) == 0);
        for (int i = 0; i < 10; ++i) {
            std::string name = (depth == 0 ? "note" : "d") + std::to_string(i) + (depth == 0 ? ".md" : "");
            REQUIRE(git_treebuilder_insert(nullptr, builder, name.c_str(), depth == 0 ? &blob : &level,
                                           depth == 0 ? GIT_FILEMODE_BLOB : GIT_FILEMODE_TREE) == 0);
        }
        REQUIRE(git_treebuilder_write(&level, builder) == 0);
        git_treebuilder_free(builder);
    }
    git_tree* tree = nullptr;
    REQUIRE(git_tree_lookup(&tree, repo, &level) == 0);
    git_signature* sig = nullptr;
    REQUIRE(git_signature_new(&sig, "Mallory", "mallory@example.org", utc("2020-01-01"), 0) == 0);
    git_oid commit;
    REQUIRE(git_commit_create(&commit, repo, "HEAD", sig, sig, nullptr, "a billion paths", tree, 0, nullptr) == 0);
    git_signature_free(sig);
    git_tree_free(tree);
    return git_oid_tostr_s(&commit);
}

}  // namespace

TEST_CASE("hang: a git tree that reuses its folders is bounded, with an error, not walked for ever", "[hang]") {
    TempFolder dir;
    std::string commit;
    {
        GitRepo repo(dir / "repo", true);
        commit = commit_tree_bomb(repo.get());
    }
    auto options = options_for(dir / "repo", dir / "out");
    options.ref = commit;
    auto run = check_site(options);
    CHECK(run.status == 1);
    CHECK(has(run.messages,
              "commit " + commit.substr(0, 12) + ": error: the commit's tree names more than 1000000 paths"));
    // The bare repository's HEAD, read without --ref, is the same commit: bounded too (and its history).
    options.ref.clear();
    run = check_site(options);
    CHECK(run.status == 1);
    CHECK(has(run.messages, "error: the commit's tree names more than 1000000 paths"));
}
