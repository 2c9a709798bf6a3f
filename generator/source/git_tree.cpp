#include "source/git_tree.hpp"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <ctime>
#include <unordered_map>

#include "text/strings.hpp"

namespace cp::source {

namespace fs = std::filesystem;

namespace {

using Commit = GitPtr<git_commit, git_commit_free>;
using Tree = GitPtr<git_tree, git_tree_free>;
using TreeEntry = GitPtr<git_tree_entry, git_tree_entry_free>;
using Object = GitPtr<git_object, git_object_free>;
using Odb = GitPtr<git_odb, git_odb_free>;
using OdbObject = GitPtr<git_odb_object, git_odb_object_free>;

std::string last_error() {
    const git_error* e = git_error_last();
    return e && e->message ? e->message : "unknown libgit2 error";
}

std::optional<git_oid> parse_oid(const std::string& hex) {
    git_oid oid;
    if (git_oid_fromstrn(&oid, hex.c_str(), hex.size()) != 0) return std::nullopt;
    return oid;
}

Commit lookup_commit(git_repository* repo, const std::string& id) {
    auto oid = parse_oid(id);
    git_commit* c = nullptr;
    if (!oid || git_commit_lookup(&c, repo, &*oid) != 0) return nullptr;
    return Commit(c);
}

// The tree of the memory's folder at a commit, or nullptr when the folder is not there.
Tree memory_tree(git_repository* repo, git_commit* commit, const std::string& prefix) {
    git_tree* root = nullptr;
    if (git_commit_tree(&root, commit) != 0) return nullptr;
    Tree tree(root);
    if (prefix.empty()) return tree;
    git_tree_entry* e = nullptr;
    if (git_tree_entry_bypath(&e, tree.get(), prefix.substr(0, prefix.size() - 1).c_str()) != 0) return nullptr;
    TreeEntry entry(e);
    if (git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return nullptr;
    git_tree* sub = nullptr;
    if (git_tree_lookup(&sub, repo, git_tree_entry_id(entry.get())) != 0) return nullptr;
    return Tree(sub);
}

class TreeReader {
public:
    // `where` names the commit in the message when the tree is over its budget.
    TreeReader(git_repository* repo, git_odb* odb, const ReadOptions& options, diag::Sink& sink, Snapshot& out,
               std::string where)
        : repo_(repo), odb_(odb), options_(options), sink_(sink), out_(out), where_(std::move(where)) {}

    void walk(const git_tree* tree, const std::string& folder) {
        std::size_t n = git_tree_entrycount(tree);
        for (std::size_t i = 0; i < n && !over_budget(); ++i) {
            const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
            std::string name = git_tree_entry_name(entry);
            std::string rel = folder + name;
            ++paths_;
            bytes_ += rel.size();
            if (is_unsafe_entry_name(name)) {
                sink_.warning(
                    rel, 0, 0,
                    "tree entry named '" + name + "' refused: a name like this could write outside the output folder");
                continue;
            }
            if (is_unread_name(name)) continue;
            switch (git_tree_entry_filemode(entry)) {
                case GIT_FILEMODE_TREE: {
                    git_tree* sub = nullptr;
                    if (git_tree_lookup(&sub, repo_, git_tree_entry_id(entry)) != 0) {
                        sink_.error(rel, 0, 0, "cannot read this folder from git: " + last_error());
                        break;
                    }
                    Tree owned(sub);
                    walk(sub, rel + "/");
                    break;
                }
                case GIT_FILEMODE_COMMIT:
                    sink_.warning(rel, 0, 0, "submodule skipped: its files live in another repository");
                    break;
                case GIT_FILEMODE_LINK:
                    sink_.warning(rel, 0, 0, "symbolic link skipped: links are never followed");
                    break;
                case GIT_FILEMODE_BLOB:
                case GIT_FILEMODE_BLOB_EXECUTABLE:
                    read_blob(rel, git_tree_entry_id(entry));
                    break;
                default:
                    break;
            }
        }
    }

    // True once the walk has produced more paths or bytes than the options allow; says so once.
    bool over_budget() {
        if (paths_ <= options_.max_paths && bytes_ <= options_.max_bytes) return false;
        if (!reported_) {
            reported_ = true;
            sink_.error(where_, 0, 0,
                        "the commit's tree names more than " + std::to_string(options_.max_paths) + " paths or " +
                            std::to_string(options_.max_bytes >> 20) +
                            " MiB (a tree that reuses its folders can name a billion files in a few kilobytes): "
                            "the memory is not read past that");
        }
        return true;
    }

private:
    void read_blob(const std::string& rel, const git_oid* id) {
        SourceFile file;
        file.path = rel;
        file.underscored = is_underscored_path(rel);
        if (!options_.contents) {
            out_.files.push_back(std::move(file));
            return;
        }
        // A blob named again (a tree that reuses its folders names one a million times) is read once.
        if (auto seen = read_.find(*id); seen != read_.end()) {
            const SourceFile& first = out_.files[seen->second];
            file.size = first.size;
            file.too_large = first.too_large || (is_text_source(rel) && first.size > options_.max_file_size);
            bytes_ += file.too_large ? 0 : first.content.size();
            if (over_budget()) return;
            if (!file.too_large) file.content = first.content;
            file.lfs_pointer = first.lfs_pointer;
            out_.files.push_back(std::move(file));
            return;
        }
        std::size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        // The header alone tells the size, so an oversized blob is never inflated.
        if (git_odb_read_header(&size, &type, odb_, id) != 0) {
            sink_.error(rel, 0, 0, "cannot read this file from git: " + last_error());
            return;
        }
        file.size = size;
        if (is_text_source(rel) && size > options_.max_file_size) {
            file.too_large = true;
        } else {
            git_odb_object* obj = nullptr;
            if (git_odb_read(&obj, odb_, id) != 0) {
                sink_.error(rel, 0, 0, "cannot read this file from git: " + last_error());
                return;
            }
            OdbObject owned(obj);
            bytes_ += git_odb_object_size(obj);
            if (over_budget()) return;
            file.content.assign(static_cast<const char*>(git_odb_object_data(obj)), git_odb_object_size(obj));
            file.lfs_pointer = looks_like_lfs_pointer(file.content);
        }
        if (!file.too_large) read_.emplace(*id, out_.files.size());
        out_.files.push_back(std::move(file));
    }

    git_repository* repo_;
    git_odb* odb_;
    const ReadOptions& options_;
    diag::Sink& sink_;
    Snapshot& out_;
    std::string where_;
    std::unordered_map<git_oid, std::size_t, OidHash, OidEq> read_;  // blob -> the first file read with it
    std::size_t paths_ = 0;
    std::uintmax_t bytes_ = 0;
    bool reported_ = false;
};

}  // namespace

std::string git_day(std::int64_t seconds, int offset_minutes) {
    std::time_t t = static_cast<std::time_t>(seconds + std::int64_t{offset_minutes} * 60);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

bool is_unsafe_entry_name(std::string_view name) {
    if (name.empty() || name == "." || name == "..") return true;
    if (name.find_first_of(std::string_view("/\\\0", 3)) != std::string_view::npos) return true;
    if (name.size() == 4) {
        if (text::lower(name) == ".git") return true;
    }
    return false;
}

std::unique_ptr<Repository> Repository::find(const fs::path& folder, std::string& error) {
    git_libgit2_init();
    git_repository* repo = nullptr;
    int rc = git_repository_open_ext(&repo, folder.c_str(), 0, nullptr);
    if (rc != 0) {
        if (rc != GIT_ENOTFOUND) error = "cannot open the git repository: " + last_error();
        git_libgit2_shutdown();
        return nullptr;
    }
    std::string prefix;
    if (const char* workdir = git_repository_workdir(repo)) {
        std::error_code ec;
        fs::path rel = fs::relative(fs::weakly_canonical(folder, ec), fs::weakly_canonical(workdir, ec), ec);
        std::string text = rel.generic_string();
        if (!ec && !text.empty() && text != "." && text.rfind("..", 0) != 0) prefix = text + "/";
    }
    return std::unique_ptr<Repository>(new Repository(repo, prefix, folder));
}

Repository::~Repository() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
}

bool Repository::bare() const { return git_repository_is_bare(repo_) == 1; }

bool Repository::shallow() const { return git_repository_is_shallow(repo_) == 1; }

std::optional<std::string> Repository::resolve(const std::string& ref, std::string& error) const {
    git_object* obj = nullptr;
    if (git_revparse_single(&obj, repo_, ref.c_str()) != 0) {
        error = "--ref " + ref + ": no commit, tag or branch of that name in the repository";
        return std::nullopt;
    }
    Object owned(obj);
    git_object* peeled = nullptr;
    if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) != 0) {
        error = "--ref " + ref + ": names a " + git_object_type2string(git_object_type(obj)) + ", not a commit";
        return std::nullopt;
    }
    Object commit(peeled);
    return std::string(git_oid_tostr_s(git_object_id(peeled)));
}

