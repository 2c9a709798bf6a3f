#pragma once
// A file's old versions: its bytes at each commit of its history, renames followed. Read
// only for the files that are asked for (blobs are the expensive part of git), in parallel.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace cp::history {

struct VersionRequest {
    std::string path;                  // memory-relative, as it is now
    std::vector<std::string> commits;  // the file's revisions' commits, newest first
};

struct FileVersion {
    std::string path;     // memory-relative, as it was named at that commit
    std::string content;  // its bytes then
};

// For each request, the file at each of its commits (one entry per commit, in order), or
// nothing where it cannot be read there (removed, over `max_size`, not a plain file). A rename
// is followed where git's similarity pairs the file with one its commit's first parent had.
// The repository holding `folder` is opened once per worker (libgit2 wants a repository
// object used by one thread at a time), on `jobs` threads.
std::vector<std::vector<std::optional<FileVersion>>> read_versions(const std::filesystem::path& folder,
                                                                   const std::vector<VersionRequest>& requests,
                                                                   std::uintmax_t max_size, unsigned jobs);

}  // namespace cp::history
