// The memory over time: --as-of and --as-of-meeting against --ref, byte for byte; the versions
// pages (field changes, word diffs, renames followed); the domain's evolution strip; and what a
// public build's versions must never show.
#include <catch2/catch.hpp>

#include <algorithm>

#include "audience/audit_facts.hpp"
#include "git_fixture.hpp"
#include "indexes/word_diff.hpp"
#include "markdown/paragraphs.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "source/as_of.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

Signature on(const std::string& day) { return {"Ada Okafor", "ada@example.org", utc(day), 0}; }

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The text between the first `from` after `start` and the next `to`.
std::string between(const std::string& text, const std::string& start, const std::string& from, const std::string& to) {
    std::size_t s = text.find(start);
    if (s == std::string::npos) return {};
    std::size_t a = text.find(from, s);
    if (a == std::string::npos) return {};
    std::size_t b = text.find(to, a);
    return b == std::string::npos ? std::string{} : text.substr(a, b - a + to.size());
}

// A memory in four commits, and a side branch merged into the last one.
struct Timeline {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    std::string c1, c2, c3, side, c4;
    std::map<std::string, std::string> files = {{"commonplace.yaml", "title: Memory\n"},
                                                {"notes/first.md", "# First\n\nAt the start.\n"}};
    Timeline() {
        GitRepo repo(dir);
        c1 = repo.commit(text_files(files), {}, on("2020-01-10"), "Start");
        files["notes/second.md"] = "# Second\n\nIn March.\n";
        c2 = repo.commit(text_files(files), {c1}, on("2020-03-01"), "March");
        files["notes/third.md"] = "# Third\n\nIn April.\n";
        c3 = repo.commit(text_files(files), {c2}, on("2020-04-20"), "April");
        auto side_files = files;
        side_files["notes/side.md"] = "# Side\n\nOn a branch.\n";
        side = repo.commit(text_files(side_files), {c3}, on("2020-04-22"), "Side work", "refs/heads/side");
        files = side_files;
        files["meetings/2020-04-25-review.md"] = "---\ntitle: Review\n---\nWe met.\n";
        c4 = repo.commit(text_files(files), {c3, side}, on("2020-06-01"), "Merge the side work and the review");
        write_files(dir, files);
    }
    site::BuildOptions options(const std::string& out) const {
        auto o = options_for(dir, tmp / out);
        return o;
    }
};

}  // namespace

TEST_CASE("the last commit on or before a day follows first parents", "[versions][as_of]") {
    Timeline t;
    std::string error;
    auto repo = source::Repository::find(t.dir, error);
    REQUIRE(repo);
    CHECK(source::last_commit_on_or_before(*repo, t.c4, "2020-04-01", error) == t.c2);
    CHECK(source::last_commit_on_or_before(*repo, t.c4, "2020-03-01", error) == t.c2);
    // The side commit (22 April) is not on the first-parent line: 20 April's commit stands.
    CHECK(source::last_commit_on_or_before(*repo, t.c4, "2020-04-23", error) == t.c3);
    CHECK(source::last_commit_on_or_before(*repo, t.c4, "2020-06-01", error) == t.c4);
    CHECK_FALSE(source::last_commit_on_or_before(*repo, t.c4, "2019-12-31", error));
    CHECK(error == "the memory has no commit on or before 2019-12-31");
}

