// The history from git: one pass over real repositories made in the test, with known
// commits, authors, a rename, merges and a shallow clone; checked field by field, against
// `git log` on the same repository, and through a whole build.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <set>

#include "git_fixture.hpp"
#include "history/reader.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

std::vector<std::string> ids_of(const std::vector<history::Revision>& revisions) {
    std::vector<std::string> out;
    for (const auto& r : revisions) out.push_back(r.commit());
    return out;
}

std::vector<std::string> ids_of(const std::vector<history::Commit>& commits) {
    std::vector<std::string> out;
    for (const auto& c : commits) out.push_back(c.id);
    return out;
}

// The lines `git log ARGS` prints in `dir` (the git command: tests only).
std::vector<std::string> git_log(const fs::path& dir, const std::string& args) {
    std::string text = shell("git -C '" + dir.string() + "' -c log.showSignature=false log " + args + " 2>/dev/null");
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

history::History history_of(const fs::path& folder, std::vector<std::string> paths) {
    std::string error;
    auto repo = source::Repository::find(folder, error);
    REQUIRE(repo);
    diag::Sink sink;
    auto head = repo->head();
    REQUIRE(head);
    return history::read_history(*repo, *head, paths, sink);
}

const Signature kAda{"Ada Okafor", "ada@example.org", utc("2020-01-01"), 60};
const std::string kAdaPerson = "---\ntitle: Ada Okafor\ngit: [ada@example.org]\n---\nAda.\n";
const std::string kGracePerson = "---\ntitle: Grace Hopper\n---\nGrace.\n";
const std::string kNote = "# The note\n\nFirst paragraph of the note, long enough to be the same file after a move.\n";

// A memory with four commits: added, edited, moved (and edited), edited again.
struct RenamedNote {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    std::vector<std::string> commits;  // oldest first
    RenamedNote() {
        GitRepo repo(dir);
        std::map<std::string, std::string> files = {
            {"commonplace.yaml", "title: Moves\nrepo_url: https://github.com/org/memory/blob/main/{path}\n"},
            {".mailmap", "Grace Hopper <grace@example.org>\nRobert Jones <bob@oldmail.org>\n"},
            {"people/ada.md", kAdaPerson},
            {"people/grace.md", kGracePerson},
            {"notes/old.md", kNote}};
        commits.push_back(repo.commit(text_files(files), {}, kAda, "Start the memory"));
        files["notes/old.md"] = kNote + "\nA second paragraph.\n";
        commits.push_back(repo.commit(text_files(files), {commits.back()},
                                      {"grace", "grace@example.org", utc("2020-02-01"), 0}, "Expand the note"));
        files.erase("notes/old.md");
        files["notes/new.md"] = kNote + "\nA second paragraph.\nAnd a third line.\n";
        commits.push_back(repo.commit(text_files(files), {commits.back()},
                                      {"bob", "bob@oldmail.org", utc("2020-03-01"), 0}, "Move the note"));
        files["notes/new.md"] = kNote + "\nA second paragraph, fixed.\nAnd a third line.\n";
        // 23:30 at -05:00 is already 2 April in UTC: the date is the author's own.
        commits.push_back(repo.commit(text_files(files), {commits.back()},
                                      {"Sam Stranger", "sam@elsewhere.net", utc("2020-04-02", 4) + 1800, -300},
                                      "Fix a typo, thanks sam@elsewhere.net\n\nThe body is not the subject."));
        write_files(dir, files);  // the working tree, clean
    }
};

}  // namespace

