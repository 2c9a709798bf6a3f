#include "source/working_tree.hpp"

#include "assets/image_size.hpp"
#include "parallel/pool.hpp"
#include "text/files.hpp"
#include "text/strings.hpp"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <memory>

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

private:
    struct Free {
        void operator()(git_repository* r) const { git_repository_free(r); }
    };
    std::unique_ptr<git_repository, Free> repo_;
    std::string prefix_;
};

// What walking the tree found besides the files themselves: which to read, and the newest change.
struct Walk {
    std::vector<std::size_t> to_read;          // indices of text files whose bytes are read below, in parallel
    std::vector<std::size_t> to_head;          // indices of pictures whose first bytes (their size) are read below
    std::vector<fs::file_time_type> modified;  // of each file, when there is a cache to keep them in
    fs::file_time_type newest = fs::file_time_type::min();  // {} is the file clock's epoch, after every real mtime
};

// Lists the memory's files into `files`, without their bytes: what git ignores and unread names
// are passed over, symbolic links and submodules too (each a warning). A text file over the
// size limit is marked too large, and not read.
// The kept entry for a file whose size and modification time are those it was read at, or nullptr.
const FileCache::Entry* unchanged(const FileCache* cache, const std::string& path, std::uintmax_t size,
                                  fs::file_time_type modified) {
    if (!cache) return nullptr;
    auto it = cache->files.find(path);
    if (it == cache->files.end() || it->second.size != size || it->second.modified != modified) return nullptr;
    return &it->second;
}

// With a cache, a text file whose size and time are unchanged takes its bytes from it.
Walk walk_tree(const fs::path& root, const ReadOptions& options, const GitIgnore& ignore,
               std::vector<SourceFile>& files, diag::Sink& sink, const FileCache* cache) {
    Walk walk;
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
            }
            continue;
        }
        if (!it->is_regular_file(ec)) continue;
        SourceFile file;
        file.path = rel;
        file.size = it->file_size(ec);
        auto mtime = it->last_write_time(ec);
        if (mtime > walk.newest) walk.newest = mtime;
        if (cache) walk.modified.push_back(mtime);
        file.underscored = is_underscored_path(rel);
        // An underscored file is only ever copied, but a transcript there is shown under its recording.
        if (is_text_source(rel) && (!file.underscored || is_transcript_name(rel))) {
            if (file.size > options.max_file_size) {
                file.too_large = true;
            } else if (const FileCache::Entry* kept = unchanged(cache, rel, file.size, mtime)) {
                file.content = kept->content;  // unchanged since the last read
                file.lfs_pointer = looks_like_lfs_pointer(file.content);
                files.push_back(std::move(file));
                continue;
            } else {
                walk.to_read.push_back(files.size());
            }
        } else if (assets::is_picture_name(rel)) {
            walk.to_head.push_back(files.size());
        }
        file.disk_path = p;
        files.push_back(std::move(file));
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
        file.disk_path.clear();  // held in memory now: copied from here, never from disk
    });
    pool.parallel_for(walk.to_head.size(), std::max(8u, pool.jobs()), [&](std::size_t i) {
        SourceFile& file = files[walk.to_head[i]];
        file.head = text::read_file_head(file.disk_path, assets::kImageHeadBytes);
    });
}

// What was read now replaces what the cache kept; files gone since are forgotten. A file changed
// in the last two seconds is not kept: a second save within the clock's tick, of the same size,
// would look unchanged (git's "racily clean" files).
void keep_in_cache(const std::vector<SourceFile>& files, const Walk& walk, FileCache& cache) {
    std::map<std::string, FileCache::Entry> kept;
    const auto settled = fs::file_time_type::clock::now() - std::chrono::seconds(2);
    for (std::size_t i = 0; i < files.size(); ++i) {
        const SourceFile& file = files[i];
        if (!file.disk_path.empty() || file.too_large || walk.modified[i] > settled) continue;
        kept[file.path] = {file.size, walk.modified[i], file.content};
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

}  // namespace

Snapshot read_working_tree(const fs::path& root, const ReadOptions& options, parallel::Pool& pool, diag::Sink& sink,
                           FileCache* cache) {
    Snapshot snap;
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
        sink.error(root.string(), 0, 0, "the memory's folder does not exist or is not a folder");
        return snap;
    }
    GitIgnore ignore(root);
    const Walk walk = walk_tree(root, options, ignore, snap.files, sink, cache);
    read_contents(snap.files, walk, pool);
    if (cache) keep_in_cache(snap.files, walk, *cache);
    std::sort(snap.files.begin(), snap.files.end(),
              [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
    if (walk.newest != fs::file_time_type::min()) snap.reference_date = utc_day_of(walk.newest);
    return snap;
}

}  // namespace cp::source
