#include "history/versions.hpp"

#include <git2.h>


#include "parallel/parallel_for.hpp"
#include "source/git_tree.hpp"

namespace cp::history {

namespace {

using source::GitPtr;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using DiffPtr = GitPtr<git_diff, git_diff_free>;

TreePtr tree_of(git_commit* commit) {
    git_tree* tree = nullptr;
    if (git_commit_tree(&tree, commit) != 0) return TreePtr();
    return TreePtr(tree);
}

// The plain file at `path` in `tree`, or nothing.
EntryPtr file_entry(git_tree* tree, const std::string& path) {
    git_tree_entry* e = nullptr;
    if (!tree || git_tree_entry_bypath(&e, tree, path.c_str()) != 0) return EntryPtr();
    EntryPtr entry(e);
    auto mode = git_tree_entry_filemode(e);
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return EntryPtr();
    return entry;
}

// The path (repository-relative) that `path` had in `old_tree`, when the change from it to
// `new_tree` renamed it; empty when it was not a rename (the file was added there).
std::string renamed_from(git_repository* repo, git_tree* old_tree, git_tree* new_tree, const std::string& path) {
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.flags = GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_IGNORE_SUBMODULES;
    git_diff* d = nullptr;
    if (git_diff_tree_to_tree(&d, repo, old_tree, new_tree, &options) != 0) return {};
    DiffPtr diff(d);
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(d, &find) != 0) return {};
    for (std::size_t k = 0, n = git_diff_num_deltas(d); k < n; ++k) {
        const git_diff_delta* delta = git_diff_get_delta(d, k);
        if (delta->status == GIT_DELTA_RENAMED && path == delta->new_file.path) return delta->old_file.path;
    }
    return {};
}

// One file's versions, newest first, its name followed back through renames.
std::vector<std::optional<FileVersion>> versions_of(const source::Repository& repo, const VersionRequest& request,
                                                    std::uintmax_t max_size) {
    const std::string& prefix = repo.prefix();
    std::vector<std::optional<FileVersion>> out(request.commits.size());
    std::string path = prefix + request.path;  // repository-relative, as it was at the commit being read
    for (std::size_t k = 0; k < request.commits.size(); ++k) {
        git_oid oid;
        git_commit* raw = nullptr;
        if (git_oid_fromstr(&oid, request.commits[k].c_str()) != 0 || git_commit_lookup(&raw, repo.handle(), &oid) != 0)
            continue;
        CommitPtr commit(raw);
        TreePtr tree = tree_of(commit.get());
        EntryPtr entry = file_entry(tree.get(), path);
        if (!entry) continue;
        git_blob* blob = nullptr;
        if (git_blob_lookup(&blob, repo.handle(), git_tree_entry_id(entry.get())) == 0) {
            BlobPtr owned(blob);
            auto size = static_cast<std::uintmax_t>(git_blob_rawsize(blob));
            if (size <= max_size && path.compare(0, prefix.size(), prefix) == 0)
                out[k] = FileVersion{path.substr(prefix.size()),
                                     std::string(static_cast<const char*>(git_blob_rawcontent(blob)), size)};
        }
        // The oldest revision needs no look further back; otherwise, a name the first parent
        // does not have came from a rename (or the file was added there, and nothing is older).
        if (k + 1 == request.commits.size() || git_commit_parentcount(commit.get()) == 0) continue;
        git_commit* parent_raw = nullptr;
        if (git_commit_parent(&parent_raw, commit.get(), 0) != 0) continue;
        CommitPtr parent(parent_raw);
        TreePtr parent_tree = tree_of(parent.get());
        if (file_entry(parent_tree.get(), path)) continue;
        std::string from = renamed_from(repo.handle(), parent_tree.get(), tree.get(), path);
        if (!from.empty()) path = from;
    }
    return out;
}

}  // namespace

std::vector<std::vector<std::optional<FileVersion>>> read_versions(const std::filesystem::path& folder,
                                                                   const std::vector<VersionRequest>& requests,
                                                                   std::uintmax_t max_size, unsigned jobs) {
    std::vector<std::vector<std::optional<FileVersion>>> out(requests.size());
    if (requests.empty()) return out;
    // Files in slices, each slice with its own repository object; more slices than threads,
    // so a slice of long histories does not leave the other cores idle.
    jobs = std::max(1u, jobs);
    const std::size_t slices = std::min<std::size_t>(requests.size(), std::size_t{jobs} * 4);
    parallel::parallel_for(slices, jobs, [&](std::size_t s) {
        std::string error;
        auto repo = source::Repository::find(folder, error);
        if (!repo) return;
        for (std::size_t i = s; i < requests.size(); i += slices) out[i] = versions_of(*repo, requests[i], max_size);
    });
    return out;
}

}  // namespace cp::history
