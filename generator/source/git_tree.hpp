#pragma once
// Reads a memory from git through libgit2 (never by running `git`): the repository
// is found as git finds it, and a commit's tree is read with no checkout, so a bare
// repository works and the repository is left untouched.
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "source/snapshot.hpp"

#include <git2/oid.h>

struct git_repository;

namespace cp::source {

// Frees a libgit2 object when it goes out of scope: GitPtr<git_tree, git_tree_free>.
template <class T, void (*Free)(T*)>
struct GitFree {
    void operator()(T* p) const { Free(p); }
};
template <class T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitFree<T, Free>>;

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

// An open repository and where the memory's folder sits inside it.
class Repository {
public:
    // Opens the repository holding `folder` the way git finds it: the folder itself (a bare
    // repository too) or its nearest parent with a .git. Nothing when there is none, and
    // nothing with `error` set when one is there but cannot be opened.
    static std::unique_ptr<Repository> find(const std::filesystem::path& folder, std::string& error);
    ~Repository();
    Repository(const Repository&) = delete;
    Repository& operator=(const Repository&) = delete;

    git_repository* handle() const { return repo_; }
    // The memory's folder inside the repository: "" at its top, else "docs/memory/" (slash included).
    const std::string& prefix() const { return prefix_; }
    // The folder it was found from.
    const std::filesystem::path& folder() const { return folder_; }
    bool bare() const;
    // True for a shallow clone: the history stops at a graft.
    bool shallow() const;
    // The commit (40 hex digits) that a branch, tag, id or expression such as HEAD~2 names;
    // nothing, with `error` set to a sentence, when it names no commit.
    std::optional<std::string> resolve(const std::string& ref, std::string& error) const;
    // HEAD's commit; nothing for a repository with no commits yet.
    std::optional<std::string> head() const;
    // A commit's date as YYYY-MM-DD, in the committer's own time zone; empty when it cannot be read.
    std::string commit_date(const std::string& commit) const;
    // The bytes of one memory file at a commit; nothing when it is absent, not a plain file,
    // or over `max_size` bytes (checked from the object header before it is read).
    std::optional<std::string> read_file(const std::string& commit, const std::string& path,
                                         std::uintmax_t max_size) const;
    // The path of every file read_git_tree() would read at a commit, without reading them.
    std::vector<std::string> file_paths(const std::string& commit) const;

private:
    Repository(git_repository* repo, std::string prefix, std::filesystem::path folder)
        : repo_(repo), prefix_(std::move(prefix)), folder_(std::move(folder)) {}
    git_repository* repo_;
    std::string prefix_;
    std::filesystem::path folder_;
};

// YYYY-MM-DD of a git time (seconds since 1970 and the writer's offset in minutes),
// as the writer's own calendar showed it, like `git log --date=short`.
std::string git_day(std::int64_t seconds, int offset_minutes);

// True for a tree entry name that must never become a path: "", ".", "..", ".git" in any
// case, or a name holding '/', '\\' or a NUL byte.
bool is_unsafe_entry_name(std::string_view name);

// Reads every file of the memory's folder from a commit's tree: ignored names skipped;
// unsafe names refused, submodules and symbolic links skipped, each with a warning;
// text files over the size limit flagged `too_large` without being read; Git LFS pointers
// flagged. reference_date is the commit's date and `commit` its id. A commit that cannot
// be read is an error in the sink and an empty snapshot; so is a tree that names more paths or
// bytes than options.max_paths and max_bytes (a tree that reuses its folders).
Snapshot read_git_tree(const Repository& repo, const std::string& commit, const ReadOptions& options, diag::Sink& sink);

}  // namespace cp::source
