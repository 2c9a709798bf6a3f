#pragma once
// What one commit changed in the memory's folder: its tree compared with its first
// parent's, descending only into folders whose ids differ (most commits touch a few
// files among thousands), with renames found as git finds them.
#include <git2.h>

#include <cstring>
#include <string>
#include <vector>

namespace cp::history {

// Object ids as keys of hash maps: the id's first bytes are already a good hash.
struct OidHash {
    std::size_t operator()(const git_oid& o) const {
        std::size_t h;
        std::memcpy(&h, o.id, sizeof h);
        return h;
    }
};
struct OidEq {
    bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_equal(&a, &b) != 0; }
};


struct Change {
    git_delta_t status = GIT_DELTA_MODIFIED;  // GIT_DELTA_ADDED, _DELETED, _MODIFIED or _RENAMED
    std::string old_path;                     // memory-relative; empty when added
    std::string new_path;                     // memory-relative; empty when deleted
    git_oid old_id{}, new_id{};
};

class ChangeFinder {
public:
    // `prefix` is the memory's folder in the repository: "" or "docs/memory/".
    ChangeFinder(git_repository* repo, std::string prefix) : repo_(repo), prefix_(std::move(prefix)) {}
    // The changes `commit` made against `parent` (nullptr for a root commit: everything is
    // added), sorted by path. Submodules are left out. Renames: pairs with the same content
    // first, then libgit2's similarity on the added and deleted files left. False when an
    // object cannot be read (libgit2's error then says which).
    bool changes(git_commit* commit, git_commit* parent, std::vector<Change>& out) const;
    // The repository path of a memory-relative path.
    std::string repo_path(const std::string& path) const { return prefix_ + path; }

private:
    bool folder_of(git_commit* commit, git_tree** out) const;
    bool compare(const git_tree* before, const git_tree* after, const std::string& base, std::vector<Change>& out) const;
    void find_similar(git_commit* commit, git_commit* parent, std::vector<Change>& out) const;

    git_repository* repo_;
    std::string prefix_;
};

}  // namespace cp::history