TEST_CASE("a renamed note keeps its whole history, credited as git log --follow does", "[history]") {
    RenamedNote memory;
    const auto& c = memory.commits;
    auto h = history_of(memory.dir, {"commonplace.yaml", "notes/new.md", "people/ada.md", "people/grace.md"});
    CHECK(h.available);
    CHECK_FALSE(h.shallow);
    CHECK(h.find("notes/old.md") == nullptr);
    const auto* fh = h.find("notes/new.md");
    REQUIRE(fh);
    CHECK_FALSE(fh->incomplete);
    CHECK(ids_of(fh->revisions) == std::vector<std::string>{c[3], c[2], c[1], c[0]});
    CHECK(ids_of(fh->revisions) == git_log(memory.dir, "--follow --format=%H -- notes/new.md"));
    std::vector<std::string> dates, names, mapped, subjects;
    for (const auto& r : fh->revisions) {
        dates.push_back(r.date());
        names.push_back(r.author_name());
        mapped.push_back(r.mailmap_name());
        subjects.push_back(r.subject());
    }
    CHECK(dates == std::vector<std::string>{"2020-04-01", "2020-03-01", "2020-02-01", "2020-01-01"});
    CHECK(dates == git_log(memory.dir, "--follow --date=short --format=%ad -- notes/new.md"));
    CHECK(names == std::vector<std::string>{"Sam Stranger", "bob", "grace", "Ada Okafor"});
    CHECK(mapped == std::vector<std::string>{"Sam Stranger", "Robert Jones", "Grace Hopper", "Ada Okafor"});
    CHECK(mapped == git_log(memory.dir, "--follow --format=%aN -- notes/new.md"));
    CHECK(subjects ==
          std::vector<std::string>{"Fix a typo, thanks sam", "Move the note", "Expand the note", "Start the memory"});
    CHECK(fh->created()->commit() == c[0]);
    CHECK(fh->updated()->commit() == c[3]);

    // /changes/: every commit, newest first, with the paths as they are now.
    CHECK(ids_of(h.recent) == std::vector<std::string>{c[3], c[2], c[1], c[0]});
    CHECK(ids_of(h.recent) == git_log(memory.dir, "--format=%H"));
    CHECK(h.recent[1].paths == std::vector<std::string>{"notes/new.md"});
    CHECK(h.recent[2].paths == std::vector<std::string>{"notes/new.md"});
    CHECK(h.recent[3].paths ==
          std::vector<std::string>{".mailmap", "commonplace.yaml", "notes/new.md", "people/ada.md", "people/grace.md"});
    CHECK(h.mailmap.at("bob@oldmail.org") == "Robert Jones");
}

TEST_CASE("the site model takes created, updated, date and contributors from the history", "[history]") {
    RenamedNote memory;
    diag::Sink sink;
    parallel::Pool pool(2);
    auto loaded = site::load(options_for(memory.dir, memory.tmp / "site"), pool, sink);
    REQUIRE(loaded.ok);
    const model::Page* note = nullptr;
    for (const auto& p : loaded.site.pages)
        if (p.source_path == "notes/new.md") note = &p;
    REQUIRE(note);
    CHECK(note->created == "2020-01-01");
    CHECK(note->updated == "2020-04-01");
    CHECK(note->date == "2020-01-01");  // no date anywhere else: the commit that added it
    std::vector<std::string> contributors, authors;
    for (const auto& r : note->contributors) contributors.push_back(r.text);
    for (const auto& r : note->authors) authors.push_back(r.text);
    // `git:` maps Ada, the .mailmap's name maps grace to Grace Hopper's page; the rest by name.
    CHECK(contributors == std::vector<std::string>{"ada", "grace", "Robert Jones", "Sam Stranger"});
    CHECK(authors == contributors);
    CHECK(loaded.snapshot.reference_date == "2020-04-01");  // HEAD's commit date, in its own zone (UTC says 2 April)
}

