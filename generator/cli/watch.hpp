#pragma once
// Tells `serve` when a file of the memory was saved: at once through Linux's inotify (a watch
// on every folder, new folders included), else by comparing the files' sizes and times twice
// a second. What the memory's reader never reads ('.' names such as git's folder, `_site`) is
// not watched.
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cp::cli {

class SourceWatcher {
public:
    explicit SourceWatcher(std::filesystem::path root);
    ~SourceWatcher();
    SourceWatcher(const SourceWatcher&) = delete;
    SourceWatcher& operator=(const SourceWatcher&) = delete;

    // Waits up to `timeout` for a change; true when one came. An editor's save is often
    // several events (a temporary file, a rename), all within a millisecond or two: they are
    // taken together, up to 10 ms apart. (It was 30 ms: 20 ms of every preview's wait. An event
    // later than that starts another rebuild once this one is done, so nothing is missed.)
    bool wait_for_change(std::chrono::milliseconds timeout);
    // The files (relative to the root, '/'-separated) made, written, renamed or removed since
    // the last call, each once; nothing when that is not known: a folder was made, moved or
    // removed, a .gitignore changed, events were lost, or changes are seen on a timer. The
    // build reads those paths alone when it can (source::FileCache::note_changes).
    std::optional<std::vector<std::string>> take_changes();
    // True when changes are told by inotify, false when the files are compared on a timer.
    bool immediate() const { return inotify_ >= 0; }

private:
    void watch_tree(const std::filesystem::path& folder);
    bool read_events(int timeout_ms);  // true when an event that matters was read
    std::size_t fingerprint() const;

    std::filesystem::path root_;
    int inotify_ = -1;
    struct Watched {
        std::filesystem::path folder;
        std::string relative;  // to the root, '/'-separated; "" for the root
    };
    std::map<int, Watched> folders_;    // watch descriptor -> folder
    std::vector<std::string> changed_;  // since the last take_changes()
    bool lost_track_ = false;           // ... or what changed is not known
    std::size_t seen_ = 0;              // the fingerprint, when polling
};

}  // namespace cp::cli
