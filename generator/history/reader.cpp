#include "history/reader.hpp"

#include <git2.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <queue>
#include <unordered_map>

#include "history/tree_changes.hpp"
#include "text/strings.hpp"

namespace cp::history {

namespace {

using source::GitPtr;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using EntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using MailmapPtr = GitPtr<git_mailmap, git_mailmap_free>;

// One commit of the walk.
struct Node {
    CommitPtr commit;
    std::vector<std::size_t> parents;  // indices of the parents the repository holds, first parent first
    bool graft = false;                // a parent is missing: a shallow clone's boundary
    std::size_t children = 0;          // children not yet ordered, for the topological sort
};

// Every commit reachable from `start`; a parent that cannot be read makes its child a graft.
std::vector<Node> load_commits(git_repository* repo, const git_oid& start) {
    std::vector<Node> nodes;
    std::unordered_map<git_oid, std::size_t, OidHash, OidEq> index;
    auto add = [&](const git_oid& id) -> std::optional<std::size_t> {
        if (auto it = index.find(id); it != index.end()) return it->second;
        git_commit* c = nullptr;
        if (git_commit_lookup(&c, repo, &id) != 0) return std::nullopt;
        index.emplace(id, nodes.size());
        nodes.push_back(Node{CommitPtr(c), {}, false, 0});
        return nodes.size() - 1;
    };
    if (!add(start)) return nodes;
    for (std::size_t i = 0; i < nodes.size(); ++i) {  // grows as parents are found
        git_commit* c = nodes[i].commit.get();
        for (unsigned k = 0, n = git_commit_parentcount(c); k < n; ++k) {
            auto p = add(*git_commit_parent_id(c, k));
            if (!p) {
                nodes[i].graft = true;
                continue;
            }
            nodes[i].parents.push_back(*p);
            ++nodes[*p].children;
        }
    }
    return nodes;
}

// Children before parents, newest commit time first among those ready: git log --date-order.
std::vector<std::size_t> date_order(std::vector<Node>& nodes) {
    auto older = [&](std::size_t a, std::size_t b) {
        auto ta = git_commit_time(nodes[a].commit.get()), tb = git_commit_time(nodes[b].commit.get());
        return ta != tb ? ta < tb : a > b;
    };
    std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(older)> ready(older);
    std::vector<std::size_t> order;
    order.reserve(nodes.size());
    if (!nodes.empty()) ready.push(0);
    while (!ready.empty()) {
        std::size_t i = ready.top();
        ready.pop();
        order.push_back(i);
        for (std::size_t p : nodes[i].parents)
            if (--nodes[p].children == 0) ready.push(p);
    }
    return order;
}

// The file at a repository path in a commit has this blob (nullptr: the commit has no such file).
bool same_blob(git_commit* commit, const std::string& path, const git_oid* id) {
    git_tree* root = nullptr;
    if (git_commit_tree(&root, commit) != 0) return false;
    TreePtr tree(root);
    git_tree_entry* e = nullptr;
    if (git_tree_entry_bypath(&e, root, path.c_str()) != 0) return id == nullptr;
    EntryPtr entry(e);
    return id != nullptr && git_oid_equal(git_tree_entry_id(e), id);
}

// A memory-relative path in a commit -> the path of the file it is now, for one line of history.
using Names = std::unordered_map<std::string, std::string>;
using SharedNames = std::shared_ptr<Names>;

// The one pass: commits in date order, each compared with its first parent.
class Pass {
public:
    Pass(const source::Repository& repo, diag::Sink& sink, History& out)
        : changes_(repo.handle(), repo.prefix()), memory_is_folder_(!repo.prefix().empty()), sink_(sink), out_(out) {
        git_mailmap* mm = nullptr;
        if (git_mailmap_from_repository(&mm, repo.handle()) == 0) mailmap_.reset(mm);
    }

