#pragma once
// Tells `serve` when a file of the memory was saved: at once through Linux's inotify (a watch
// on every folder, new folders included), else by comparing the files' sizes and times twice
// a second. What the memory's reader never reads ('.' names such as git's folder, `_site`) is
// not watched.
#include <chrono>
#include <filesystem>
#include <map>
#include <string>

namespace cp::cli {

class SourceWatcher {
public:
    explicit SourceWatcher(std::filesystem::path root);
    ~SourceWatcher();
    SourceWatcher(const SourceWatcher&) = delete;
    SourceWatcher& operator=(const SourceWatcher&) = delete;

    // Waits up to `timeout` for a change; true when one came. An editor's save is often
    // several events (a temporary file, a rename): they are taken together, up to 30 ms apart.
    bool wait_for_change(std::chrono::milliseconds timeout);
    // True when changes are told by inotify, false when the files are compared on a timer.
    bool immediate() const { return inotify_ >= 0; }

private:
    void watch_tree(const std::filesystem::path& folder);
    bool read_events(int timeout_ms);  // true when an event that matters was read
    std::size_t fingerprint() const;

    std::filesystem::path root_;
    int inotify_ = -1;
    std::map<int, std::filesystem::path> folders_;  // watch descriptor -> folder
    std::size_t seen_ = 0;                          // the fingerprint, when polling
};

}  // namespace cp::cli