TEST_CASE("a built page shows its history, links and no e-mail address anywhere", "[history]") {
    RenamedNote memory;
    auto run = build_site(options_for(memory.dir, memory.tmp / "site"));
    REQUIRE(run.status == 0);
    auto site = read_tree(memory.tmp / "site");
    const std::string& page = site.at("notes/new/index.html");
    CHECK(page.find("<p>Created 1 January 2020 · last updated 1 April 2020 by <a href=\"../../people/ada/\">Ada "
                    "Okafor</a>, <a href=\"../../people/grace/\">Grace Hopper</a>, Robert Jones, Sam Stranger</p>") !=
          std::string::npos);
    CHECK(page.find("Revisions (4)") != std::string::npos);
    CHECK(page.find("<time datetime=\"2020-03-01\">2020-03-01</time> · Robert Jones · Move the note") !=
          std::string::npos);
    CHECK(page.find("href=\"https://github.com/org/memory/blob/main/notes/new.md\"") != std::string::npos);
    CHECK(page.find("href=\"https://github.com/org/memory/commits/main/notes/new.md\"") != std::string::npos);

    const std::string& changes = site.at("changes/index.html");
    for (const char* subject : {"Fix a typo, thanks sam", "Move the note", "Expand the note", "Start the memory"})
        CHECK(changes.find(subject) != std::string::npos);
    CHECK(changes.find("Move the note") < changes.find("Expand the note"));  // newest first
    CHECK(changes.find("<a href=\"../notes/new/\">The note</a>") != std::string::npos);

    const std::string& ada = site.at("people/ada/index.html");
    CHECK(ada.find("<h2>Contributions</h2>") != std::string::npos);
    CHECK(ada.find("<a href=\"../../notes/new/\">The note</a>") != std::string::npos);

    std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+)");
    for (const auto& [path, text] : site) {
        INFO(path);
        CHECK_FALSE(std::regex_search(text, email));
        CHECK(text.find("example.org") == std::string::npos);
        CHECK(text.find("oldmail.org") == std::string::npos);
        CHECK(text.find("elsewhere.net") == std::string::npos);
    }
}

TEST_CASE("merged work is dated when it was written; a merge that resolved a file is a revision", "[history]") {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    GitRepo repo(dir);
    Signature grace{"Grace Hopper", "grace@example.org", utc("2020-02-01"), 0};
    auto at = [](Signature s, const char* day) {
        s.time = utc(day);
        return s;
    };
    std::map<std::string, std::string> main_files = {{"notes/a.md", "# A\n"}, {"notes/c.md", "# C\n"}};
    std::string c1 = repo.commit(text_files(main_files), {}, at(kAda, "2020-01-01"), "Start");
    auto side_files = main_files;
    side_files["notes/b.md"] = "# B\n";
    side_files["notes/c.md"] = "# C\n\nside\n";
    std::string b1 = repo.commit(text_files(side_files), {c1}, grace, "Write b on a branch", "refs/heads/side");
    main_files["notes/a.md"] = "# A\n\nmore\n";
    main_files["notes/c.md"] = "# C\n\nmain\n";
    std::string c2 = repo.commit(text_files(main_files), {c1}, at(kAda, "2020-03-01"), "Edit a and c");
    auto merged = main_files;
    merged["notes/b.md"] = "# B\n";
    merged["notes/c.md"] = "# C\n\nmain and side\n";
    std::string m = repo.commit(text_files(merged), {c2, b1}, at(kAda, "2020-04-01"), "Merge branch 'side'");
    write_files(dir, merged);

    auto h = history_of(dir, {"notes/a.md", "notes/b.md", "notes/c.md"});
    CHECK(ids_of(h.find("notes/b.md")->revisions) == std::vector<std::string>{b1});
    CHECK(ids_of(h.find("notes/b.md")->revisions) == git_log(dir, "--format=%H -- notes/b.md"));
    CHECK(h.find("notes/b.md")->created()->date() == "2020-02-01");
    CHECK(h.find("notes/b.md")->updated()->date() == "2020-02-01");
    CHECK(ids_of(h.find("notes/a.md")->revisions) == std::vector<std::string>{c2, c1});
    CHECK(ids_of(h.find("notes/a.md")->revisions) == git_log(dir, "--format=%H -- notes/a.md"));
    CHECK(ids_of(h.find("notes/c.md")->revisions) == std::vector<std::string>{m, c2, b1, c1});
    CHECK(ids_of(h.find("notes/c.md")->revisions) == git_log(dir, "--format=%H -- notes/c.md"));
    // A commit's facts are held once, for every file it touched.
    CHECK(h.find("notes/a.md")->revisions[1].facts == h.find("notes/c.md")->revisions[3].facts);
    CHECK(h.find("notes/a.md")->revisions[0].facts == h.find("notes/c.md")->revisions[1].facts);
    CHECK(h.find("notes/a.md")->revisions[1].facts != h.find("notes/a.md")->revisions[0].facts);
    CHECK(ids_of(h.recent) == std::vector<std::string>{m, c2, b1, c1});
    CHECK(ids_of(h.recent) == git_log(dir, "--date-order --format=%H"));
    CHECK(h.recent[0].paths == std::vector<std::string>{"notes/c.md"});
    CHECK(h.recent[2].paths == std::vector<std::string>{"notes/b.md", "notes/c.md"});
}