TEST_CASE("a build with --as-of gives the same bytes as --ref of the commit it names, with the notice on every page",
          "[versions][as_of]") {
    Timeline t;
    auto as_of = t.options("as-of");
    as_of.as_of = "2020-04-01";
    REQUIRE(build_site(as_of).status == 0);
    auto by_ref = t.options("by-ref");
    by_ref.ref = t.c2;
    REQUIRE(build_site(by_ref).status == 0);
    auto a = read_tree(t.tmp / "as-of"), b = read_tree(t.tmp / "by-ref");
    CHECK(a == b);
    CHECK(a.count("notes/second/index.html") == 1);
    CHECK(a.count("notes/third/index.html") == 0);
    std::size_t pages = 0;
    for (const auto& [path, bytes] : a) {
        if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
        ++pages;
        INFO(path);
        CHECK(count_of(bytes, "This is the memory as it stood on <time datetime=\"2020-03-01\">1 March 2020</time>.") ==
              1);
    }
    CHECK(pages > 5);

    // The working tree's own build says nothing of the kind.
    REQUIRE(build_site(t.options("now")).status == 0);
    CHECK(read_file(t.tmp / "now" / "index.html").find("as it stood") == std::string::npos);

    // Before the first commit there is nothing to build: an error, nothing written.
    auto too_early = t.options("early");
    too_early.as_of = "2019-01-01";
    auto run = build_site(too_early);
    CHECK(run.status == site::kExitContentError);
    CHECK(run.messages.find("the memory has no commit on or before 2019-01-01") != std::string::npos);
    CHECK_FALSE(fs::exists(t.tmp / "early"));
    auto not_a_day = t.options("bad");
    not_a_day.as_of = "1 March";
    CHECK(build_site(not_a_day).messages.find("--as-of wants a date as YYYY-MM-DD, not '1 March'") !=
          std::string::npos);
}

TEST_CASE("a build with --as-of-meeting shows the memory as it stood on the meeting's day, as --ref of that commit",
          "[versions][as_of]") {
    Timeline t;
    auto by_meeting = t.options("meeting");
    by_meeting.as_of_meeting = "2020-04-25-review";  // the meeting is in the working tree (and HEAD) only
    REQUIRE(build_site(by_meeting).status == 0);
    auto by_ref = t.options("ref");
    by_ref.ref = t.c3;  // 20 April: the last first-parent commit on or before 25 April
    REQUIRE(build_site(by_ref).status == 0);
    auto a = read_tree(t.tmp / "meeting");
    CHECK(a == read_tree(t.tmp / "ref"));
    CHECK(a.at("index.html").find("as it stood on <time datetime=\"2020-04-20\">20 April 2020</time>") !=
          std::string::npos);

    // With --ref, the meeting is looked for in that commit, and from it the line is walked.
    auto from_ref = t.options("from-ref");
    from_ref.ref = t.c4;
    from_ref.as_of_meeting = "2020-04-25-review";
    REQUIRE(build_site(from_ref).status == 0);
    CHECK(read_tree(t.tmp / "from-ref") == a);

    auto unknown = t.options("unknown");
    unknown.as_of_meeting = "no-such-meeting";
    auto run = build_site(unknown);
    CHECK(run.status == site::kExitContentError);
    CHECK(run.messages.find("--as-of-meeting: no meeting 'no-such-meeting' with a date in the memory") !=
          std::string::npos);
}

TEST_CASE("a word diff marks removed and added runs of words", "[versions][diff]") {
    CHECK(indexes::word_diff("We look at how shifts hand over patients.",
                             "We look at how night shifts pass on their patients.") ==
          "We look at how <ins>night</ins> shifts <del>hand over</del> <ins>pass on their</ins> patients.");
    CHECK(indexes::word_diff("a <b> c", "a <b> d") == "a &lt;b&gt; <del>c</del> <ins>d</ins>");
    auto changes = indexes::changed_paragraphs({"One two.", "Kept as it was.", "Gone now."},
                                               {"One three.", "Kept as it was.", "New here."});
    REQUIRE(changes.size() == 2);
    CHECK(changes[0].html == "One <del>two.</del> <ins>three.</ins>");
    CHECK(changes[1].html == "<del>Gone now.</del> <ins>New here.</ins>");
    auto added = indexes::changed_paragraphs({"Kept."}, {"Kept.", "Added whole."});
    REQUIRE(added.size() == 1);
    CHECK(added[0].kind == indexes::ParagraphChange::Kind::Added);
    CHECK(added[0].html == "<ins>Added whole.</ins>");
}

