// Reading the memory from git: --ref on a bare clone, the same site from a clean working
// tree and from HEAD, and trees holding what must never become a path.
#include <catch2/catch.hpp>

#include <set>

#include "git_fixture.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "source/git_tree.hpp"
#include "source/read_again.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

const Signature kAda{"Ada Okafor", "ada@example.org", utc("2020-01-01"), 0};

// Every path under `root` with its size and modification time: what "untouched" means.
std::map<std::string, std::string> listing(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        std::string what = e.is_regular_file() ? std::to_string(e.file_size()) : "dir";
        what += "@" + std::to_string(e.last_write_time().time_since_epoch().count());
        out[fs::relative(e.path(), root).generic_string()] = what;
    }
    return out;
}

site::BuildOptions with_ref(const fs::path& source, const fs::path& output, const std::string& ref) {
    auto o = options_for(source, output);
    o.ref = ref;
    return o;
}

// A memory at two moments: v1 (tagged) and HEAD.
struct TwoVersions {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    std::string v1, v2;
    std::map<std::string, std::string> files = {{"commonplace.yaml", "title: Memory\n"},
                                                {"notes/hello.md", "# Hello at v1\n\nText.\n"},
                                                {"people/ada.md", "---\ntitle: Ada Okafor\n---\nAda.\n"}};
    TwoVersions() {
        GitRepo repo(dir);
        v1 = repo.commit(text_files(files), {}, kAda, "First");
        repo.tag("v1", v1, true);
        files["notes/hello.md"] = "# Hello at v2\n\nText.\n";
        files["notes/later.md"] = "# Later\n";
        v2 = repo.commit(text_files(files), {v1}, {"Ada Okafor", "ada@example.org", utc("2020-06-01"), 0}, "Second");
        write_files(dir, files);
    }
};

}  // namespace

TEST_CASE("a build with --ref on a bare clone renders the memory as it was, and leaves the repository untouched",
          "[git_source]") {
    TwoVersions memory;
    fs::path bare = memory.tmp / "bare.git";
    bare_clone(memory.dir, bare);
    auto before = listing(bare);

    auto run = build_site(with_ref(bare, memory.tmp / "at-v1", "v1"));
    REQUIRE(run.status == 0);
    auto at_v1 = read_tree(memory.tmp / "at-v1");
    CHECK(at_v1.at("notes/hello/index.html").find("Hello at v1") != std::string::npos);
    CHECK(at_v1.count("notes/later/index.html") == 0);
    CHECK(at_v1.at("notes/hello/index.html").find("Created 1 January 2020") != std::string::npos);

    // The same commit by another name gives the same bytes.
    REQUIRE(build_site(with_ref(bare, memory.tmp / "parent", "HEAD~1")).status == 0);
    CHECK(read_tree(memory.tmp / "parent") == at_v1);
    REQUIRE(build_site(with_ref(bare, memory.tmp / "by-id", memory.v1)).status == 0);
    CHECK(read_tree(memory.tmp / "by-id") == at_v1);

    // A bare repository has no working tree: without --ref it builds HEAD.
    REQUIRE(build_site(options_for(bare, memory.tmp / "head")).status == 0);
    CHECK(read_file(memory.tmp / "head" / "notes/hello/index.html").find("Hello at v2") != std::string::npos);

    CHECK(listing(bare) == before);
}

TEST_CASE("a clean working tree and --ref HEAD give identical output", "[git_source]") {
    TwoVersions memory;
    REQUIRE(build_site(options_for(memory.dir, memory.tmp / "tree")).status == 0);
    REQUIRE(build_site(with_ref(memory.dir, memory.tmp / "ref", "HEAD")).status == 0);
    auto tree = read_tree(memory.tmp / "tree");
    CHECK(tree == read_tree(memory.tmp / "ref"));
    CHECK(tree.at("notes/later/index.html").find("Created 1 June 2020") != std::string::npos);

    // Uncommitted edits are read from the working tree, and only from there.
    write_file(memory.dir / "notes/hello.md", "# Hello, edited\n");
    REQUIRE(build_site(options_for(memory.dir, memory.tmp / "edited")).status == 0);
    CHECK(read_file(memory.tmp / "edited" / "notes/hello/index.html").find("Hello, edited") != std::string::npos);
    REQUIRE(build_site(with_ref(memory.dir, memory.tmp / "ref2", "HEAD")).status == 0);
    CHECK(read_tree(memory.tmp / "ref2") == tree);
}