std::optional<std::string> Repository::head() const {
    git_oid oid;
    // An unborn branch (no commits yet) has no HEAD commit.
    if (git_reference_name_to_id(&oid, repo_, "HEAD") != 0) return std::nullopt;
    return std::string(git_oid_tostr_s(&oid));
}

std::vector<std::string> Repository::file_paths(const std::string& commit) const {
    ReadOptions paths_only;
    paths_only.contents = false;
    diag::Sink unreported;  // the build reads (and reports on) the files themselves elsewhere
    std::vector<std::string> out;
    for (auto& f : read_git_tree(*this, commit, paths_only, unreported).files) out.push_back(std::move(f.path));
    return out;
}

std::string Repository::commit_date(const std::string& id) const {
    Commit c = lookup_commit(repo_, id);
    if (!c) return {};
    return git_day(git_commit_time(c.get()), git_commit_time_offset(c.get()));
}

std::optional<std::string> Repository::read_file(const std::string& commit, const std::string& path,
                                                 std::uintmax_t max_size) const {
    Commit c = lookup_commit(repo_, commit);
    if (!c) return std::nullopt;
    git_tree* root = nullptr;
    if (git_commit_tree(&root, c.get()) != 0) return std::nullopt;
    Tree tree(root);
    git_tree_entry* e = nullptr;
    if (git_tree_entry_bypath(&e, tree.get(), (prefix_ + path).c_str()) != 0) return std::nullopt;
    TreeEntry entry(e);
    auto mode = git_tree_entry_filemode(entry.get());
    if (mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE) return std::nullopt;
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo_) != 0) return std::nullopt;
    Odb owned_odb(odb);
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb, git_tree_entry_id(entry.get())) != 0 || size > max_size)
        return std::nullopt;
    git_odb_object* obj = nullptr;
    if (git_odb_read(&obj, odb, git_tree_entry_id(entry.get())) != 0) return std::nullopt;
    OdbObject owned(obj);
    return std::string(static_cast<const char*>(git_odb_object_data(obj)), git_odb_object_size(obj));
}