TEST_CASE("a body's rendered text comes in paragraphs, without Markdown", "[versions][diff]") {
    CHECK(markdown::paragraphs(
              "# Title\n\nSome *emphasis* and a [link](x.md)\nover two lines.\n\n- one\n- [[target|label]]\n\n"
              "<!--cp:community-->\n\n> quoted `code`\n") ==
          std::vector<std::string>{"Title", "Some emphasis and a link over two lines.", "one", "label", "quoted code"});
}

namespace {

// A domain in four versions: a phase change (with a convener and a practice added), a
// paragraph rewritten, then a rename. A note changed twice, and one written once.
struct DomainHistory {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    std::string c1, c2, c3, c4;
    static std::string domain(const std::string& visibility, const std::string& phase, const std::string& practices,
                              const std::string& conveners, const std::string& body) {
        return "---\ntitle: Handover safety\nvisibility: " + visibility + "\nphase: " + phase +
            "\nphases:\n  - {phase: discovering, since: 2019-11-01}\nconveners: [" + conveners + "]\npractices: [" +
            practices + "]\n---\n" + body;
    }
    explicit DomainHistory(bool community_second = false) {
        GitRepo repo(dir);
        std::map<std::string, std::string> files = {
            {"commonplace.yaml", "title: Memory\ndefault_visibility: public\n"},
            {"people/ada.md", "---\ntitle: Ada Okafor\nvisibility: public\n---\nAda.\n"},
            {"notes/once.md", "# Once\n\nWritten once.\n"},
            {"notes/twice.md", "# Twice\n\nThe first words.\n"}};
        const std::string opening =
            "We look at how shifts hand over patients.\n\nThe first meetings were in the ward office.\n";
        const std::string block = "\n:::community\nOnly members hear about the pilot ward names here.\n:::\n";
        files["domains/handover.md"] = domain("public", "coalescing", "Structured handover", "", opening + block);
        c1 = repo.commit(text_files(files), {}, on("2020-01-10"), "Start the handover domain");
        std::string secret = "\nThe ward secrets of the night team stay with us.\n";
        files["domains/handover.md"] =
            domain(community_second ? "community" : "public", "maturing", "Structured handover, Bedside checklist",
                   "ada", opening + block + (community_second ? secret : ""));
        files["notes/twice.md"] = "# Twice\n\nThe second words.\n";
        c2 = repo.commit(text_files(files), {c1}, on("2020-02-10"), "Handover is maturing");
        const std::string rewritten =
            "We look at how night shifts pass on their patients.\n\nThe first meetings were in the ward office.\n";
        files["domains/handover.md"] =
            domain("public", "maturing", "Structured handover, Bedside checklist", "ada", rewritten + block);
        c3 = repo.commit(text_files(files), {c2}, on("2020-03-10"), "Say what we look at");
        files["domains/handover-safety.md"] = files["domains/handover.md"];
        files.erase("domains/handover.md");
        c4 = repo.commit(text_files(files), {c3}, on("2020-04-10"), "Rename the handover domain");
        write_files(dir, files);
    }
    std::map<std::string, std::string> build(const std::string& out, const std::string& audience = "community") const {
        auto o = options_for(dir, tmp / out);
        if (audience == "public") o.audience = audience::Audience::Public;
        auto run = build_site(o);
        INFO(run.messages);
        REQUIRE(run.status == 0);
        return read_tree(tmp / out);
    }
};

}  // namespace