TEST_CASE("many commits over nested folders: every file's history and every commit's paths as git log has them",
          "[history]") {
    // The pass compares folder by folder across all commits, then puts each commit's changes
    // back together: this history adds, edits and deletes files in many folders at once,
    // deletes a whole folder, and replaces a folder with a file of its name, so a change put
    // back under the wrong commit or path shows against git log.
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    GitRepo repo(dir);
    std::mt19937 random(20261122);
    const std::vector<std::string> folders = {
        "notes/a/2020/", "notes/a/2021/", "notes/b/2020/", "meetings/2020/01/", "meetings/2020/02/", "people/", ""};
    std::map<std::string, std::string> files = {{"commonplace.yaml", "title: Churn\n"}};
    std::set<std::string> deleted;  // never added again: a file's history starts where it was last added
    // Lines of random numbers: no two versions look alike, so git pairs no delete and add as a move.
    auto text = [&] {
        std::string out;
        for (int line = 0; line < 8; ++line) out += std::to_string(random()) + " " + std::to_string(random()) + "\n";
        return out;
    };
    std::vector<std::string> parents, commits;
    for (int n = 0; n < 60; ++n) {
        int edits = 1 + static_cast<int>(random() % 4);
        for (int k = 0; k < edits; ++k) {
            const std::string& folder = folders[random() % folders.size()];
            if (n >= 40 && folder == "people/") continue;  // a file has the name
            std::string path = folder + "f" + std::to_string(random() % 6) + ".md";
            if (deleted.count(path)) continue;
            if (files.count(path) && random() % 3 == 0) {
                files.erase(path);
                deleted.insert(path);
            } else {
                files[path] = text();
            }
        }
        auto delete_folder = [&](const std::string& folder) {
            for (auto it = files.begin(); it != files.end();)
                it = it->first.rfind(folder, 0) == 0 ? (deleted.insert(it->first), files.erase(it)) : std::next(it);
            for (int f = 0; f < 6; ++f) deleted.insert(folder + "f" + std::to_string(f) + ".md");
        };
        if (n == 30) delete_folder("notes/b/");
        if (n == 40) {  // the folder people/ becomes a file called people
            delete_folder("people/");
            files["people"] = "a file now\n";
        }
        Signature who{"Ada Okafor", "ada@example.org", utc("2020-01-01") + n * 3600, 0};
        commits.push_back(repo.commit(text_files(files), parents, who, "Commit " + std::to_string(n)));
        parents = {commits.back()};
    }
    std::vector<std::string> paths;
    for (const auto& [path, text] : files) paths.push_back(path);
    auto h = history_of(dir, paths);
    for (const auto& path : paths) {
        INFO(path);
        const auto* fh = h.find(path);
        REQUIRE(fh);
        if (path == "people")  // git log -- people would list the folder's commits too
            CHECK(ids_of(fh->revisions) == std::vector<std::string>{commits[40]});
        else
            CHECK(ids_of(fh->revisions) == git_log(dir, "--no-renames --format=%H -- '" + path + "'"));
    }
    REQUIRE(h.recent.size() == 60);
    auto ids = git_log(dir, "--format=%H");
    CHECK(ids_of(h.recent) == ids);
    for (std::size_t k = 0; k < ids.size(); ++k) {
        auto touched = git_log(dir, "-1 --no-renames --name-only --format= " + ids[k]);
        std::sort(touched.begin(), touched.end());
        INFO(ids[k]);
        CHECK(h.recent[k].paths == touched);
    }
}

