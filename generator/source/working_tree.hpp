#pragma once
// Reads a memory from a folder on disk, uncommitted edits included.
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>

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
        std::string content;
    };
    std::map<std::string, Entry> files;
    // What git answered for each path the last walk asked it about (ignored or not), and a
    // stamp of every file its ignore rules were read from then: while the stamp is the same,
    // so are the answers (asking libgit2 was most of a walk's time).
    std::string ignore_rules;
    std::unordered_map<std::string, bool> ignored;
};

// Reads every file under `root`, skipping ignored names, what git ignores (when the
// folder is in a repository), symlinks (with a warning) and special files.
// The files are read on `pool`'s threads. A missing root is an error in the sink and an empty snapshot.
// With `cache`, unchanged files are taken from it and it is updated.
Snapshot read_working_tree(const std::filesystem::path& root, const ReadOptions& options, parallel::Pool& pool,
                           diag::Sink& sink, FileCache* cache = nullptr);

}  // namespace cp::source
