#include "cli/watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <thread>
#include <utility>

#include "source/snapshot.hpp"

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

// How long after an event the watcher waits for the next of the same save (watch.hpp).
constexpr int kQuietMilliseconds = 10;

constexpr std::uint32_t kEvents =
    IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB;

// What the memory's reader never reads (source::is_unread_name: '.' names, `_site`): every other
// file may be shown, an underscored attachment or transcript too.
bool skipped(const std::string& name) { return source::is_unread_name(name); }

}  // namespace

SourceWatcher::SourceWatcher(fs::path root) : root_(std::move(root)) {
    inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (inotify_ >= 0) watch_tree(root_);
    if (inotify_ < 0) seen_ = fingerprint();
}

SourceWatcher::~SourceWatcher() {
    if (inotify_ >= 0) ::close(inotify_);
}

void SourceWatcher::watch_tree(const fs::path& folder) {
    int wd = ::inotify_add_watch(inotify_, folder.c_str(), kEvents);
    if (wd < 0) {
        // Past the system's limit of watches (fs.inotify.max_user_watches): compare on a timer.
        ::close(inotify_);
        inotify_ = -1;
        folders_.clear();
        return;
    }
    std::string relative = folder == root_ ? std::string{} : folder.lexically_relative(root_).generic_string();
    folders_[wd] = {folder, std::move(relative)};
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end && inotify_ >= 0; it.increment(ec))
        if (it->is_directory(ec) && !it->is_symlink(ec) && !skipped(it->path().filename().string()))
            watch_tree(it->path());
}

bool SourceWatcher::read_events(int timeout_ms) {
    pollfd pfd{inotify_, POLLIN, 0};
    if (::poll(&pfd, 1, timeout_ms) <= 0) return false;
    alignas(inotify_event) char buffer[64 * 1024];
    bool mattered = false;
    while (true) {
        ssize_t n = ::read(inotify_, buffer, sizeof buffer);
        if (n <= 0) break;
        for (char* at = buffer; at < buffer + n;) {
            const auto* event = reinterpret_cast<const inotify_event*>(at);
            at += sizeof(inotify_event) + event->len;
            std::string name = event->len ? std::string(event->name) : std::string{};
            if (event->mask & IN_Q_OVERFLOW) {
                mattered = lost_track_ = true;  // events were lost: something changed
                continue;
            }
            if (name == ".gitignore") mattered = lost_track_ = true;  // what is read may change
            if (skipped(name)) continue;
            mattered = true;
            auto folder = folders_.find(event->wd);
            if ((event->mask & (IN_ISDIR | IN_IGNORED)) || folder == folders_.end())
                lost_track_ = true;  // a folder made, moved or removed: the build walks them all
            else
                changed_.push_back(folder->second.relative.empty() ? name : folder->second.relative + "/" + name);
            if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO)) && folder != folders_.end())
                watch_tree(folder->second.folder / name);  // a new folder: its files are watched too
            if (event->mask & IN_IGNORED) folders_.erase(event->wd);
            if (inotify_ < 0) return true;  // fell back to the timer inside watch_tree
        }
    }
    return mattered;
}

bool SourceWatcher::wait_for_change(std::chrono::milliseconds timeout) {
    if (inotify_ >= 0) {
        if (!read_events(static_cast<int>(timeout.count()))) return false;
        while (inotify_ >= 0 && read_events(kQuietMilliseconds)) {}
        return true;
    }
    std::this_thread::sleep_for(std::min(timeout, std::chrono::milliseconds(500)));
    std::size_t now = fingerprint();
    if (now == seen_) return false;
    seen_ = now;
    return true;
}

std::optional<std::vector<std::string>> SourceWatcher::take_changes() {
    std::vector<std::string> changed = std::exchange(changed_, {});
    if (std::exchange(lost_track_, false) || inotify_ < 0) return std::nullopt;
    std::sort(changed.begin(), changed.end());
    changed.erase(std::unique(changed.begin(), changed.end()), changed.end());
    return changed;
}

// A fingerprint of the memory's files: paths, sizes and modification times.
std::size_t SourceWatcher::fingerprint() const {
    std::size_t h = 0;
    std::error_code ec;
    auto mix = [&h](std::size_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); };
    for (auto it = fs::recursive_directory_iterator(root_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (skipped(it->path().filename().string())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        mix(std::hash<std::string>{}(it->path().string()));
        if (it->is_regular_file(ec)) {
            mix(static_cast<std::size_t>(it->file_size(ec)));
            mix(static_cast<std::size_t>(it->last_write_time(ec).time_since_epoch().count()));
        }
    }
    return h;
}

}  // namespace cp::cli