Snapshot read_git_tree(const Repository& repo, const std::string& commit, const ReadOptions& options,
                       diag::Sink& sink) {
    Snapshot snap;
    snap.root = repo.folder();
    Commit c = lookup_commit(repo.handle(), commit);
    if (!c) {
        sink.error(commit, 0, 0, "cannot read commit " + commit + " from git: " + last_error());
        return snap;
    }
    Tree tree = memory_tree(repo.handle(), c.get(), repo.prefix());
    if (!tree) {
        sink.error(repo.prefix(), 0, 0,
                   "the memory's folder " + repo.prefix() + " is not in commit " + commit.substr(0, 12));
        return snap;
    }
    git_odb* odb = nullptr;
    if (git_repository_odb(&odb, repo.handle()) != 0) {
        sink.error(commit, 0, 0, "cannot open the repository's objects: " + last_error());
        return snap;
    }
    Odb owned_odb(odb);
    TreeReader reader(repo.handle(), odb, options, sink, snap, "commit " + commit.substr(0, 12));
    reader.walk(tree.get(), "");
    // Past the budget nothing is read at all: half a billion paths would only be parsed for ever.
    if (reader.over_budget()) snap.files.clear();
    std::sort(snap.files.begin(), snap.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    snap.reference_date = git_day(git_commit_time(c.get()), git_commit_time_offset(c.get()));
    snap.commit = commit;
    return snap;
}

}  // namespace cp::source