TEST_CASE("the snapshot at a ref carries the commit and its date", "[git_source]") {
    TwoVersions memory;
    diag::Sink sink;
    parallel::Pool pool(2);
    auto loaded = site::load(with_ref(memory.dir, memory.tmp / "site", "v1"), pool, sink);
    REQUIRE(loaded.ok);
    CHECK(loaded.snapshot.commit == memory.v1);
    CHECK(loaded.snapshot.reference_date == "2020-01-01");
    // The working tree's "today" is HEAD's date, so every clone builds the same site.
    auto tree = site::load(options_for(memory.dir, memory.tmp / "site"), pool, sink);
    CHECK_FALSE(tree.snapshot.commit);
    CHECK(tree.snapshot.reference_date == "2020-06-01");
}

TEST_CASE("a --ref that names nothing, or no repository, stops with a clear message", "[git_source]") {
    TwoVersions memory;
    auto run = build_site(with_ref(memory.dir, memory.tmp / "site", "v9"));
    CHECK(run.status == 1);
    CHECK(run.messages.find("--ref v9: no commit, tag or branch of that name in the repository") != std::string::npos);
    CHECK_FALSE(fs::exists(memory.tmp / "site"));

    write_files(memory.tmp / "plain", {{"notes/x.md", "# X\n"}});
    run = build_site(with_ref(memory.tmp / "plain", memory.tmp / "site", "v1"));
    CHECK(run.status == 1);
    CHECK(run.messages.find("--ref needs a git repository") != std::string::npos);
}

TEST_CASE("tree entries that could escape, links, submodules, LFS pointers and big blobs", "[git_source]") {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    GitRepo repo(dir);
    const std::string lfs = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a2146\nsize 123456\n";
    Files files = text_files({{"notes/ok.md", "# OK\n"},
                              {"notes/..", "dot dot"},
                              {"notes/.git/config", "[core]\n"},
                              {"notes/.GIT", "upper"},
                              {"notes/a\x01"
                               "b.md",
                               "# slash\n"},
                              {"notes/big.md", std::string(300, 'x')},
                              {"notes/lfs.md", lfs},
                              {"assets/photo.png", lfs}});
    files["notes/link.md"] = Entry{"../../secret.md", 0120000};
    files["vendor/lib"] = Entry{"4b825dc642cb6eb9a060e54bf8d69288fbee4904", 0160000};
    std::string head = repo.commit(files, {}, kAda, "Awkward");

    std::string error;
    auto found = source::Repository::find(dir, error);
    REQUIRE(found);
    diag::Sink sink;
    source::ReadOptions options;
    options.max_file_size = 200;
    auto snap = source::read_git_tree(*found, head, options, sink);
    std::vector<std::string> paths;
    for (const auto& f : snap.files) paths.push_back(f.path);
    CHECK(paths == std::vector<std::string>{"assets/photo.png", "notes/big.md", "notes/lfs.md", "notes/ok.md"});
    CHECK(snap.find("notes/big.md")->too_large);
    CHECK(snap.find("notes/big.md")->size == 300);
    CHECK(snap.find("notes/big.md")->content.empty());
    CHECK(snap.find("notes/lfs.md")->lfs_pointer);
    CHECK(snap.find("assets/photo.png")->lfs_pointer);
    CHECK_FALSE(snap.find("notes/ok.md")->lfs_pointer);

    std::vector<std::string> warnings;
    for (const auto& d : sink.sorted()) warnings.push_back(d.path + ": " + d.message);
    CHECK(warnings ==
          std::vector<std::string>{
              "notes/..: tree entry named '..' refused: a name like this could write outside the output folder",
              "notes/.GIT: tree entry named '.GIT' refused: a name like this could write outside the output folder",
              "notes/.git: tree entry named '.git' refused: a name like this could write outside the output folder",
              "notes/a/b.md: tree entry named 'a/b.md' refused: a name like this could write outside the output folder",
              "notes/link.md: symbolic link skipped: links are never followed",
              "vendor/lib: submodule skipped: its files live in another repository"});

    // The whole build, with the default size limit (4 MiB)...
    auto run = build_site(with_ref(dir, tmp / "site", "HEAD"));
    CHECK(run.status == 0);
    auto site = read_tree(tmp / "site");
    CHECK(site.at("notes/lfs/index.html").find("stored in Git LFS") != std::string::npos);
    CHECK(site.count("notes/ok/index.html") == 1);
    // ...and nothing is ever written outside the output folder.
    std::set<std::string> top;
    for (const auto& e : fs::directory_iterator(tmp.path())) top.insert(e.path().filename().string());
    CHECK(top == std::set<std::string>{"repo", "site"});
}