    void run(std::vector<Node>& nodes, const std::vector<std::size_t>& order, SharedNames start) {
        find_all_changes(nodes, order);
        std::vector<SharedNames> pending(nodes.size());
        pending[0] = std::move(start);
        for (std::size_t i : order) {
            Node& node = nodes[i];
            SharedNames names = std::move(pending[i]);
            if (!names) names = std::make_shared<Names>();
            bool listed = out_.recent.size() < kRecentCommits;
            // Past /changes/, a line with no file of today left on it has nothing more to tell.
            if (!listed && names->empty()) continue;
            Commit info = describe(node.commit.get());
            if (node.graft || !visit(i, nodes, names, info)) {
                for (const auto& [then, now] : *names) out_.files[now].incomplete = true;
                out_.shallow = true;
                info.paths.clear();
            } else {
                // Other parents of a merge see the files as the merge has them.
                for (std::size_t k = 1; k < node.parents.size(); ++k) give(pending, node.parents[k], before_);
                before_.reset();
            }
            if (!node.parents.empty()) give(pending, node.parents[0], names);
            // A memory inside a larger repository lists only the commits that changed it (git log -- FOLDER).
            bool changed_memory = !memory_is_folder_ || node.graft || !info.paths.empty();
            if (listed && changed_memory) out_.recent.push_back(std::move(info));
        }
    }

private:
    // What every commit that can be compared changed against its first parent, found at once.
    void find_all_changes(const std::vector<Node>& nodes, const std::vector<std::size_t>& order) {
        std::vector<CommitPair> pairs;
        slot_.assign(nodes.size(), kNone);
        for (std::size_t i : order) {
            const Node& node = nodes[i];
            if (node.graft) continue;
            slot_[i] = pairs.size();
            pairs.push_back({node.commit.get(), node.parents.empty() ? nullptr : nodes[node.parents[0]].commit.get()});
        }
        all_changes_ = changes_.changes_of(pairs);
    }

    // Compares one commit with its first parent, credits the files and renames `names` to the
    // parent's paths. False when the commit cannot be compared.
    bool visit(std::size_t index, std::vector<Node>& nodes, SharedNames& names, Commit& info) {
        const Node& node = nodes[index];
        // Only a merge needs the names as they were before its changes (for its other parents);
        // holding them otherwise would copy the names at every added file.
        before_ = node.parents.size() > 1 ? names : nullptr;
        CommitChanges& found = all_changes_[slot_[index]];
        if (!found.ok) {
            sink_.warning(info.id, 0, 0,
                          "history stops at commit " + info.id.substr(0, 12) +
                              ": it cannot be compared with its parent: " + found.error);
            before_.reset();
            return false;
        }
        // A merge's change that one of its other parents already had is that parent's work, dated there.
        auto merged_in = [&](const std::string& path, const git_oid* id) {
            for (std::size_t k = 1; k < node.parents.size(); ++k)
                if (same_blob(nodes[node.parents[k]].commit.get(), changes_.repo_path(path), id)) return true;
            return false;
        };
        for (const Change& change : found.changes) {
            if (change.status == GIT_DELTA_DELETED) {
                if (!merged_in(change.old_path, nullptr)) touch(info, change.old_path, nullptr);
                continue;
            }
            auto it = names->find(change.new_path);
            std::optional<std::string> now;
            if (it != names->end()) now = it->second;
            if (!merged_in(change.new_path, &change.new_id))
                touch(info, change.new_path, now ? &*now : nullptr, &change.new_id);
            if (!now) continue;
            // Older commits on this line knew the file by its old name, or did not have it.
            if (change.status == GIT_DELTA_ADDED) {
                writable(names).erase(change.new_path);
            } else if (change.status == GIT_DELTA_RENAMED) {
                Names& w = writable(names);
                w.erase(change.new_path);
                w[change.old_path] = *now;
            }
        }
        std::vector<Change>().swap(found.changes);  // done with: its memory goes back
        return true;
    }

    // Records that `info` changed a path: a revision of the file it is now, if it still exists.
    // `blob` is the file's content then (nothing for a deletion).
    void touch(Commit& info, const std::string& path, const std::string* now, const git_oid* blob = nullptr) {
        if (now) {
            auto& revisions = out_.files[*now].revisions;
            if (revisions.empty() || revisions.back().commit() != info.id) {
                revisions.emplace_back();
                Revision& r = revisions.back();
                r.facts = facts_of(info);
                if (blob) {
                    std::copy(std::begin(blob->id), std::end(blob->id), r.blob.begin());
                    r.has_blob = true;
                }
                if (path != *now) r.path_then = path;
            }
        }
        info.paths.push_back(now ? *now : path);
    }

    // `names` for changing, copied first when another line of history still shares it.
    Names& writable(SharedNames& names) {
        if (names.use_count() > 1) names = std::make_shared<Names>(*names);
        return *names;
    }

    // Hands a line's names to a parent; a parent reached from several children knows the union.
    static void give(std::vector<SharedNames>& pending, std::size_t parent, const SharedNames& names) {
        SharedNames& slot = pending[parent];
        if (!slot) {
            slot = names;
        } else if (slot != names) {
            auto merged = std::make_shared<Names>(*slot);
            merged->insert(names->begin(), names->end());
            slot = std::move(merged);
        }
    }

