// Reading a tree object's bytes in place: the same entries, modes, ids and order as
// libgit2's own parse of the same tree, and malformed bytes refused rather than misread.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "git_fixture.hpp"
#include "history/raw_tree.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

// The bytes of the tree object `id`, as git stores it.
std::string tree_bytes(git_repository* repo, const git_oid& id) {
    git_odb* odb = nullptr;
    REQUIRE(git_repository_odb(&odb, repo) == 0);
    git_odb_object* object = nullptr;
    REQUIRE(git_odb_read(&object, odb, &id) == 0);
    std::string out(static_cast<const char*>(git_odb_object_data(object)), git_odb_object_size(object));
    git_odb_object_free(object);
    git_odb_free(odb);
    return out;
}

std::vector<history::RawEntry> read_all(history::RawTreeReader& reader) {
    std::vector<history::RawEntry> out;
    history::RawEntry e;
    while (reader.next(e)) out.push_back(e);
    return out;
}

}  // namespace

TEST_CASE("a tree's bytes read in place give libgit2's entries, in git's order", "[history]") {
    TempFolder tmp;
    GitRepo repo(tmp / "repo");
    // Names chosen for git's order: "a.md" < "a/" (a folder sorts as if it ended in '/') < "a0".
    Files files = {
        {"a.md", Entry{"file\n"}},        {"a/inside.md", Entry{"inside\n"}},
        {"a0", Entry{"zero\n"}},          {"run.sh", Entry{"#!/bin/sh\n", 0100755}},
        {"link", Entry{"a.md", 0120000}}, {"vendor", Entry{"0123456789abcdef0123456789abcdef01234567", 0160000}}};
    std::string commit_id = repo.commit(files, {}, {"Ada", "ada@example.org", utc("2020-01-01"), 0}, "Start");
    git_oid oid;
    REQUIRE(git_oid_fromstr(&oid, commit_id.c_str()) == 0);
    git_commit* commit = nullptr;
    REQUIRE(git_commit_lookup(&commit, repo.get(), &oid) == 0);
    git_tree* tree = nullptr;
    REQUIRE(git_commit_tree(&tree, commit) == 0);

    std::string bytes = tree_bytes(repo.get(), *git_tree_id(tree));
    history::RawTreeReader reader(bytes);
    auto entries = read_all(reader);
    CHECK_FALSE(reader.malformed());
    REQUIRE(entries.size() == git_tree_entrycount(tree));
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const git_tree_entry* expected = git_tree_entry_byindex(tree, i);
        INFO(git_tree_entry_name(expected));
        CHECK(entries[i].name == git_tree_entry_name(expected));
        CHECK(entries[i].mode == git_tree_entry_filemode(expected));
        git_oid id = entries[i].oid();
        CHECK(git_oid_equal(&id, git_tree_entry_id(expected)));
        if (i > 0) CHECK(history::git_order(entries[i - 1], entries[i]) < 0);
        CHECK(history::git_order(entries[i], entries[i]) == 0);
    }
    std::vector<std::string> names;
    for (const auto& e : entries) names.emplace_back(e.name);
    CHECK(names == std::vector<std::string>{"a.md", "a", "a0", "link", "run.sh", "vendor"});
    CHECK(entries[1].is_tree());
    CHECK(entries[5].is_submodule());
    CHECK(entries[4].mode == GIT_FILEMODE_BLOB_EXECUTABLE);
    CHECK(entries[3].mode == GIT_FILEMODE_LINK);
    git_tree_free(tree);
    git_commit_free(commit);
}

TEST_CASE("bytes that are not a tree are refused, not misread", "[history]") {
    const std::string id(GIT_OID_RAWSZ, 'x');
    const std::string good = "100644 a.md" + std::string(1, '\0') + id;
    for (const std::string& bad : {
             std::string("100644 a.md") + std::string(1, '\0') + id.substr(0, 19),  // a short id
             std::string("100644 a.md"),                                            // no end to the name
             " a.md" + std::string(1, '\0') + id,                                   // no mode
             "10x644 a.md" + std::string(1, '\0') + id,                             // not octal
             "1777777 a.md" + std::string(1, '\0') + id,                            // over 16 bits
         }) {
        INFO(bad);
        const std::string bytes = good + bad;
        history::RawTreeReader reader(bytes);
        auto entries = read_all(reader);
        CHECK(entries.size() == 1);  // the good entry before it
        CHECK(reader.malformed());
    }
    history::RawTreeReader empty("");
    CHECK(read_all(empty).empty());
    CHECK_FALSE(empty.malformed());
}