TEST_CASE("a blob over the configured size limit stops the build, read from its header only", "[git_source]") {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    GitRepo repo(dir);
    repo.commit(text_files({{"commonplace.yaml", "max_file_size: 100\n"}, {"notes/big.md", std::string(500, 'x')}}), {},
                kAda, "Big");
    auto run = build_site(with_ref(dir, tmp / "site", "HEAD"));
    CHECK(run.status == 1);
    CHECK(run.messages.find("notes/big.md") != std::string::npos);
    CHECK(run.messages.find("file is 500 bytes, over the limit of 100 bytes") != std::string::npos);
}

TEST_CASE("a submodule in the working tree is skipped like one in a commit", "[git_source]") {
    TempFolder tmp;
    write_files(tmp / "memory",
                {{"notes/x.md", "# X\n"}, {"vendor/lib/notes/y.md", "# Y\n"}, {"vendor/lib/.git", "gitdir: ../x\n"}});
    auto run = build_site(options_for(tmp / "memory", tmp / "site"));
    CHECK(run.status == 0);
    CHECK_FALSE(fs::exists(tmp / "site" / "notes/y/index.html"));
    CHECK(fs::exists(tmp / "site" / "notes/x/index.html"));
}

TEST_CASE("a build lets go of each page's text once it is read, and quotes problems from the file read again",
          "[git_source]") {
    TwoVersions memory;
    const std::string at_commit = "# Hello at v1\n\nText.\n";
    // The working tree's file now has a broken link on its third line; v1's had none.
    write_file(memory.dir / "notes/hello.md", "---\ntitle: Hello\n---\nSee [[nowhere-at-all]] for more.\n");

    SECTION("the working tree: the text is let go, the line quoted from the file on disk") {
        diag::Sink sink;
        parallel::Pool pool(2);
        auto loaded = site::load(options_for(memory.dir, memory.tmp / "out"), pool, sink);
        const source::SourceFile* file = loaded.snapshot.find("notes/hello.md");
        REQUIRE(file);
        CHECK(file->text_let_go);
        CHECK(file->content.empty());
        CHECK(source::ReadAgain(loaded.snapshot).text_of(*file) ==
              "---\ntitle: Hello\n---\nSee [[nowhere-at-all]] for more.\n");
        // Files that are no page keep their text.
        CHECK_FALSE(loaded.snapshot.find("commonplace.yaml")->text_let_go);

        auto run = build_site(options_for(memory.dir, memory.tmp / "site"));
        CHECK(run.status == 0);  // a broken link is a warning: the build goes on
        CHECK(run.messages.find("notes/hello.md:4:5:") != std::string::npos);
        CHECK(run.messages.find("    See [[nowhere-at-all]] for more.\n") != std::string::npos);

        // Saved again since it was read: no line is quoted rather than another file's words.
        write_file(memory.dir / "notes/hello.md", "---\ntitle: Hello\n---\nOther words now.\n");
        CHECK_FALSE(source::ReadAgain(loaded.snapshot).text_of(*file));
    }
    SECTION("a public build keeps the front matter, which its audit reads") {
        auto options = options_for(memory.dir, memory.tmp / "out");
        options.audience = audience::Audience::Public;
        diag::Sink sink;
        parallel::Pool pool(2);
        auto loaded = site::load(options, pool, sink);
        const source::SourceFile* file = loaded.snapshot.find("notes/hello.md");
        REQUIRE(file);
        CHECK(file->text_let_go);
        CHECK(file->content == "---\ntitle: Hello\n---\n");
        CHECK(source::ReadAgain(loaded.snapshot).text_of(*file) ==
              "---\ntitle: Hello\n---\nSee [[nowhere-at-all]] for more.\n");
    }
    SECTION("--ref: read again from the commit's tree, whatever the working tree holds") {
        write_file(memory.dir / "notes/later.md", "# Later\n\nSee [[nowhere-at-all]].\n");
        diag::Sink sink;
        parallel::Pool pool(2);
        auto loaded = site::load(with_ref(memory.dir, memory.tmp / "out", "v1"), pool, sink);
        const source::SourceFile* file = loaded.snapshot.find("notes/hello.md");
        REQUIRE(file);
        CHECK(file->text_let_go);
        CHECK(source::ReadAgain(loaded.snapshot).text_of(*file) == at_commit);

        // HEAD's later.md has no broken link; the working tree's has. The commit's line is quoted.
        GitRepo repo = GitRepo::open(memory.dir);
        auto files = memory.files;
        files["notes/later.md"] = "# Later\n\nSee [[gone-at-head]].\n";
        repo.commit(text_files(files), {memory.v2}, kAda, "Third");
        auto run = build_site(with_ref(memory.dir, memory.tmp / "site", "HEAD"));
        CHECK(run.status == 0);  // a broken link is a warning: the build goes on
        CHECK(run.messages.find("    See [[gone-at-head]].\n") != std::string::npos);
        CHECK(run.messages.find("nowhere-at-all") == std::string::npos);
    }
}