TEST_CASE("a domain's versions page lists each version with its field changes and word diff, renames followed",
          "[versions]") {
    DomainHistory memory;
    auto site = memory.build("site");
    REQUIRE(site.count("domains/handover-safety/versions/index.html") == 1);
    const std::string& page = site.at("domains/handover-safety/versions/index.html");
    CHECK(page.find("<h1>Versions of Handover safety</h1>") != std::string::npos);
    CHECK(count_of(page, "<li class=\"version\"") == 4);
    // Newest first.
    std::size_t v4 = page.find("id=\"version-4\""), v3 = page.find("id=\"version-3\""),
                v2 = page.find("id=\"version-2\""), v1 = page.find("id=\"version-1\"");
    REQUIRE(v1 != std::string::npos);
    CHECK((v4 < v3 && v3 < v2 && v2 < v1));
    std::string fourth = page.substr(v4, v3 - v4), third = page.substr(v3, v2 - v3), second = page.substr(v2, v1 - v2),
                first = page.substr(v1);
    CHECK(fourth.find("<time datetime=\"2020-04-10\">10 April 2020</time> <span class=\"phase\">Maturing</span>") !=
          std::string::npos);
    CHECK(fourth.find("<a href=\"../../../people/ada/\">Ada Okafor</a> · Rename the handover domain") !=
          std::string::npos);
    CHECK(between(fourth, "", "<ul class=\"field-changes\">", "</ul>") ==
          "<ul class=\"field-changes\"><li>file: domains/handover.md → domains/handover-safety.md</li></ul>");
    CHECK(fourth.find("The text did not change.") != std::string::npos);

    CHECK(third.find("Say what we look at") != std::string::npos);
    CHECK(third.find("field-changes") == std::string::npos);
    CHECK(
        between(third, "", "<div class=\"text-changes\">", "</div>") ==
        "<div class=\"text-changes\"><p class=\"changed\">We look at how <ins>night</ins> shifts <del>hand over</del> "
        "<ins>pass on their</ins> patients.</p></div>");

    CHECK(second.find("<span class=\"phase\">Maturing</span>") != std::string::npos);
    CHECK(between(second, "", "<ul class=\"field-changes\">", "</ul>") ==
          "<ul class=\"field-changes\"><li>phase: coalescing → maturing</li><li>convener added: Ada Okafor</li>"
          "<li>practice added: Bedside checklist</li></ul>");
    CHECK(second.find("text-changes") == std::string::npos);

    CHECK(first.find("<time datetime=\"2020-01-10\">10 January 2020</time> <span class=\"phase\">Coalescing</span>") !=
          std::string::npos);
    CHECK(first.find("The first version.") != std::string::npos);
    // A block that never changed is in no diff.
    CHECK(page.find("pilot ward names") == std::string::npos);

    // The domain's page: the strip, and the link from its revision list.
    const std::string& domain = site.at("domains/handover-safety/index.html");
    CHECK(
        between(domain, "", "<p class=\"evolution\">", "</p>") ==
        "<p class=\"evolution\"><span class=\"evolution-label\">How this domain evolved:</span> "
        "<span class=\"evolution-step\"><strong>Discovering</strong> <time datetime=\"2019-11-01\">1 November 2019</time></span> → "
        "<span class=\"evolution-step\"><strong>Coalescing</strong> <time datetime=\"2020-01-10\">10 January 2020</time></span> → "
        "<span class=\"evolution-step\"><strong>Maturing</strong> <time datetime=\"2020-02-10\">10 February 2020</time></span>"
        " · <a href=\"../../domains/handover-safety/versions/\">4 versions</a></p>");
    CHECK(domain.find("<a href=\"../../domains/handover-safety/versions/\">All 4 versions, with what changed</a>") !=
          std::string::npos);

    // A note changed twice gets a versions page; one written once does not.
    REQUIRE(site.count("notes/twice/versions/index.html") == 1);
    CHECK(site.at("notes/twice/versions/index.html").find("The <del>first</del> <ins>second</ins> words.") !=
          std::string::npos);
    CHECK(site.count("notes/once/versions/index.html") == 0);
    CHECK(site.at("notes/once/index.html").find("versions/") == std::string::npos);
    CHECK(site.at("sitemap.xml").find("/domains/handover-safety/versions/") != std::string::npos);
}