TEST_CASE("a shallow clone builds: history stops at the graft, marked incomplete, no date made up", "[history]") {
    TempFolder tmp;
    fs::path src = tmp / "src", dir = tmp / "shallow";
    std::vector<std::string> c;
    {
        GitRepo repo(src);
        std::map<std::string, std::string> files = {{"notes/old.md", "# Old\n"}, {"people/ada.md", kAdaPerson}};
        c.push_back(repo.commit(text_files(files), {}, kAda, "Start"));
        files["notes/old.md"] = "# Old\n\nedited\n";
        c.push_back(repo.commit(text_files(files), {c.back()}, {"Ada Okafor", "ada@example.org", utc("2020-02-01"), 0},
                                "Edit"));
        files["notes/old.md"] = "# Old\n\nedited again\n";
        files["notes/fresh.md"] = "# Fresh\n";
        c.push_back(repo.commit(text_files(files), {c.back()}, {"Ada Okafor", "ada@example.org", utc("2020-03-01"), 0},
                                "Add fresh"));
        write_files(src, files);
    }
    shell("git clone -q --depth 2 'file://" + src.string() + "' '" + dir.string() + "' 2>&1");
    REQUIRE(fs::exists(dir / ".git" / "shallow"));

    auto h = history_of(dir, {"notes/fresh.md", "notes/old.md", "people/ada.md"});
    CHECK(h.available);
    CHECK(h.shallow);
    const auto* old = h.find("notes/old.md");
    REQUIRE(old);
    CHECK(old->incomplete);
    CHECK(ids_of(old->revisions) == std::vector<std::string>{c[2]});
    CHECK(h.find("notes/fresh.md")->incomplete == false);
    CHECK(ids_of(h.find("notes/fresh.md")->revisions) == std::vector<std::string>{c[2]});
    CHECK(h.find("people/ada.md")->incomplete);
    CHECK(h.find("people/ada.md")->revisions.empty());
    CHECK(ids_of(h.recent) == std::vector<std::string>{c[2], c[1]});
    CHECK(h.recent[1].paths.empty());  // the graft's changes are unknown

    auto run = build_site(options_for(dir, tmp / "site"));
    REQUIRE(run.status == 0);
    std::string page = read_file(tmp / "site" / "notes/old/index.html");
    CHECK(page.find("history is incomplete") != std::string::npos);
    CHECK(page.find("Created") == std::string::npos);
    CHECK(page.find("<p>Last updated 1 March 2020 by <a href=\"../../people/ada/\">Ada Okafor</a></p>") !=
          std::string::npos);
    std::string person = read_file(tmp / "site" / "people/ada/index.html");
    CHECK(person.find("Created") == std::string::npos);
    CHECK(person.find("Last updated") == std::string::npos);
    CHECK(read_file(tmp / "site" / "notes/fresh/index.html").find("<p>Created 1 March 2020") != std::string::npos);
}

