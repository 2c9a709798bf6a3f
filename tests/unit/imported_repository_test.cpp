// Real repositories as they are (issue #13): meeting records kept another way, with no front
// matter, dates only in their paths, minutes in their own folder, the same name in two
// folders, images beside the notes. Each layout is built inline and its pages, addresses,
// timeline entries and copied files asserted exactly.
#include <catch2/catch.hpp>

#include <set>

#include "audience/filter.hpp"
#include "cli/app.hpp"
#include "diag/summary.hpp"
#include "git_fixture.hpp"
#include "indexes/timeline.hpp"
#include "model/path_date.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

// The memory loaded and filtered as a build does, with its problems.
struct Loaded {
    model::Site site;
    std::vector<std::string> problems;  // "path:line: severity: message"
};

Loaded load(const site::BuildOptions& options) {
    diag::Sink sink;
    parallel::Pool pool(2);
    site::Loaded loaded = site::load(options, pool, sink);
    Loaded out;
    out.site = audience::filter(std::move(loaded.site), {options.audience, options.drafts}, pool);
    for (const auto& d : sink.sorted())
        out.problems.push_back(d.path + ":" + std::to_string(d.line) + ": " +
                               (d.severity == diag::Severity::Error ? "error" : "warning") + ": " + d.message);
    return out;
}

Loaded load(const TempMemory& memory) { return load(options_for(memory.root(), memory.output())); }

// source path -> (type, url), for every page.
std::map<std::string, std::pair<std::string, std::string>> pages_of(const model::Site& site) {
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (const auto& p : site.pages) out[p.source_path] = {std::string(model::type_name(p.type)), p.url};
    return out;
}

// The timeline's meetings as "date url", newest first.
std::vector<std::string> timeline_meetings(const model::Site& site) {
    std::vector<std::string> out;
    for (const auto& e : indexes::collect_timeline(site))
        if (e.kind == indexes::EntryKind::Meeting) out.push_back(e.date.iso() + " " + site.pages[e.page].url);
    return out;
}

// Files written that are not pages or the generator's own (images, PDFs...).
std::set<std::string> copied_files(const fs::path& out) {
    std::set<std::string> files;
    for (const auto& [path, text] : read_tree(out)) {
        std::string ext = path.substr(path.rfind('.') + 1);
        if (ext == "html" || ext == "xml" || ext == "ics" || ext == "txt" || ext == "json" || ext == "css" ||
            ext == "js" || path.rfind("static/", 0) == 0 || path.rfind("search/", 0) == 0)
            continue;
        files.insert(path);
    }
    return files;
}

