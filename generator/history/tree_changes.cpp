#include "history/tree_changes.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "history/raw_tree.hpp"
#include "source/git_tree.hpp"

namespace cp::history {

namespace {

using source::GitPtr;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using DiffPtr = GitPtr<git_diff, git_diff_free>;

bool is_tree(const git_tree_entry* e) { return git_tree_entry_filemode(e) == GIT_FILEMODE_TREE; }

// Git does not pair empty files as renames: they all share this id.
bool is_empty_blob(const git_oid& id) {
    static const char* const kEmpty = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
    return git_oid_streq(&id, kEmpty) == 0;
}

std::string_view base_name(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Pairs each added file with a deleted file of the same content: a move. Empty files are never paired.
void exact_renames(std::vector<Change>& changes, std::vector<bool>& gone) {
    std::unordered_map<git_oid, std::vector<std::size_t>, OidHash, OidEq> deleted;
    for (std::size_t k = 0; k < changes.size(); ++k)
        if (changes[k].status == GIT_DELTA_DELETED && !is_empty_blob(changes[k].old_id))
            deleted[changes[k].old_id].push_back(k);
    if (deleted.empty()) return;
    for (auto& added : changes) {
        if (added.status != GIT_DELTA_ADDED) continue;
        auto it = deleted.find(added.new_id);
        if (it == deleted.end() || it->second.empty()) continue;
        auto& candidates = it->second;
        // Several deleted copies: prefer the one with the same file name, as git does.
        auto pick = std::find_if(candidates.begin(), candidates.end(), [&](std::size_t k) {
            return base_name(changes[k].old_path) == base_name(added.new_path);
        });
        if (pick == candidates.end()) pick = candidates.begin();
        const Change& from = changes[*pick];
        added.status = GIT_DELTA_RENAMED;
        added.old_path = from.old_path;
        added.old_id = from.old_id;
        gone[*pick] = true;
        candidates.erase(pick);
    }
}

// Removes the changes marked gone, keeping the order of the rest.
void drop(std::vector<Change>& changes, const std::vector<bool>& gone) {
    std::size_t kept = 0;
    for (std::size_t k = 0; k < changes.size(); ++k) {
        if (gone[k]) continue;
        if (kept != k) changes[kept] = std::move(changes[k]);  // never move a string onto itself
        ++kept;
    }
    changes.resize(kept);
}

}  // namespace

bool ChangeFinder::folder_of(git_commit* commit, git_oid* out, bool* present) const {
    *present = false;
    if (prefix_.empty()) {  // the commit's own tree: its id is in the commit, nothing to read
        *out = *git_commit_tree_id(commit);
        *present = true;
        return true;
    }
    git_tree* root = nullptr;
    if (git_commit_tree(&root, commit) != 0) return false;
    TreePtr owned(root);
    git_tree_entry* e = nullptr;
    int rc = git_tree_entry_bypath(&e, root, prefix_.substr(0, prefix_.size() - 1).c_str());
    if (rc == GIT_ENOTFOUND) return true;  // no memory folder in this commit: an empty one
    if (rc != 0) return false;
    EntryPtr entry(e);
    if (!is_tree(e)) return true;
    *out = *git_tree_entry_id(e);
    *present = true;
    return true;
}

namespace {

// A folder's two versions to compare for one commit; a side is missing where the folder was
// added or deleted.
struct FolderJob {
    std::uint32_t pair = 0;
    git_oid before{}, after{};
    bool has_before = false, has_after = false;
};

// One folder's path and its versions to compare, in commit order.
struct Folder {
    std::string path;  // memory-relative: "" or "notes/2024/"
    std::vector<FolderJob> jobs;
};

// The folders still to compare, each found while comparing its parent folder.
class FolderQueue {
public:
    std::vector<FolderJob>& jobs_of(const std::string& path) {
        auto [it, fresh] = index_.try_emplace(path, folders_.size());
        if (fresh) folders_.push_back(Folder{path, {}});
        return folders_[it->second].jobs;
    }
    std::size_t size() const { return folders_.size(); }
    // Takes the k-th folder's jobs; the queue may grow while they are done.
    Folder take(std::size_t k) { return std::move(folders_[k]); }

private:
    std::vector<Folder> folders_;
    std::unordered_map<std::string, std::size_t> index_;
};

using ObjectPtr = GitPtr<git_odb_object, git_odb_object_free>;

// A tree's bytes as git stores them, held for as long as the handle lives: the cache below
// may drop its own reference to make room meanwhile without the bytes going away.
class StoredTree {
public:
    StoredTree() = default;
    explicit StoredTree(ObjectPtr object) : object_(std::move(object)) {}
    explicit operator bool() const { return object_ != nullptr; }
    std::string_view bytes() const {
        if (!object_) return {};
        return {static_cast<const char*>(git_odb_object_data(object_.get())), git_odb_object_size(object_.get())};
    }

private:
    ObjectPtr object_;
};

// The last few trees read, as git stores them: a folder's version that is both a commit's
// parent's and the next commit's own is read once. Each fetch gives its own reference
// (libgit2 counts them), never a view into a slot: fetching a job's second tree can reuse
// the slot that holds its first (issue #14: a view into that slot was then read after the
// object was freed, and another tree's bytes were compared as "a tree object is malformed").
class RecentTrees {
public:
    explicit RecentTrees(git_repository* repo) {
        git_odb* odb = nullptr;
        if (git_repository_odb(&odb, repo) == 0) odb_.reset(odb);
    }
    // The tree; empty when it cannot be read or is not a tree (libgit2's error says why).
    StoredTree get(const git_oid& id) {
        for (auto& slot : slots_)
            if (slot.object && git_oid_equal(&slot.id, &id)) return share(slot.object.get());
        git_odb_object* object = nullptr;
        if (!odb_ || git_odb_read(&object, odb_.get(), &id) != 0) return {};
        ObjectPtr owned(object);
        if (git_odb_object_type(object) != GIT_OBJECT_TREE) {
            git_error_set_str(GIT_ERROR_OBJECT,
                              ("object " + std::string(git_oid_tostr_s(&id)) + " is not a tree").c_str());
            return {};
        }
        Slot& slot = slots_[next_++ % slots_.size()];
        slot.id = id;
        slot.object = std::move(owned);
        return share(object);
    }

private:
    static StoredTree share(git_odb_object* object) {
        git_odb_object* copy = nullptr;
        git_odb_object_dup(&copy, object);  // a count of references: it cannot fail
        return StoredTree(ObjectPtr(copy));
    }
    struct Slot {
        git_oid id{};
        ObjectPtr object;
    };
    GitPtr<git_odb, git_odb_free> odb_;
    std::array<Slot, 4> slots_;
    std::size_t next_ = 0;
};

// The path a change is sorted by.
const std::string& path_of(const Change& c) { return c.status == GIT_DELTA_DELETED ? c.old_path : c.new_path; }

// Compares one level of a folder's two versions: files become changes, changed subfolders
// become jobs for later. False when either version's bytes are not a tree.
bool compare_level(std::string_view before, std::string_view after, const std::string& base, std::uint32_t pair,
                   FolderQueue& queue, std::vector<Change>& out, std::size_t& emitted) {
    // One side of a pair: a file added or deleted, or a whole folder of them.
    auto one_side = [&](const RawEntry& e, bool added) {
        if (e.is_submodule()) return;
        ++emitted;
        std::string path = base;
        path += e.name;
        if (e.is_tree()) {
            FolderJob job;
            job.pair = pair;
            (added ? job.after : job.before) = e.oid();
            (added ? job.has_after : job.has_before) = true;
            queue.jobs_of(path + "/").push_back(job);
            return;
        }
        Change c;
        c.status = added ? GIT_DELTA_ADDED : GIT_DELTA_DELETED;
        (added ? c.new_path : c.old_path) = std::move(path);
        (added ? c.new_id : c.old_id) = e.oid();
        out.push_back(std::move(c));
    };
    RawTreeReader rb(before), ra(after);
    RawEntry b, a;
    bool has_b = rb.next(b), has_a = ra.next(a);
    bool just_differed = false;
    while (has_b || has_a) {
        if (has_b && has_a && b.bytes == a.bytes) {  // the same entry: the same name, mode and id
            // Right after a change, the rest is most often the same bytes: then stop there.
            if (just_differed && rb.rest() == ra.rest()) break;
            just_differed = false;
            has_b = rb.next(b), has_a = ra.next(a);
            continue;
        }
        just_differed = true;
        int order = !has_b ? 1 : !has_a ? -1 : git_order(b, a);
        if (order < 0) {
            one_side(b, false);
            has_b = rb.next(b);
            continue;
        }
        if (order > 0) {
            one_side(a, true);
            has_a = ra.next(a);
            continue;
        }
        bool same = std::memcmp(b.id, a.id, GIT_OID_RAWSZ) == 0 && b.mode == a.mode;
        if (!same) {
            if (b.is_submodule() || a.is_submodule()) {
                one_side(b, false);
                one_side(a, true);
            } else if (a.is_tree()) {
                ++emitted;
                FolderJob job{pair, b.oid(), a.oid(), true, true};
                queue.jobs_of(base + std::string(a.name) + "/").push_back(job);
            } else {
                ++emitted;
                Change c;
                c.old_path = c.new_path = base + std::string(a.name);
                c.old_id = b.oid();
                c.new_id = a.oid();
                out.push_back(std::move(c));
            }
        }
        has_b = rb.next(b), has_a = ra.next(a);
    }
    return !rb.malformed() && !ra.malformed();
}

}  // namespace

std::vector<CommitChanges> ChangeFinder::changes_of(const std::vector<CommitPair>& pairs) const {
    std::vector<CommitChanges> out(pairs.size());
    auto fail = [&](CommitChanges& result) {
        result.ok = false;
        const git_error* e = git_error_last();
        result.error = e && e->message ? e->message : "unknown libgit2 error";
        result.changes.clear();
    };
    // Each commit's memory folder against its parent's: the first jobs.
    FolderQueue queue;
    std::vector<FolderJob>& roots = queue.jobs_of("");
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        FolderJob job;
        job.pair = static_cast<std::uint32_t>(k);
        if (!folder_of(pairs[k].commit, &job.after, &job.has_after) ||
            (pairs[k].parent && !folder_of(pairs[k].parent, &job.before, &job.has_before))) {
            fail(out[k]);
            continue;
        }
        if (job.has_before && job.has_after && git_oid_equal(&job.before, &job.after)) continue;
        roots.push_back(job);
    }
    // Folder by folder, each folder's versions in commit order. A commit whose folders name more
    // paths than any memory holds (a tree that reuses its folders) is refused, not walked for ever.
    std::vector<std::size_t> produced(pairs.size(), 0);
    RecentTrees trees(repo_);
    for (std::size_t f = 0; f < queue.size(); ++f) {
        Folder folder = queue.take(f);
        for (const FolderJob& job : folder.jobs) {
            CommitChanges& result = out[job.pair];
            if (!result.ok) continue;
            // Both trees held until they are compared: fetching one never frees the other.
            StoredTree before, after;
            if (job.has_before && !(before = trees.get(job.before))) {
                fail(result);
                continue;
            }
            if (job.has_after && !(after = trees.get(job.after))) {
                fail(result);
                continue;
            }
            if (!compare_level(before.bytes(), after.bytes(), folder.path, job.pair, queue, result.changes,
                               produced[job.pair])) {
                git_error_set_str(GIT_ERROR_OBJECT, "a tree object is malformed");
                fail(result);
                continue;
            }
            // Counted as they are queued, so the queue never holds more than the budget.
            if (produced[job.pair] > source::kMaxTreePaths) {
                git_error_set_str(GIT_ERROR_INVALID,
                                  ("the commit's tree names more than " + std::to_string(source::kMaxTreePaths) +
                                   " paths (a tree that reuses its folders)")
                                      .c_str());
                fail(result);
            }
        }
    }
    // Folder by folder left each commit's changes in folder order: put them in path order,
    // then pair the moves.
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        auto& changes = out[k].changes;
        std::sort(changes.begin(), changes.end(),
                  [](const Change& a, const Change& b) { return path_of(a) < path_of(b); });
        if (pairs[k].parent) find_renames(pairs[k].commit, pairs[k].parent, changes);
    }
    return out;
}