TEST_CASE("a public versions page shows only public versions, and no word of a community-only one or a block",
          "[versions][public]") {
    DomainHistory memory(true);  // version 2 was community-only, with a passage removed in version 3
    auto site = memory.build("public", "public");
    REQUIRE(site.count("domains/handover-safety/versions/index.html") == 1);
    const std::string& page = site.at("domains/handover-safety/versions/index.html");
    CHECK(count_of(page, "<li class=\"version\"") == 3);
    CHECK(page.find("Handover is maturing") == std::string::npos);  // the community-only version's commit
    // Version 3 (shown as the second) against version 1, the public one before it: all of
    // version 2's changes, and none of its passage.
    std::size_t v2 = page.find("id=\"version-2\""), v1 = page.find("id=\"version-1\"");
    REQUIRE((v2 != std::string::npos && v1 != std::string::npos));
    std::string second = page.substr(v2, v1 - v2);
    CHECK(between(second, "", "<ul class=\"field-changes\">", "</ul>") ==
          "<ul class=\"field-changes\"><li>phase: coalescing → maturing</li><li>convener added: Ada Okafor</li>"
          "<li>practice added: Bedside checklist</li></ul>");
    CHECK(
        between(second, "", "<div class=\"text-changes\">", "</div>") ==
        "<div class=\"text-changes\"><p class=\"changed\">We look at how <ins>night</ins> shifts <del>hand over</del> "
        "<ins>pass on their</ins> patients.</p></div>");
    for (const auto& [path, bytes] : site) {
        INFO(path);
        CHECK(bytes.find("ward secrets") == std::string::npos);
        CHECK(bytes.find("pilot ward names") == std::string::npos);
    }
    CHECK(site.at("domains/handover-safety/index.html")
              .find("<a href=\"../../domains/handover-safety/versions/\">3 versions</a>") != std::string::npos);

    // The audit knows the passage and the block from the old versions, so a leak would fail the build.
    auto options = options_for(memory.dir, memory.tmp / "unused");
    options.audience = audience::Audience::Public;
    diag::Sink sink;
    parallel::Pool pool(2);
    site::Loaded loaded = site::load(options, pool, sink);
    REQUIRE(loaded.ok);
    auto facts = audience::audit_facts(loaded.site, loaded.versions_as_written, loaded.snapshot,
                                       {audience::Audience::Public, false});
    auto forbids = [&](const std::string& text, const std::string& what) {
        return std::any_of(facts.forbidden.begin(), facts.forbidden.end(), [&](const audience::Forbidden& f) {
            return f.text.find(text) != std::string::npos && f.what.find(what) != std::string::npos;
        });
    };
    CHECK(forbids("ward secrets of the night team", "text of a community-only version of domains/handover-safety.md"));
    CHECK(forbids("only members hear about the pilot ward names",
                  ":::community block in the version of domains/handover-safety.md"));
}

TEST_CASE("a body cut into independent blocks has the paragraphs of the whole", "[versions][markdown]") {
    auto joined = [](std::string_view body) {
        std::vector<std::string> out;
        for (auto block : markdown::independent_blocks(body))
            for (auto& p : markdown::paragraphs(block)) out.push_back(p);
        return out;
    };
    const std::vector<std::string> bodies = {
        "One.\n\nTwo\nlines.\n\n# Heading\n\nThree.\n",
        "- a loose\n\n- list\n\n  with a second paragraph\n\nAfter it.\n",
        "1. first\n\n2) second\n\nText.\n",
        "> a quote\n\n> and more\n\nPlain.\n",
        "Code:\n\n    indented\n\n    code\n\nEnd.\n",
        "Setext\n======\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[[target|label]] text\n",
    };
    for (const auto& body : bodies) {
        INFO(body);
        CHECK(joined(body) == markdown::paragraphs(body));
        CHECK(markdown::independent_blocks(body).size() > 1);
    }
    // What reaches across blank lines keeps the body in one piece.
    for (std::string body :
         {"```\na\n\nb\n```\n\nc\n", "See [x].\n\n[x]: https://example.org\n", "<div>\n\nhtml\n</div>\n"}) {
        INFO(body);
        CHECK(markdown::independent_blocks(body).size() == 1);
        CHECK(joined(body) == markdown::paragraphs(body));
    }
}
