#pragma once
// The memory's files as one value, whether read from the working tree or from
// a git commit: every later stage reads only this, never the disk or the repository.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cp::source {

struct SourceFile {
    std::string path;                 // relative to the memory's root, '/'-separated
    std::string content;              // the bytes (empty when `disk_path` is set or the file is refused)
    std::filesystem::path disk_path;  // for a working-tree asset: copied from here, not held in memory
    // For a working-tree picture (held on disk): its first bytes, where its width and height are.
    std::string head;
    std::uintmax_t size = 0;   // bytes
    bool too_large = false;    // over the size limit: content not read
    bool lfs_pointer = false;  // a Git LFS pointer, not the real file
    // Under a name starting with '_' (`_attachments/x.png`, `_Sidebar.md`): the contract ignores
    // it as content (never a page), but a page that links to it explicitly gets it copied.
    bool underscored = false;
    // text::QuickHash of `content`, when serve's cache of the working tree already knew it (the
    // file unchanged since it was read), or when the text was let go; 0 when not known.
    std::uint64_t quick_hash = 0;
    // The text was let go once it was read into a page (let_go_of_text): `content` holds at most
    // its first part, and source::ReadAgain reads it whole from where it came from.
    bool text_let_go = false;
};

struct Snapshot {
    std::vector<SourceFile> files;      // sorted by path
    std::string reference_date;         // YYYY-MM-DD: the source commit's date, else the newest file's
    std::optional<std::string> commit;  // the commit id read, when built from git
    // The folder read: the working tree's, or (with `commit`) one in that commit's repository.
    // source::ReadAgain looks there.
    std::filesystem::path root;
    // Finds a file by its relative path, or nullptr.
    const SourceFile* find(const std::string& path) const;
};

// The most files, and bytes (their contents and paths), a memory's tree may hold. A git tree can
// name one folder many times: ten entries a level, nine levels deep, is a billion paths in a few
// kilobytes. Far above any real memory (the benchmarks go to 50,000 notes), far below a hang.
inline constexpr std::size_t kMaxTreePaths = 1'000'000;
inline constexpr std::uintmax_t kMaxTreeBytes = std::uintmax_t{4} << 30;

struct ReadOptions {
    std::uintmax_t max_file_size = std::uintmax_t{4} * 1024 * 1024;  // for .md and .yaml files
    std::size_t max_paths = kMaxTreePaths;
    std::uintmax_t max_bytes = kMaxTreeBytes;
    bool contents = true;  // false: the files' paths only, no bytes read (git trees)
};

// True for a file read into memory (under the size limit): Markdown, YAML, templates, HTML, an
// SVG (checked for scripts before it is copied) and a recording's captions or transcript
// (.vtt, .txt). Other files are copied from where they are.
bool is_text_source(std::string_view path);
// True for a name a recording's captions or transcript may have: .vtt, .txt or .md.
bool is_transcript_name(std::string_view path);

// True for a path component the contract says to ignore: names starting with '.' or '_'.
bool is_ignored_name(std::string_view name);
// True for a name never read at all: starting with '.', or `_site` (the build's own output).
// Other '_' names are read as files a page may link to (SourceFile::underscored).
bool is_unread_name(std::string_view name);
// True when a component of the '/'-separated `path` starts with '_'.
bool is_underscored_path(std::string_view path);
// True when the bytes start like a Git LFS pointer file.
bool looks_like_lfs_pointer(std::string_view content);

}  // namespace cp::source