TEST_CASE("a memory in a folder of a larger repository reads that folder's history", "[history]") {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    GitRepo repo(dir);
    std::map<std::string, std::string> files = {{"README.md", "# Project\n"},
                                                {"docs/memory/commonplace.yaml", "title: Inside\n"},
                                                {"docs/memory/notes/x.md", "# X\n"}};
    std::string c1 = repo.commit(text_files(files), {}, kAda, "Start");
    files["README.md"] = "# Project\n\nmore\n";
    std::string c2 =
        repo.commit(text_files(files), {c1}, {"Ada Okafor", "ada@example.org", utc("2020-02-01"), 0}, "Readme");
    files["docs/memory/notes/x.md"] = "# X\n\nmore\n";
    std::string c3 =
        repo.commit(text_files(files), {c2}, {"Ada Okafor", "ada@example.org", utc("2020-03-01"), 0}, "Edit x");
    write_files(dir, files);

    std::string error;
    auto found = source::Repository::find(dir / "docs" / "memory", error);
    REQUIRE(found);
    CHECK(found->prefix() == "docs/memory/");
    auto h = history_of(dir / "docs" / "memory", {"commonplace.yaml", "notes/x.md"});
    CHECK(ids_of(h.find("notes/x.md")->revisions) == std::vector<std::string>{c3, c1});
    CHECK(ids_of(h.recent) == std::vector<std::string>{c3, c1});
    CHECK(ids_of(h.recent) == git_log(dir, "--format=%H -- docs/memory"));
    CHECK(h.recent[0].paths == std::vector<std::string>{"notes/x.md"});
    CHECK(h.recent[1].paths == std::vector<std::string>{"commonplace.yaml", "notes/x.md"});
}

TEST_CASE("a repository with no commits, a detached HEAD and no repository all build", "[history]") {
    TempFolder tmp;
    const std::map<std::string, std::string> files = {{"notes/x.md", "# X\n"}};
    SECTION("no commits") {
        GitRepo repo(tmp / "repo");
        write_files(tmp / "repo", files);
        diag::Sink sink;
        parallel::Pool pool(2);
        auto loaded = site::load(options_for(tmp / "repo", tmp / "site"), pool, sink);
        CHECK(loaded.ok);
        CHECK_FALSE(loaded.site.history.available);
        auto run = build_site(options_for(tmp / "repo", tmp / "site"));
        CHECK(run.status == 0);
        CHECK(read_file(tmp / "site" / "changes/index.html").find("no git history yet") != std::string::npos);
    }
    SECTION("no repository") {
        write_files(tmp / "plain", files);
        auto run = build_site(options_for(tmp / "plain", tmp / "site"));
        CHECK(run.status == 0);
        CHECK(read_file(tmp / "site" / "notes/x/index.html").find("Created") == std::string::npos);
    }
    SECTION("detached HEAD") {
        GitRepo repo(tmp / "repo");
        std::string c1 = repo.commit(text_files(files), {}, kAda, "Start");
        repo.commit(text_files({{"notes/x.md", "# X\n\nlater\n"}}), {c1},
                    {"Ada Okafor", "ada@example.org", utc("2020-05-01"), 0}, "Later");
        repo.detach(c1);
        write_files(tmp / "repo", files);
        auto h = history_of(tmp / "repo", {"notes/x.md"});
        CHECK(ids_of(h.find("notes/x.md")->revisions) == std::vector<std::string>{c1});
        CHECK(build_site(options_for(tmp / "repo", tmp / "site")).status == 0);
    }
}

TEST_CASE("e-mail addresses are cut to their local part", "[history]") {
    CHECK(history::without_emails("ada@example.org") == "ada");
    CHECK(history::without_emails("Ada <ada.okafor+cp@mail.example.org>") == "Ada <ada.okafor+cp>");
    CHECK(history::without_emails("root@buildhost") == "root");
    CHECK(history::without_emails("thanks @ada, meet @ 5pm") == "thanks @ada, meet @ 5pm");
    CHECK(history::without_emails("a@b.c and d@e.f.") == "a and d.");
    CHECK(history::without_emails("") == "");
}
