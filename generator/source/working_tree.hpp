#pragma once
// Reads a memory from a folder on disk, uncommitted edits included.
#include <filesystem>

#include "diag/diagnostic.hpp"
#include "parallel/pool.hpp"
#include "source/snapshot.hpp"

namespace cp::source {

// Reads every file under `root`, skipping ignored names, what git ignores (when the
// folder is in a repository), symlinks (with a warning) and special files.
// The files are read on `pool`'s threads. A missing root is an error in the sink and an empty snapshot.
Snapshot read_working_tree(const std::filesystem::path& root, const ReadOptions& options, parallel::Pool& pool,
                           diag::Sink& sink);

}  // namespace cp::source
