#pragma once
// Reads a memory from a folder on disk, uncommitted edits included.
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.hpp"
#include "parallel/pool.hpp"
#include "source/snapshot.hpp"

namespace cp::source {

// Files read before, by path (serve's rebuilds): a file whose size and modification time are
// what they were is not read again. Files no longer there are dropped at each read.
struct FileCache {
    struct Entry {
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
        std::string content;     // a text file's bytes; a picture's first bytes (its size is there)
        std::uint64_t hash = 0;  // text::QuickHash of a text file's bytes
    };
    std::unordered_map<std::string, Entry> files;
    // What git answered for each path the last walk asked it about (ignored or not), and a
    // stamp of every file its ignore rules were read from then: while the stamp is the same,
    // so are the answers (asking libgit2 was most of a walk's time).
    std::string ignore_rules;
    std::unordered_map<std::string, bool> ignored;

    // The last read's listing: each file as found (without its bytes) with its modification
    // time, every folder it went into, and the problems the walk reported. While serve's watcher
    // can say exactly which paths changed since, a read looks at those paths alone instead of
    // walking every folder again (a tenth of a rebuild at 10,000 notes).
    struct Listed {
        std::string path;
        std::uintmax_t size = 0;
        std::filesystem::file_time_type modified;
    };
    std::vector<Listed> listing;
    std::set<std::string> folders;  // '/'-separated, relative to the root; "" is the root
    std::vector<diag::Diagnostic> walk_problems;
    // The paths changed since the listing was made, or nothing when that is not known (no
    // listing yet, or the watcher lost track): then the next read walks.
    std::optional<std::set<std::string>> changed;
    std::size_t walks = 0;  // reads that walked every folder (for the tests)

    // Adds what the watcher saw to `changed`; nothing (`paths` empty) means it cannot say.
    void note_changes(const std::optional<std::vector<std::string>>& paths);
};

// Reads every file under `root`, skipping ignored names, what git ignores (when the
// folder is in a repository), symlinks (with a warning) and special files.
// The files are read on `pool`'s threads. A missing root is an error in the sink and an empty snapshot.
// With `cache`, unchanged files are taken from it and it is updated.
Snapshot read_working_tree(const std::filesystem::path& root, const ReadOptions& options, parallel::Pool& pool,
                           diag::Sink& sink, FileCache* cache = nullptr);

}  // namespace cp::source
