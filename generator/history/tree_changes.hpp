#pragma once
// What one commit changed in the memory's folder: its tree compared with its first
// parent's, descending only into folders whose ids differ (most commits touch a few
// files among thousands), with renames found as git finds them.
#include <git2.h>

#include <cstring>
#include <string>
#include <vector>

#include "source/git_tree.hpp"

namespace cp::history {

// Object ids as keys of hash maps (source/git_tree.hpp).
using source::OidEq;
using source::OidHash;

struct Change {
    git_delta_t status = GIT_DELTA_MODIFIED;  // GIT_DELTA_ADDED, _DELETED, _MODIFIED or _RENAMED
    std::string old_path;                     // memory-relative; empty when added
    std::string new_path;                     // memory-relative; empty when deleted
    git_oid old_id{}, new_id{};
};

// What one commit changed, as ChangeFinder::changes_of finds it.
struct CommitChanges {
    bool ok = true;     // false: an object could not be read, and `error` says which
    std::string error;  // libgit2's message
    std::vector<Change> changes;
};

// A commit and its first parent (nullptr for a root commit), to be compared.
struct CommitPair {
    git_commit* commit = nullptr;
    git_commit* parent = nullptr;
};

class ChangeFinder {
public:
    // `prefix` is the memory's folder in the repository: "" or "docs/memory/".
    ChangeFinder(git_repository* repo, std::string prefix) : repo_(repo), prefix_(std::move(prefix)) {}
    // The changes each commit made against its parent (nullptr for a root commit: everything
    // is added), sorted by path. Submodules are left out. Renames: pairs with the same content
    // first, then libgit2's similarity on the added and deleted files left. A commit whose
    // objects cannot be read is marked not ok, with libgit2's error. The work is done folder by
    // folder rather than commit by commit: each folder's successive versions are compared one
    // after the other, so libgit2 reads each version as a small delta on the one it just read.
    // Commit by commit, the reads jump between hundreds of folders, libgit2's small delta
    // cache forgets them, and each read rebuilds a long delta chain: at 25,000 commits that
    // made the history pass three times slower than git log.
    std::vector<CommitChanges> changes_of(const std::vector<CommitPair>& pairs) const;
    // The repository path of a memory-relative path.
    std::string repo_path(const std::string& path) const { return prefix_ + path; }

private:
    // The id of the memory's folder in a commit; `present` false when the commit has none.
    bool folder_of(git_commit* commit, git_oid* out, bool* present) const;
    void find_renames(git_commit* commit, git_commit* parent, std::vector<Change>& out) const;
    void find_similar(git_commit* commit, git_commit* parent, std::vector<Change>& out) const;

    git_repository* repo_;
    std::string prefix_;
};

}  // namespace cp::history
