#pragma once
// Git repositories made inside a test with libgit2: commits with known authors, dates,
// parents and trees (tree objects written by hand, so a test can hold entries no tool
// would write: "..", ".git", a name with '/', symbolic links, submodules).
#include <git2.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cp::testing {

// Someone who commits: a name, an e-mail, and when (seconds since 1970, offset in minutes).
struct Signature {
    std::string name, email;
    std::int64_t time = 0;
    int offset = 0;
};

// Seconds since 1970 of a UTC date and time (YYYY-MM-DD, hour).
inline std::int64_t utc(const std::string& day, int hour = 12) {
    std::tm tm{};
    tm.tm_year = std::stoi(day.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(day.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(day.substr(8, 2));
    tm.tm_hour = hour;
    return static_cast<std::int64_t>(timegm(&tm));
}

// One tree entry: a file's bytes, a symbolic link's target, or a submodule's commit.
struct Entry {
    std::string content;
    unsigned mode = 0100644;  // 0120000 a symbolic link, 0160000 a submodule
};
// Path -> entry; a '\x01' in a name stands for a '/' inside one entry name.
using Files = std::map<std::string, Entry>;

// Text files: path -> content.
inline Files text_files(const std::map<std::string, std::string>& files) {
    Files out;
    for (const auto& [path, text] : files) out[path] = Entry{text};
    return out;
}

class GitRepo {
public:
    // A new repository in `dir` (bare or with a working tree); throws when libgit2 cannot make it.
    GitRepo(const std::filesystem::path& dir, bool bare = false) {
        git_libgit2_init();
        check(git_repository_init(&repo_, dir.c_str(), bare ? 1 : 0), "init");
    }
    // Opens an existing repository.
    static GitRepo open(const std::filesystem::path& dir) { return GitRepo(dir, nullptr); }
    GitRepo(GitRepo&& other) noexcept : repo_(other.repo_) { other.repo_ = nullptr; }
    ~GitRepo() {
        if (repo_) git_repository_free(repo_);
        git_libgit2_shutdown();
    }
    git_repository* get() const { return repo_; }

    // Commits the whole tree `files` with `parents` (commit ids) as `who` (author and committer),
    // moving `ref` ("HEAD", "refs/heads/side", or "" for none) to it. Returns the commit id.
    std::string commit(const Files& files, const std::vector<std::string>& parents, const Signature& who,
                       const std::string& message, const std::string& ref = "HEAD") {
        git_oid tree_id = write_tree(files, "");
        git_tree* tree = nullptr;
        check(git_tree_lookup(&tree, repo_, &tree_id), "tree lookup");
        std::vector<git_commit*> parent_commits;
        for (const auto& p : parents) {
            git_oid oid;
            git_oid_fromstr(&oid, p.c_str());
            git_commit* c = nullptr;
            check(git_commit_lookup(&c, repo_, &oid), "parent lookup");
            parent_commits.push_back(c);
        }
        git_signature* sig = nullptr;
        check(git_signature_new(&sig, who.name.c_str(), who.email.c_str(), who.time, who.offset), "signature");
        git_oid id;
        int rc = git_commit_create(&id, repo_, ref.empty() ? nullptr : ref.c_str(), sig, sig, "UTF-8", message.c_str(),
                                   tree, parent_commits.size(), const_cast<const git_commit**>(parent_commits.data()));
        git_signature_free(sig);
        for (auto* c : parent_commits) git_commit_free(c);
        git_tree_free(tree);
        check(rc, "commit");
        return git_oid_tostr_s(&id);
    }

    // A lightweight tag (or an annotated one, with `annotated`) named `name` at `commit`.
    void tag(const std::string& name, const std::string& commit, bool annotated = false) {
        git_oid oid, out;
        git_oid_fromstr(&oid, commit.c_str());
        git_object* target = nullptr;
        check(git_object_lookup(&target, repo_, &oid, GIT_OBJECT_COMMIT), "tag target");
        int rc;
        if (annotated) {
            git_signature* sig = nullptr;
            git_signature_new(&sig, "Tagger", "tagger@example.org", 1600000000, 0);
            rc = git_tag_create(&out, repo_, name.c_str(), target, sig, "a release", 0);
            git_signature_free(sig);
        } else {
            rc = git_tag_create_lightweight(&out, repo_, name.c_str(), target, 0);
        }
        git_object_free(target);
        check(rc, "tag");
    }

    // Detaches HEAD at `commit`.
    void detach(const std::string& commit) {
        git_oid oid;
        git_oid_fromstr(&oid, commit.c_str());
        check(git_repository_set_head_detached(repo_, &oid), "detach");
    }

private:
    GitRepo(const std::filesystem::path& dir, std::nullptr_t) {
        git_libgit2_init();
        check(git_repository_open(&repo_, dir.c_str()), "open");
    }

    static void check(int rc, const char* what) {
        if (rc == 0) return;
        const git_error* e = git_error_last();
        throw std::runtime_error(std::string("libgit2 ") + what + ": " + (e ? e->message : "?"));
    }

    // Writes the tree object of every entry under `folder` by hand, in git's entry order.
    git_oid write_tree(const Files& files, const std::string& folder) {
        struct Item {
            std::string name;
            unsigned mode;
            git_oid id;
        };
        std::map<std::string, Files> subfolders;
        std::vector<Item> items;
        for (const auto& [path, entry] : files) {
            if (path.compare(0, folder.size(), folder) != 0) continue;
            std::string rest = path.substr(folder.size());
            auto slash = rest.find('/');
            if (slash != std::string::npos) {
                subfolders[rest.substr(0, slash)];
                continue;
            }
            std::string name = rest;
            for (char& c : name)
                if (c == '\x01') c = '/';
            git_oid id;
            if (entry.mode == 0160000) {
                git_oid_fromstr(&id, entry.content.c_str());
            } else {
                check(git_blob_create_from_buffer(&id, repo_, entry.content.data(), entry.content.size()), "blob");
            }
            items.push_back({name, entry.mode, id});
        }
        for (const auto& [name, unused] : subfolders)
            items.push_back({name, 040000, write_tree(files, folder + name + "/")});
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
            std::string ka = a.name + (a.mode == 040000 ? "/" : ""), kb = b.name + (b.mode == 040000 ? "/" : "");
            return ka < kb;
        });
        std::string raw;
        for (const auto& item : items) {
            char mode[16];
            std::snprintf(mode, sizeof mode, "%o ", item.mode);
            raw += mode + item.name;
            raw.push_back('\0');
            raw.append(reinterpret_cast<const char*>(item.id.id), GIT_OID_RAWSZ);
        }
        git_odb* odb = nullptr;
        check(git_repository_odb(&odb, repo_), "odb");
        git_oid id;
        int rc = git_odb_write(&id, odb, raw.data(), raw.size(), GIT_OBJECT_TREE);
        git_odb_free(odb);
        check(rc, "tree write");
        return id;
    }

    git_repository* repo_ = nullptr;
};

// Clones `from` into `to` bare, through libgit2 (a local clone, no `git` command).
inline void bare_clone(const std::filesystem::path& from, const std::filesystem::path& to) {
    git_libgit2_init();
    git_clone_options options;
    git_clone_options_init(&options, GIT_CLONE_OPTIONS_VERSION);
    options.bare = 1;
    git_repository* repo = nullptr;
    int rc = git_clone(&repo, ("file://" + from.string()).c_str(), to.c_str(), &options);
    if (repo) git_repository_free(repo);
    git_libgit2_shutdown();
    if (rc != 0) throw std::runtime_error("bare clone failed");
}

// Runs a shell command (the `git` command, in tests only); returns its standard output.
inline std::string shell(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    if (!p) return out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

}  // namespace cp::testing
