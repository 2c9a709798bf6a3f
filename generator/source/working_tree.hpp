#pragma once
// Reads a memory from a folder on disk, uncommitted edits included.
#include <filesystem>
#include <map>
#include <string>

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
};

// Reads every file under `root`, skipping ignored names, what git ignores (when the
// folder is in a repository), symlinks (with a warning) and special files.
// The files are read on `pool`'s threads. A missing root is an error in the sink and an empty snapshot.
// With `cache`, unchanged files are taken from it and it is updated.
Snapshot read_working_tree(const std::filesystem::path& root, const ReadOptions& options, parallel::Pool& pool,
                           diag::Sink& sink, FileCache* cache = nullptr);

}  // namespace cp::source