    Commit describe(git_commit* c) {
        Commit out;
        out.id = git_oid_tostr_s(git_commit_id(c));
        const git_signature* a = git_commit_author(c);
        out.date = source::git_day(a->when.time, a->when.offset);
        std::string name = a->name ? a->name : "", email = a->email ? a->email : "";
        const char *real_name = nullptr, *real_email = nullptr;
        if (!mailmap_ || git_mailmap_resolve(&real_name, &real_email, mailmap_.get(), name.c_str(), email.c_str()) != 0)
            real_name = real_email = nullptr;
        out.author_name = without_emails(name);
        out.author_email = email;
        out.mailmap_name = without_emails(real_name ? real_name : name);
        out.mailmap_email = real_email ? real_email : email;
        if (out.mailmap_name != out.author_name) out_.mailmap[text::lower(email)] = out.mailmap_name;
        const char* summary = git_commit_summary(c);
        out.subject = without_emails(summary ? summary : "");
        return out;
    }

    // The commit's facts, made once for all the files it touched (they are touched one commit
    // after another).
    const std::shared_ptr<const CommitFacts>& facts_of(const Commit& info) {
        if (!facts_ || facts_->commit != info.id)
            facts_ =
                std::make_shared<const CommitFacts>(CommitFacts{info.id, info.date, info.author_name, info.author_email,
                                                                info.mailmap_name, info.mailmap_email, info.subject});
        return facts_;
    }

    std::shared_ptr<const CommitFacts> facts_;  // the last commit's
    ChangeFinder changes_;
    bool memory_is_folder_;
    diag::Sink& sink_;
    History& out_;
    MailmapPtr mailmap_;
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<CommitChanges> all_changes_;  // what each commit changed
    std::vector<std::size_t> slot_;           // a commit's index in all_changes_, by node
    SharedNames before_;                      // a merge's names before its changes
};

}  // namespace

std::string without_emails(std::string_view text) {
    auto local_char = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    };
    auto domain_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; };
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t at = text.find('@', pos);
        if (at == std::string_view::npos) break;
        std::size_t left = at, right = at + 1;
        while (left > pos && local_char(text[left - 1])) --left;
        while (right < text.size() && domain_char(text[right])) ++right;
        while (right > at + 1 && text[right - 1] == '.') --right;  // a full stop ends the sentence, not the address
        // "user@host" is an address too: git writes one when no e-mail is configured.
        bool address = left < at && right > at + 1 && std::isalnum(static_cast<unsigned char>(text[at + 1]));
        out.append(text.substr(pos, at - pos));
        if (!address) out.push_back('@');
        pos = address ? right : at + 1;
    }
    if (pos < text.size()) out.append(text.substr(pos));
    return out;
}

void tune_libgit2() {
    git_libgit2_init();  // kept for the life of the process
    // The pass reads each version of a folder once and keeps the few it still needs itself
    // (ChangeFinder::changes_of). libgit2's cache of parsed trees would only keep copies of
    // trees never asked for again: at 25,000 commits it held a gigabyte and its upkeep cost
    // a third of the pass. Trees are left out of it.
    git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(0));
    // libgit2 re-hashes every object it reads to check it against its id, which took a
    // quarter of the history pass; git itself does not (it checks on fsck and on fetch).
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}

History read_history(const source::Repository& repo, const std::string& start, const std::vector<std::string>& paths,
                     diag::Sink& sink) {
    History out;
    git_oid oid;
    if (start.empty() || git_oid_fromstrn(&oid, start.c_str(), start.size()) != 0) return out;
    std::vector<Node> nodes = load_commits(repo.handle(), oid);
    if (nodes.empty()) {
        sink.warning(start, 0, 0, "cannot read commit " + start.substr(0, 12) + ": the history is left out");
        return out;
    }
    auto names = std::make_shared<Names>();
    for (const auto& path : paths) names->emplace(path, path);
    std::vector<std::size_t> order = date_order(nodes);
    Pass(repo, sink, out).run(nodes, order, std::move(names));
    out.available = true;
    out.shallow = out.shallow || repo.shallow();
    for (auto& c : out.recent) {
        std::sort(c.paths.begin(), c.paths.end());
        c.paths.erase(std::unique(c.paths.begin(), c.paths.end()), c.paths.end());
    }
    // Grown a revision at a time, and held for the whole build: their slack was 10 MB at
    // 50,000 notes.
    for (auto& [path, file] : out.files) file.revisions.shrink_to_fit();
    return out;
}

}  // namespace cp::history
