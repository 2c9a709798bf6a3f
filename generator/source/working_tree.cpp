#include "source/working_tree.hpp"

#include "assets/image_size.hpp"
#include "parallel/pool.hpp"
#include "text/files.hpp"
#include "text/hash.hpp"
#include "text/strings.hpp"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <set>
#include <unordered_map>

namespace cp::source {

namespace fs = std::filesystem;

namespace {

// Asks git (through libgit2) whether a path is ignored; a folder outside any repository ignores nothing.
class GitIgnore {
public:
    explicit GitIgnore(const fs::path& root) {
        git_libgit2_init();
        git_repository* repo = nullptr;
        if (git_repository_open_ext(&repo, root.c_str(), 0, nullptr) == 0) {
            repo_.reset(repo);
            if (const char* wd = git_repository_workdir(repo)) {
                std::error_code ec;
                auto rel = fs::relative(fs::weakly_canonical(root, ec), fs::weakly_canonical(wd, ec), ec);
                prefix_ = (rel.empty() || rel == ".") ? "" : rel.generic_string() + "/";
            } else {
                repo_.reset();  // a bare repository has no working tree to ignore anything in
            }
        }
    }
    ~GitIgnore() { git_libgit2_shutdown(); }
    bool ignored(const std::string& rel_path) const {
        if (!repo_) return false;
        int ignored = 0;
        if (git_ignore_path_is_ignored(&ignored, repo_.get(), (prefix_ + rel_path).c_str()) != 0) return false;
        return ignored != 0;
    }
    // A stamp of the files git reads ignore rules from outside the memory's own folders: the
    // repository's info/exclude and config, the user's and the system's config, the excludes
    // file they name, and the .gitignore of each folder between the repository's top and the
    // memory (the walk stamps those inside it).
    std::string outside_rules() const {
        if (!repo_) return {};
        std::vector<std::string> files;
        const fs::path git_dir = git_repository_path(repo_.get());
        files.push_back((git_dir / "info" / "exclude").string());
        files.push_back((git_dir / "config").string());
        for (auto find : {git_config_find_global, git_config_find_xdg, git_config_find_system}) {
            git_buf found{};
            if (find(&found) == 0) files.emplace_back(found.ptr, found.size);
            git_buf_dispose(&found);
        }
        git_config* config = nullptr;
        if (git_repository_config_snapshot(&config, repo_.get()) == 0) {
            git_buf excludes{};
            if (git_config_get_path(&excludes, config, "core.excludesFile") == 0)
                files.emplace_back(excludes.ptr, excludes.size);
            git_buf_dispose(&excludes);
            // Without core.excludesFile, git reads $XDG_CONFIG_HOME/git/ignore (~/.config/git/ignore).
            const char* xdg = std::getenv("XDG_CONFIG_HOME");
            const char* home = std::getenv("HOME");
            if (xdg && *xdg)
                files.push_back((fs::path(xdg) / "git" / "ignore").string());
            else if (home && *home)
                files.push_back((fs::path(home) / ".config" / "git" / "ignore").string());
            git_config_free(config);
        }
        fs::path folder = git_repository_workdir(repo_.get());
        for (const auto& part : fs::path(prefix_)) {
            files.push_back((folder / ".gitignore").string());
            folder /= part;
        }
        std::string stamp;
        for (const auto& f : files) stamp += stamp_of(f);
        return stamp;
    }
    // A file's path, size and modification time, as a line; its path alone when it is not there.
    static std::string stamp_of(const fs::path& file) {
        std::error_code ec;
        std::string line = file.string();
        auto size = fs::file_size(file, ec);
        if (!ec) line += " " + std::to_string(size);
        auto time = fs::last_write_time(file, ec);
        if (!ec) line += " " + std::to_string(time.time_since_epoch().count());
        return line + "\n";
    }

private:
    struct Free {
        void operator()(git_repository* r) const { git_repository_free(r); }
    };
    std::unique_ptr<git_repository, Free> repo_;
    std::string prefix_;
};

// Git's ignore answers. With the last walk's answers (`before`, serve's), those are taken
// instead of asking git, and `asked` keeps every answer this walk used, for the next.
class IgnoreAnswers {
public:
    IgnoreAnswers(const GitIgnore& git, const std::unordered_map<std::string, bool>* before)
        : git_(git), before_(before) {}
    bool ignored(const std::string& rel) {
        if (!before_) return git_.ignored(rel);
        auto known = before_->find(rel);
        bool answer = known != before_->end() ? known->second : git_.ignored(rel);
        asked.emplace(rel, answer);
        return answer;
    }
    std::unordered_map<std::string, bool> asked;

private:
    const GitIgnore& git_;
    const std::unordered_map<std::string, bool>* before_;
};

// What walking the tree found besides the files themselves: which to read, and the newest change.
struct Walk {
    std::vector<std::string> ignore_files;     // a stamp of each .gitignore inside the memory's folders
    std::vector<std::size_t> to_read;          // indices of text files whose bytes are read below, in parallel
    std::vector<std::size_t> to_head;          // indices of pictures whose first bytes (their size) are read below
    std::vector<fs::file_time_type> modified;  // of each file, when there is a cache to keep them in
    std::set<std::string> folders;             // every folder gone into, when there is a cache (a full walk)
    fs::file_time_type newest = fs::file_time_type::min();  // {} is the file clock's epoch, after every real mtime
};

// The kept entry for a file whose size and modification time are those it was read at, or nullptr.
const FileCache::Entry* unchanged(const FileCache* cache, const std::string& path, std::uintmax_t size,
                                  fs::file_time_type modified) {
    if (!cache) return nullptr;
    auto it = cache->files.find(path);
    if (it == cache->files.end() || it->second.size != size || it->second.modified != modified) return nullptr;
    return &it->second;
}

// One regular file found at `rel` under `root` (on disk at `*at`, when the caller has its path
// already) added to `files`. With a cache, a text file whose size and time are those it was
// read at takes its bytes from it (and needs no path on disk).
void list_file(const fs::path& root, const fs::path* at, const std::string& rel, std::uintmax_t size,
               fs::file_time_type mtime, const ReadOptions& options, std::vector<SourceFile>& files, Walk& walk,
               const FileCache* cache) {
    SourceFile file;
    file.path = rel;
    file.size = size;
    if (mtime > walk.newest) walk.newest = mtime;
    if (cache) walk.modified.push_back(mtime);
    file.underscored = is_underscored_path(rel);
    // An underscored file is only ever copied, but a transcript there is shown under its recording.
    if (is_text_source(rel) && (!file.underscored || is_transcript_name(rel))) {
        if (file.size > options.max_file_size) {
            file.too_large = true;
        } else if (const FileCache::Entry* kept = unchanged(cache, rel, file.size, mtime)) {
            file.content = kept->content;  // unchanged since the last read
            file.quick_hash = kept->hash;
            file.lfs_pointer = looks_like_lfs_pointer(file.content);
            files.push_back(std::move(file));
            return;
        } else {
            walk.to_read.push_back(files.size());
        }
    } else if (assets::is_picture_name(rel)) {
        if (const FileCache::Entry* kept = unchanged(cache, rel, file.size, mtime))
            file.head = kept->content;
        else
            walk.to_head.push_back(files.size());
    }
    file.disk_path = at ? *at : root / rel;
    files.push_back(std::move(file));
}

// Lists the memory's files into `files`, without their bytes: what git ignores and unread names
// are passed over, symbolic links and submodules too (each a warning). A text file over the
// size limit is marked too large, and not read.
Walk walk_tree(const fs::path& root, const ReadOptions& options, IgnoreAnswers& ignore, std::vector<SourceFile>& files,
               diag::Sink& sink, const FileCache* cache) {
    Walk walk;
    if (cache) walk.folders.insert("");
    std::error_code ec;
    auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
    // Every path the iterator gives starts with the root as written: strip it as text, since
    // fs::relative() would resolve each path on disk, component by component.
    std::string root_text = root.generic_string();
    std::size_t root_length = root_text.size() + (root_text.empty() || root_text.back() == '/' ? 0 : 1);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        std::string rel = p.generic_string().substr(std::min(root_length, p.generic_string().size()));
        if (cache && name == ".gitignore") walk.ignore_files.push_back(GitIgnore::stamp_of(p));
        if (is_unread_name(name) || ignore.ignored(rel)) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_symlink(ec)) {
            sink.warning(rel, 0, 0, "symbolic link skipped: links are never followed");
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_directory(ec)) {
            // A submodule (or any nested repository) holds another repository's files, as git sees it.
            if (fs::exists(p / ".git", ec)) {
                sink.warning(rel, 0, 0, "submodule skipped: its files live in another repository");
                it.disable_recursion_pending();
            } else if (cache) {
                walk.folders.insert(rel);
            }
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        list_file(root, &p, rel, it->file_size(ec), it->last_write_time(ec), options, files, walk, cache);
    }
    return walk;
}

// The walk made again from the cache's listing, looking at the disk only for the paths the
// watcher said changed (a file there now is listed as the walk would list it; one gone is
// left out). Nothing when one of them needs a real walk: a .gitignore, a folder, a link, or a
// path the last walk warned about.
std::optional<Walk> walk_changed(const fs::path& root, const ReadOptions& options, IgnoreAnswers& ignore,
                                 std::vector<SourceFile>& files, const FileCache& cache) {
    const std::set<std::string>& changed = *cache.changed;
    for (const auto& d : cache.walk_problems)
        if (changed.count(d.path)) return std::nullopt;
    Walk walk;
    files.reserve(cache.listing.size() + changed.size());
    walk.modified.reserve(files.capacity());
    for (const auto& listed : cache.listing)
        if (!changed.count(listed.path))
            list_file(root, nullptr, listed.path, listed.size, listed.modified, options, files, walk, &cache);
    for (const auto& rel : changed) {
        const auto slash = rel.rfind('/');
        const std::string folder = slash == std::string::npos ? std::string{} : rel.substr(0, slash);
        const std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
        if (name == ".gitignore") return std::nullopt;
        // In a folder the walk does not go into (ignored, a submodule, '.'-named), or unread.
        if (!cache.folders.count(folder) || is_unread_name(name)) continue;
        const fs::path p = root / rel;
        std::error_code ec;
        const auto type = fs::symlink_status(p, ec).type();
        if (type == fs::file_type::not_found) continue;  // removed, or renamed away
        if (ec || type != fs::file_type::regular) return std::nullopt;
        if (ignore.ignored(rel)) continue;
        const auto size = fs::file_size(p, ec);
        const auto mtime = fs::last_write_time(p, ec);
        if (ec) return std::nullopt;
        list_file(root, &p, rel, size, mtime, options, files, walk, &cache);
    }
    return walk;
}

// Reads the text files' bytes, and the pictures' first bytes (their size), on every core.
void read_contents(std::vector<SourceFile>& files, const Walk& walk, parallel::Pool& pool) {
    // Reading waits on the disk more than on a core: when the files are not in the page
    // cache (a fresh clone, a CI runner), more readers than cores keep the disk busy.
    pool.parallel_for(walk.to_read.size(), std::max(8u, pool.jobs()), [&](std::size_t i) {
        SourceFile& file = files[walk.to_read[i]];
        file.content = text::read_file_or_empty(file.disk_path);
        file.lfs_pointer = looks_like_lfs_pointer(file.content);
        // Held in memory now: copied from here, never from disk. (A new path, as clear() keeps
        // the old one's storage: 400 bytes a file, 20 MB at 50,000 notes.)
        file.disk_path = std::filesystem::path{};
    });
    pool.parallel_for(walk.to_head.size(), std::max(8u, pool.jobs()), [&](std::size_t i) {
        SourceFile& file = files[walk.to_head[i]];
        file.head = text::read_file_head(file.disk_path, assets::kImageHeadBytes);
    });
}

// What was read now replaces what the cache kept (an unchanged file's entry is moved over, not
// copied again); files gone since are forgotten. A file changed in the last two seconds is not
// kept: a second save within the clock's tick, of the same size, would look unchanged (git's
// "racily clean" files).
void keep_in_cache(const std::vector<SourceFile>& files, const Walk& walk, FileCache& cache) {
    std::unordered_map<std::string, FileCache::Entry> kept;
    kept.reserve(files.size());
    const auto settled = fs::file_time_type::clock::now() - std::chrono::seconds(2);
    cache.listing.clear();
    for (std::size_t i = 0; i < files.size(); ++i) {
        const SourceFile& file = files[i];
        cache.listing.push_back({file.path, file.size, walk.modified[i]});
        const bool picture = !file.disk_path.empty() && !file.head.empty();  // its first bytes are kept
        if ((!file.disk_path.empty() && !picture) || file.too_large || walk.modified[i] > settled) continue;
        auto before = cache.files.find(file.path);
        if (before != cache.files.end() && before->second.size == file.size &&
            before->second.modified == walk.modified[i])
            kept.emplace(file.path, std::move(before->second));
        else
            kept.emplace(file.path,
                         picture ? FileCache::Entry{file.size, walk.modified[i], file.head, 0}
                                 : FileCache::Entry{file.size, walk.modified[i], file.content,
                                                    text::QuickHash::of(file.content)});
    }
    cache.files = std::move(kept);
}

// The day a file time falls on, in UTC, as YYYY-MM-DD.
std::string utc_day_of(fs::file_time_type time) {
    // file_time_type's epoch differs from the system clock's (GCC 12 has no clock_cast).
    auto sys = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        time - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    std::time_t t = std::chrono::system_clock::to_time_t(sys);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

// The walk, with what git ignores. With a cache, the last walk's answers are taken; when the
// files the rules come from turn out to have changed since (the .gitignore files are seen only
// as the walk goes), the walk is done again asking git about every path.
Walk walk_with_ignore_rules(const fs::path& root, const ReadOptions& options, std::vector<SourceFile>& files,
                            diag::Sink& sink, FileCache* cache) {
    GitIgnore git(root);
    if (!cache) {  // a build: one walk, asking git
        IgnoreAnswers answers(git, nullptr);
        return walk_tree(root, options, answers, files, sink, nullptr);
    }
    const std::string outside = git.outside_rules();
    struct Walked {
        Walk walk;
        std::unordered_map<std::string, bool> asked;
        std::vector<diag::Diagnostic> seen;  // reported once the walk is the one kept
        std::string rules;
    };
    auto walk_once = [&](const std::unordered_map<std::string, bool>* before) {
        IgnoreAnswers answers(git, before);
        diag::Sink seen;
        files.clear();
        Walked w{walk_tree(root, options, answers, files, seen, cache), std::move(answers.asked), seen.sorted(),
                 outside};
        std::sort(w.walk.ignore_files.begin(), w.walk.ignore_files.end());
        for (const auto& f : w.walk.ignore_files) w.rules += f;
        return w;
    };
    // The rules' stamp starts with the one of the files outside the memory's folders.
    if (cache->changed && cache->ignore_rules.starts_with(outside)) {
        IgnoreAnswers answers(git, &cache->ignored);
        files.clear();
        if (auto walk = walk_changed(root, options, answers, files, *cache)) {
            for (const auto& d : cache->walk_problems) sink.report(d);
            for (auto& [path, answer] : answers.asked) cache->ignored[path] = answer;
            return std::move(*walk);
        }
    }
    ++cache->walks;
    Walked w = walk_once(&cache->ignored);
    const std::unordered_map<std::string, bool> none;  // every path asked of git again, and kept
    if (w.rules != cache->ignore_rules && !cache->ignored.empty()) w = walk_once(&none);
    for (const auto& d : w.seen) sink.report(d);
    cache->ignore_rules = std::move(w.rules);
    cache->ignored = std::move(w.asked);
    cache->folders = w.walk.folders;
    cache->walk_problems = std::move(w.seen);
    return std::move(w.walk);
}

}  // namespace

void FileCache::note_changes(const std::optional<std::vector<std::string>>& paths) {
    if (!paths)
        changed.reset();
    else if (changed)
        changed->insert(paths->begin(), paths->end());
}

Snapshot read_working_tree(const fs::path& root, const ReadOptions& options, parallel::Pool& pool, diag::Sink& sink,
                           FileCache* cache) {
    Snapshot snap;
    snap.root = root;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        sink.error(root.string(), 0, 0, "the memory's folder does not exist or is not a folder");
        return snap;
    }
    const Walk walk = walk_with_ignore_rules(root, options, snap.files, sink, cache);
    read_contents(snap.files, walk, pool);
    if (cache) {
        keep_in_cache(snap.files, walk, *cache);
        cache->changed.emplace();  // the listing is now the folder as it is
    }
    std::sort(snap.files.begin(), snap.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    if (walk.newest != fs::file_time_type::min()) snap.reference_date = utc_day_of(walk.newest);
    return snap;
}

}  // namespace cp::source