void ChangeFinder::find_similar(git_commit* commit, git_commit* parent, std::vector<Change>& out) const {
    // libgit2's similarity, on a diff of only the added and deleted files, so it stays small.
    std::vector<std::string> specs;
    for (const auto& c : out) {
        if (c.status == GIT_DELTA_ADDED) specs.push_back(prefix_ + c.new_path);
        if (c.status == GIT_DELTA_DELETED) specs.push_back(prefix_ + c.old_path);
    }
    std::vector<char*> pointers;
    pointers.reserve(specs.size());
    for (auto& s : specs) pointers.push_back(s.data());
    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    options.flags = GIT_DIFF_SKIP_BINARY_CHECK | GIT_DIFF_IGNORE_SUBMODULES | GIT_DIFF_DISABLE_PATHSPEC_MATCH;
    options.pathspec = {pointers.data(), pointers.size()};
    git_tree *new_root = nullptr, *old_root = nullptr;
    if (git_commit_tree(&new_root, commit) != 0) return;
    TreePtr owned_new(new_root);
    if (git_commit_tree(&old_root, parent) != 0) return;
    TreePtr owned_old(old_root);
    git_diff* d = nullptr;
    if (git_diff_tree_to_tree(&d, repo_, old_root, new_root, &options) != 0) return;
    DiffPtr diff(d);
    git_diff_find_options find;
    git_diff_find_options_init(&find, GIT_DIFF_FIND_OPTIONS_VERSION);
    find.flags = GIT_DIFF_FIND_RENAMES;
    if (git_diff_find_similar(d, &find) != 0) return;
    std::vector<bool> gone(out.size(), false);
    for (std::size_t k = 0, n = git_diff_num_deltas(d); k < n; ++k) {
        const git_diff_delta* delta = git_diff_get_delta(d, k);
        if (delta->status != GIT_DELTA_RENAMED) continue;
        std::string from = std::string(delta->old_file.path).substr(prefix_.size());
        std::string to = std::string(delta->new_file.path).substr(prefix_.size());
        auto added = std::find_if(out.begin(), out.end(),
                                  [&](const Change& c) { return c.status == GIT_DELTA_ADDED && c.new_path == to; });
        auto deleted = std::find_if(out.begin(), out.end(), [&](const Change& c) {
            return c.status == GIT_DELTA_DELETED && c.old_path == from;
        });
        if (added == out.end() || deleted == out.end()) continue;
        added->status = GIT_DELTA_RENAMED;
        added->old_path = from;
        added->old_id = deleted->old_id;
        gone[deleted - out.begin()] = true;
    }
    drop(out, gone);
}

void ChangeFinder::find_renames(git_commit* commit, git_commit* parent, std::vector<Change>& out) const {
    std::size_t added = 0, deleted = 0;
    for (const auto& c : out) {
        added += c.status == GIT_DELTA_ADDED;
        deleted += c.status == GIT_DELTA_DELETED;
    }
    if (added == 0 || deleted == 0) return;
    std::vector<bool> gone(out.size(), false);
    exact_renames(out, gone);
    drop(out, gone);
    added = deleted = 0;
    for (const auto& c : out) {
        added += c.status == GIT_DELTA_ADDED;
        deleted += c.status == GIT_DELTA_DELETED;
    }
    if (added > 0 && deleted > 0) find_similar(commit, parent, out);
}

}  // namespace cp::history
