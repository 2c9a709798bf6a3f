#pragma once
// Writes the site into a new folder beside the output and swaps it in only when
// the whole build succeeded: a failed or killed build leaves the earlier site untouched.
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace cp::output {

class SiteWriter {
public:
    // Prepares a fresh staging folder beside `out` (same parent, so the swap is a rename).
    // Throws std::runtime_error when the folder cannot be made.
    explicit SiteWriter(std::filesystem::path out);
    // Removes the staging folder unless commit() succeeded.
    ~SiteWriter();
    SiteWriter(const SiteWriter&) = delete;
    SiteWriter& operator=(const SiteWriter&) = delete;

    // Writes a file at a site-relative path ("notes/x/index.html"); thread-safe.
    // Returns false (and writes nothing) when the path is unsafe (absolute, "..", empty
    // parts) or was already written by another source, which `conflict()` then names.
    bool write(const std::string& path, std::string_view content, const std::string& origin);
    // The same for a file made piece by piece as it is written (the whole-memory export, of
    // hundreds of megabytes at 50,000 notes), never held whole: `produce` is called once and
    // hands each piece, in order, to the function it is given.
    using Piece = std::function<void(std::string_view)>;
    using Producer = std::function<void(const Piece&)>;
    bool write_pieces(const std::string& path, const std::string& origin, const Producer& produce);
    // Copies a file from disk into the site; same rules as write().
    bool copy(const std::string& path, const std::filesystem::path& from, const std::string& origin);

    // Who wrote a path, or empty: for naming both sides of a conflict.
    std::string origin_of(const std::string& path) const;
    // Every path written, sorted.
    std::vector<std::string> paths() const;
    const std::filesystem::path& staging() const { return staging_; }

    // Swaps the staging folder in as `out`; the old output is removed. Throws on failure,
    // leaving the old output in place.
    void commit();

private:
    bool claim(const std::string& path, const std::string& origin);
    // Makes the folders of `path` under the staging folder, each once.
    void make_parents(const std::string& path);
    std::filesystem::path out_, staging_;
    int staging_fd_ = -1;  // files are made relative to it: no walk of the whole path each time
    mutable std::mutex mutex_;
    std::map<std::string, std::string> written_;  // path -> origin
    std::set<std::string> folders_;               // folders made in the staging folder
    bool committed_ = false;
};

// True for a relative path with no "..", "." or empty parts and no backslash or NUL.
bool is_safe_relative_path(std::string_view path);

}  // namespace cp::output