bool mentions(const std::string& messages, const std::string& text) { return messages.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("a date is read from the file's name or the folders above it", "[imported][dates]") {
    using model::date_from_path;
    struct Case {
        const char* path;
        const char* date;
        bool in_name;
        const char* rest;
    };
    for (const Case& c : std::vector<Case>{
             {"minutes/2019/2019-03-14.md", "2019-03-14", true, ""},
             {"minutes/2019/2019-03-14-sync.md", "2019-03-14", true, "sync"},
             {"meeting-2019-03-14.md", "2019-03-14", true, "meeting"},
             {"notes/20190314_call.md", "2019-03-14", true, "call"},
             {"minutes/14-march-2019.md", "2019-03-14", true, ""},
             {"minutes/Mar 14, 2019.md", "2019-03-14", true, ""},
             {"2019/03/14.md", "2019-03-14", false, ""},
             {"2019/03/14-board.md", "2019-03-14", false, "board"},
             {"2024-07/july-29.md", "2024-07-29", false, ""},
             {"2024/jul-29.md", "2024-07-29", false, ""},
             {"meetings/2016/29-sept.md", "2016-09-29", false, ""},
             {"2019/march/14th.md", "2019-03-14", false, ""},
             // Not a full date, or not a real one: no date.
             {"minutes/toc.md", "", false, ""},
             {"minutes/2019/summary.md", "", false, ""},
             {"2019/14.md", "", false, ""},
             {"2019/02/30.md", "", false, ""},
             {"2019-13-01.md", "", false, ""},
             {"notes/release-1-2-3.md", "", false, ""},
         }) {
        INFO(c.path);
        auto d = date_from_path(c.path);
        CHECK(d.date == c.date);
        if (*c.date) {
            CHECK(d.in_name == c.in_name);
            CHECK(d.rest == c.rest);
        }
    }
}

TEST_CASE("minutes in their own folder with no front matter: types: makes them meetings", "[imported]") {
    const MemoryFiles minutes = {
        {"README.md", "# Working group\n\nOur minutes.\n"},
        {"minutes/2019/2019-03-14.md", "# Sync\n\nWe met.\n"},
        {"minutes/2019/2019-04-11-planning.md", "Planning notes.\n"},
        {"minutes/2024-07/july-29.md", "# Summer call\n"},
        {"minutes/2020/03/14.md", "Fourteenth.\n"},
        {"minutes/toc.md", "# Contents\n"},
    };
    SECTION("without a type, the folder is named with the config line that fixes it") {
        TempMemory memory(minutes);
        auto loaded = load(memory);
        CHECK(
            loaded.problems ==
            std::vector<std::string>{
                "minutes:0: warning: 4 of the 5 files in minutes/ carry a date in their names or folders "
                "(minutes/2019/2019-03-14.md) but no type applies to them, so they are plain pages and not on the "
                "timeline: add the line 'types: {\"minutes/**\": meeting}' to commonplace.yaml to make them meetings"});
        CHECK(timeline_meetings(loaded.site).empty());
        // check says it too
        auto run = run_check(memory);
        CHECK(run.status == 0);
        CHECK(mentions(run.messages, "types: {\"minutes/**\": meeting}"));
    }
    SECTION("with types:, every dated file is a meeting on the timeline; the undated one is a page of the folder") {
        MemoryFiles files = minutes;
        files["commonplace.yaml"] = "types: {\"minutes/**\": meeting}\n";
        TempMemory memory(files);
        auto loaded = load(memory);
        CHECK(
            loaded.problems ==
            std::vector<std::string>{"minutes/toc.md:1: warning: no date in this file's name, folders or front matter, "
                                     "so it is a plain page, not a meeting: add 'date: YYYY-MM-DD' to make it one"});
        using P = std::pair<std::string, std::string>;
        CHECK(pages_of(loaded.site) ==
              std::map<std::string, P>{
                  {"README.md", {"page", "/"}},
                  {"minutes/2019/2019-03-14.md", {"meeting", "/meetings/2019-03-14/"}},
                  {"minutes/2019/2019-04-11-planning.md", {"meeting", "/meetings/2019-04-11-planning/"}},
                  {"minutes/2020/03/14.md", {"meeting", "/meetings/2020-03-14/"}},
                  {"minutes/2024-07/july-29.md", {"meeting", "/meetings/2024-07-29/"}},
                  {"minutes/toc.md", {"page", "/minutes/toc/"}},
              });
        CHECK(timeline_meetings(loaded.site) ==
              std::vector<std::string>{
                  "2024-07-29 /meetings/2024-07-29/",
                  "2020-03-14 /meetings/2020-03-14/",
                  "2019-04-11 /meetings/2019-04-11-planning/",
                  "2019-03-14 /meetings/2019-03-14/",
              });
        // Titles: the heading, else the name's words.
        for (const auto& p : loaded.site.pages)
            if (p.source_path == "minutes/2024-07/july-29.md") CHECK(p.title == "Summer call");
        auto run = run_build(memory);
        CHECK(run.status == 0);
        CHECK(fs::exists(memory.output() / "meetings/2024-07-29/index.html"));
        CHECK(fs::exists(memory.output() / "minutes/toc/index.html"));
    }
    SECTION("a record written with front matter still needs its date") {
        MemoryFiles files = {{"meetings/planning.md", "---\ntitle: Planning\n---\n"}};
        TempMemory memory(files);
        CHECK(load(memory).problems ==
              std::vector<std::string>{"meetings/planning.md:1: error: a meeting needs a date: add 'date: YYYY-MM-DD' "
                                       "to its front matter, or start the file name with it (2016-03-02-kickoff.md)"});
    }
    SECTION("dated files at the top: the suggestion names their common start") {
        TempMemory memory(
            {{"meeting-2019-03-14.md", "A\n"}, {"meeting-2019-04-11.md", "B\n"}, {"meeting-2019-05-09.md", "C\n"}});
        auto loaded = load(memory);
        REQUIRE(loaded.problems.size() == 1);
        CHECK(mentions(loaded.problems[0], "add the line 'types: {\"meeting-2019-0*.md\": meeting}'"));
    }
}

TEST_CASE("the same name in two folders: two pages, each keeping its folder, and a warning", "[imported][addresses]") {
    TempMemory memory({
        {"meetings/groupA/2014-12-10.md", "# Group A\n"},
        {"meetings/groupB/2014-12-10.md", "# Group B\n"},
        {"meetings/2014-12-11.md", "# Both\n"},
        {"committees.md", "# Committees\n"},
        {"committees/README.md", "# The committees folder\n"},
        {"committees/finance.md",
         "# Finance\n\nSee [the committees](../committees/) and [minutes](../meetings/groupA/).\n"},
    });
    auto loaded = load(memory);
    using P = std::pair<std::string, std::string>;
    CHECK(pages_of(loaded.site) ==
          std::map<std::string, P>{
              {"meetings/groupA/2014-12-10.md", {"meeting", "/meetings/groupa/2014-12-10/"}},
              {"meetings/groupB/2014-12-10.md", {"meeting", "/meetings/groupb/2014-12-10/"}},
              {"meetings/2014-12-11.md", {"meeting", "/meetings/2014-12-11/"}},
              {"committees.md", {"page", "/committees-md/"}},
              {"committees/README.md", {"page", "/committees/"}},
              {"committees/finance.md", {"page", "/committees/finance/"}},
          });
    CHECK(
        loaded.problems ==
        std::vector<std::string>{
            "committees.md:1: warning: this page and committees/README.md would share the address /committees/, so "
            "this one is written to /committees-md/ (it keeps more of its path; see 'Addresses' in docs/content-model.md)",
            "meetings/groupA/2014-12-10.md:1: warning: this page and meetings/groupB/2014-12-10.md would share the "
            "address /meetings/2014-12-10/, so this one is written to /meetings/groupa/2014-12-10/ (it keeps more of "
            "its path; see 'Addresses' in docs/content-model.md)",
            "meetings/groupB/2014-12-10.md:1: warning: this page and meetings/groupA/2014-12-10.md would share the "
            "address /meetings/2014-12-10/, so this one is written to /meetings/groupb/2014-12-10/ (it keeps more of "
            "its path; see 'Addresses' in docs/content-model.md)",
        });
    CHECK(timeline_meetings(loaded.site) ==
          std::vector<std::string>{"2014-12-11 /meetings/2014-12-11/", "2014-12-10 /meetings/groupa/2014-12-10/",
                                   "2014-12-10 /meetings/groupb/2014-12-10/"});
    // Both are written; a link to a folder goes to its page (README), a folder of meetings to their list.
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(read_file(memory.output() / "meetings/groupa/2014-12-10/index.html").find("Group A") != std::string::npos);
    CHECK(read_file(memory.output() / "meetings/groupb/2014-12-10/index.html").find("Group B") != std::string::npos);
    std::string finance = read_file(memory.output() / "committees/finance/index.html");
    CHECK(mentions(finance, "<a href=\"../../committees/\">the committees</a>"));
    CHECK(mentions(finance, "<a href=\"../../meetings/\">minutes</a>"));
}

TEST_CASE("a true duplicate stays an error", "[imported][addresses]") {
    TempMemory memory({{"notes/Kickoff.md", "A\n"}, {"notes/kickoff.md", "B\n"}});
    CHECK(load(memory).problems ==
          std::vector<std::string>{"notes/kickoff.md:1: error: this page and notes/Kickoff.md would both be written "
                                   "to /notes/kickoff/: rename one of them"});
}

TEST_CASE("every folder of pages has a page, and a link to a folder goes to it", "[imported][folders]") {
    TempMemory memory({
        {"index.md", "# Home\n\nSee [the guides](guides/) and [setup](guides/setup/).\n"},
        {"guides/setup/install.md", "# Install\n"},
        {"guides/welcome.md", "# Welcome\n"},
    });
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(problems(run.messages).empty());
    std::string guides = read_file(memory.output() / "guides/index.html");
    CHECK(mentions(
        guides,
        "<ul class=\"item-list\"><li><a href=\"../guides/welcome/\">Welcome</a> <span class=\"muted\">page</span>"
        "</li><li><a href=\"../guides/setup/\">setup/</a> <span class=\"muted\">folder</span></li></ul>"));
    std::string setup = read_file(memory.output() / "guides/setup/index.html");
    CHECK(mentions(setup, "<a href=\"../../guides/setup/install/\">Install</a>"));
    std::string home = read_file(memory.output() / "index.html");
    CHECK(mentions(home, "<a href=\"guides/\">the guides</a>"));
    CHECK(mentions(home, "<a href=\"guides/setup/\">setup</a>"));
}

TEST_CASE("files beside the notes are copied when a kept page uses them, with the audience rules of assets/",
          "[imported][files]") {
    const MemoryFiles files = {
        {"minutes/2019/2019-03-14.md",
         "---\nvisibility: public\n---\n# Sync\n\n![board](board.png) and [the slides](slides.pdf) "
         "and [a sketch](_attachments/sketch.png).\n"},
        {"minutes/2019/board.png", "PNG-board"},
        {"minutes/2019/slides.pdf", "PDF-slides"},
        {"minutes/2019/_attachments/sketch.png", "PNG-sketch"},
        {"minutes/2019/2019-04-11.md", "# Community only\n\n![private](private.png)\n"},
        {"minutes/2019/private.png", "PNG-private"},
        {"minutes/2019/unused.png", "PNG-unused"},
        {"commonplace.yaml", "types: {\"minutes/**\": meeting}\n"},
    };
    TempMemory memory(files);
    SECTION("community: the files the pages use, none missing, nothing unused") {
        auto run = run_build(memory);
        INFO(run.messages);
        REQUIRE(run.status == 0);
        CHECK(problems(run.messages).empty());
        CHECK(copied_files(memory.output()) ==
              std::set<std::string>{"minutes/2019/_attachments/sketch.png", "minutes/2019/board.png",
                                    "minutes/2019/private.png", "minutes/2019/slides.pdf"});
        CHECK(read_file(memory.output() / "minutes/2019/board.png") == "PNG-board");
        std::string page = read_file(memory.output() / "meetings/2019-03-14/index.html");
        CHECK(mentions(page, "src=\"../../minutes/2019/board.png\""));
        CHECK(mentions(page, "href=\"../../minutes/2019/_attachments/sketch.png\""));
    }
    SECTION("public: only what a public page uses") {
        auto options = options_for(memory.root(), memory.output());
        options.audience = audience::Audience::Public;
        auto run = build_site(options);
        INFO(run.messages);
        REQUIRE(run.status == 0);
        CHECK(copied_files(memory.output()) ==
              std::set<std::string>{"minutes/2019/_attachments/sketch.png", "minutes/2019/board.png",
                                    "minutes/2019/slides.pdf"});
    }
    SECTION("check reports no existing file as missing, and still reports the one that is") {
        memory.write("notes/x.md", "![gone](gone.png)\n");
        auto run = run_check(memory);
        CHECK(problems(run.messages) ==
              std::vector<std::string>{"notes/x.md:1:1: error: broken image: 'gone.png' (no file notes/gone.png)"});
    }
    SECTION("an underscored file is never a page") {
        memory.write("minutes/_draft.md", "---\ntitle: [\n---\n");
        CHECK(run_check(memory).status == 0);
    }
}

TEST_CASE("wikilinks: an unresolved one keeps its text; wikilinks: false turns them off", "[imported][wikilinks]") {
    const std::string prose = "Every object has a Foo.[[Prototype]] slot; see [[welcome]].\n";
    SECTION("on: the broken one is marked, kept as written, and reported") {
        TempMemory memory({{"notes/js.md", prose}, {"notes/welcome.md", "# Welcome\n"}});
        auto run = run_build(memory);
        CHECK(problems(run.messages) ==
              std::vector<std::string>{"notes/js.md:1:24: warning: wikilink [[Prototype]] leads to no page: no file "
                                       "is named prototype.md"});
        std::string html = read_file(memory.output() / "notes/js/index.html");
        CHECK(mentions(
            html,
            "Foo.<span class=\"broken-link\" title=\"This link leads nowhere in this build\">[[Prototype]]</span> slot"));
        CHECK(mentions(html, "<a href=\"../../notes/welcome/\">Welcome</a>"));
    }
    SECTION("off: plain text, nothing reported") {
        TempMemory memory(
            {{"commonplace.yaml", "wikilinks: false\n"}, {"notes/js.md", prose}, {"notes/welcome.md", "# W\n"}});
        auto run = run_build(memory);
        CHECK(problems(run.messages).empty());
        CHECK(mentions(read_file(memory.output() / "notes/js/index.html"),
                       "Every object has a Foo.[[Prototype]] slot; see [[welcome]].</p>"));
    }
}

TEST_CASE(
    "a build at --ref reads the commit's config; a commit older than the config uses the working tree's, with a note",
    "[imported][config]") {
    TempFolder tmp;
    GitRepo repo(tmp.path());
    Signature ada{"Ada", "ada@example.org", utc("2019-03-15")};
    std::string old = repo.commit(text_files({{"minutes/2019-03-14.md", "# Sync\n"}}), {}, ada, "minutes");
    Signature later{"Ada", "ada@example.org", utc("2019-04-15")};
    std::string now =
        repo.commit(text_files({{"minutes/2019-03-14.md", "# Sync\n"},
                                {"commonplace.yaml", "title: From the commit\ntypes: {\"minutes/**\": meeting}\n"}}),
                    {old}, later, "config");
    write_file(tmp.path() / "commonplace.yaml", "title: From the working tree\ntypes: {\"minutes/**\": meeting}\n");
    auto options = options_for(tmp.path(), tmp.path().parent_path() / "out-not-used");
    SECTION("the commit's own") {
        options.ref = now;
        auto loaded = load(options);
        CHECK(loaded.site.config.title == "From the commit");
        CHECK(loaded.problems.empty());
    }
    SECTION("an older commit") {
        options.ref = old;
        auto loaded = load(options);
        CHECK(loaded.site.config.title == "From the working tree");
        CHECK(loaded.problems ==
              std::vector<std::string>{"commonplace.yaml:0: warning: the commit " + old +
                                       " has no commonplace.yaml, so the working tree's is used "
                                       "(--config FILE names another)"});
        CHECK(timeline_meetings(loaded.site) == std::vector<std::string>{"2019-03-14 /meetings/2019-03-14/"});
    }
    SECTION("--config FILE") {
        write_file(tmp.path() / "other.yaml", "title: Given\n");
        options.ref = old;
        options.config_file = tmp.path() / "other.yaml";
        auto loaded = load(options);
        CHECK(loaded.site.config.title == "Given");
        CHECK(loaded.problems.empty());
    }
}

TEST_CASE("check --max-problems shows them all, and a summary groups them by kind", "[imported][check]") {
    MemoryFiles files;
    for (int i = 0; i < 120; ++i)
        files["notes/n" + std::to_string(i) + ".md"] = "![x](missing" + std::to_string(i) + ".png)\n";
    files["notes/w.md"] = "[[nowhere]]\n";
    TempMemory memory(files);
    auto options = options_for(memory.root(), memory.output());
    SECTION("capped by default, with the summary") {
        auto run = check_site(options);
        CHECK(mentions(run.messages, "... and 21 more problems not shown\n"));
        CHECK(mentions(run.messages,
                       "problems by kind:\n  120 x error: broken image (first in notes/n0.md)\n"
                       "  1 x error: wikilink (first in notes/w.md)\n"));
    }
    SECTION("--max-problems 0: every one") {
        options.max_problems = 0;
        auto run = check_site(options);
        CHECK(problems(run.messages).size() == 121);
        CHECK(!mentions(run.messages, "more problems not shown"));
    }
    SECTION("the command line takes it") {
        std::string source = memory.root().string();
        const char* argv[] = {"commonplace", "check", source.c_str(), "--max-problems", "5"};
        std::ostringstream out, err;
        int status = cli::run(5, const_cast<char**>(argv), out, err, false);
        CHECK(status == 1);
        CHECK(mentions(err.str(), "... and 116 more problems not shown\n"));
    }
}

TEST_CASE("diag::kind_of takes the particulars out of a message", "[imported][check]") {
    auto kind = [](std::string m) { return diag::kind_of({"a.md", 1, 1, diag::Severity::Warning, std::move(m)}); };
    CHECK(kind("broken image: 'a.png' (no file notes/a.png)") == "warning: broken image");
    CHECK(kind("this page and meetings/x.md would share the address") == "warning: this page and");
    CHECK(kind("file is 5000000 bytes, over the limit") == "warning: file is # bytes, over the limit");
}

TEST_CASE("init in an existing repository adds only the config, suited to what it found", "[imported][init]") {
    TempFolder tmp;
    write_files(tmp.path(),
                {{"README.md", "# Our group\n"},
                 {"minutes/2019/2019-03-14.md", "A\n"},
                 {"minutes/2019/2019-04-11.md", "B\n"},
                 {"minutes/2020/01/09.md", "C\n"},
                 {"minutes/toc.md", "Contents\n"}});
    std::string dir = tmp.path().string();
    const char* argv[] = {"commonplace", "init", dir.c_str()};
    std::ostringstream out, err;
    REQUIRE(cli::run(3, const_cast<char**>(argv), out, err, false) == 0);
    CHECK(!fs::exists(tmp.path() / "index.md"));
    CHECK(!fs::exists(tmp.path() / "domains"));
    CHECK(read_file(tmp.path() / "README.md") == "# Our group\n");
    std::string config = read_file(tmp.path() / "commonplace.yaml");
    CHECK(mentions(
        config,
        "types:\n  \"minutes/**\": meeting  # 3 of 4 files dated, e.g. minutes/2019/2019-03-14.md -> 2019-03-14\n"));
    CHECK(mentions(out.str(), config));
    // The next build works, and the minutes are on the timeline.
    auto loaded = load(options_for(tmp.path(), tmp.path() / "_site"));
    CHECK(timeline_meetings(loaded.site).size() == 3);
    auto run = build_site(options_for(tmp.path(), tmp.path() / "_site"));
    CHECK(run.status == 0);
}

TEST_CASE("a repository of several hundred dated minutes with no front matter: every one on the timeline",
          "[imported][large]") {
    TempFolder tmp;
    GitRepo repo(tmp.path());
    Files files = text_files({{"README.md", "# Technical committee\n\nMinutes are in [minutes](minutes/).\n"},
                              {"commonplace.yaml", "title: TC\ntypes: {\"minutes/**\": meeting}\n"},
                              {"minutes/README.md", "# Minutes\n"}});
    std::vector<std::string> expected;  // "date url", newest first once sorted
    std::string parent;
    int n = 0;
    for (int year = 2008; year <= 2022; ++year)
        for (int month = 1; month <= 12; ++month)
            for (int day : {7, 21}) {
                if (++n > 360) break;
                char date[16];
                std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day);
                std::string y = std::to_string(year), d = date;
                // Three layouts, as real committees mix them over the years.
                std::string path = year < 2014 ? "minutes/" + y + "/" + d + ".md"
                    : year < 2019              ? "minutes/" + y + "/" + d.substr(5, 2) + "/" + d.substr(8, 2) + ".md"
                                               : "minutes/" + y + "/" + d + "-tc-call.md";
                std::string body =
                    "# TC call\n\n## Present\n\n* Ada Lovelace\n* Grace Hopper\n\n## Notes\n\nWe talked.\n";
                if (n % 10 == 0) {  // some with an image beside them
                    std::string image = "board-" + d + ".png";
                    body += "\n![the whiteboard](" + image + ")\n";
                    files[path.substr(0, path.rfind('/') + 1) + image] = Entry{"PNG " + d};
                }
                files[path] = Entry{body};
                std::string slug = year < 2019 ? d : d + "-tc-call";
                expected.push_back(d + " /meetings/" + slug + "/");
                // Committed as they were written, every few meetings.
                if (n % 40 == 0) {
                    Signature who{"Ada Lovelace", "ada@example.org", utc(d, 18)};
                    parent = repo.commit(files, parent.empty() ? std::vector<std::string>{} : std::vector{parent}, who,
                                         "Minutes up to " + d);
                }
            }
    Signature who{"Grace Hopper", "grace@example.org", utc("2023-01-05")};
    repo.commit(files, {parent}, who, "The rest of the minutes");
    for (const auto& [path, entry] : files) write_file(tmp.path() / path, entry.content);  // the working tree is HEAD
    std::sort(expected.rbegin(), expected.rend());
    REQUIRE(expected.size() == 360);

    auto options = options_for(tmp.path(), tmp.path().parent_path() / (tmp.path().filename().string() + "-site"));
    auto loaded = load(options);
    CHECK(loaded.problems.empty());
    CHECK(timeline_meetings(loaded.site) == expected);

    options.quiet = false;
    auto run = build_site(options);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(problems(run.messages).empty());  // no false "missing file" warning, nor any other
    CHECK(!mentions(run.messages, "no file"));
    std::size_t images = 0;
    for (const auto& f : copied_files(options.output)) images += f.find("/board-") != std::string::npos;
    CHECK(images == 36);
    // Who came, read from each "## Present": the people index lists both (they have no profile),
    // and /stats/ counts 6 meetings and 12 attendances (2 distinct people) in every quarter.
    std::string people = read_file(options.output / "people/index.html");
    CHECK(mentions(people, "<li>Ada Lovelace <span class=\"muted\">· 360 meetings</span></li>"));
    CHECK(mentions(people, "<li>Grace Hopper <span class=\"muted\">· 360 meetings</span></li>"));
    std::string stats = read_file(options.output / "stats/index.html");
    CHECK(mentions(stats, "<tr><th scope=\"row\">2008 Q1</th><td>6</td></tr>"));
    CHECK(mentions(stats, "<tr><th scope=\"row\">2022 Q4</th><td>6</td></tr>"));
    CHECK(mentions(stats, "<tr><th scope=\"row\">2015 Q3</th><td>12</td><td>2</td></tr>"));
    fs::remove_all(options.output);
}
