#pragma once
// A file's old versions: its bytes at each commit of its history, renames followed. Read
// only for the files that are asked for (blobs are the expensive part of git), in parallel.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "history/history.hpp"
#include "parallel/pool.hpp"

namespace cp::history {

struct VersionRequest {
    std::string path;  // memory-relative, as it is now
    const std::vector<Revision>* revisions =
        nullptr;  // the file's, newest first (their blobs and paths then): not owned
};

struct FileVersion {
    std::string path;     // memory-relative, as it was named at that commit
    std::string content;  // its bytes then
};

// For each request, the file at each of its revisions (one entry per revision, in order), or
// nothing where it cannot be read there (no blob recorded, over `max_size`), handed to
// `take(i, versions)` as soon as they are read, on the worker that read them: a caller that keeps
// less than the bytes holds only a few files' old versions at a time. The history pass recorded
// each revision's blob and, across renames, its path then (as git log --follow pairs them), so a
// version is one blob read. The repository holding `folder` is opened once per worker (libgit2
// wants a repository object used by one thread at a time), on `pool`'s threads.
void read_versions_each(const std::filesystem::path& folder, const std::vector<VersionRequest>& requests,
                        std::uintmax_t max_size, parallel::Pool& pool,
                        const std::function<void(std::size_t, std::vector<std::optional<FileVersion>>&&)>& take);

}  // namespace cp::history
