#include "output/writer.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace cp::output {

namespace fs = std::filesystem;

bool is_safe_relative_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.back() == '/') return false;
    if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        std::string_view part =
            path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (part.empty() || part == "." || part == ".." || part == ".git") return false;
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return true;
}

SiteWriter::SiteWriter(fs::path out) : out_(std::move(out)) {
    if (out_.filename().empty()) out_ = out_.parent_path();
    fs::path parent = fs::absolute(out_).parent_path();
    fs::create_directories(parent);
    std::string pattern = (parent / ("." + out_.filename().string() + ".building-XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) throw std::runtime_error("cannot make a staging folder beside " + out_.string());
    staging_ = buf.data();
    fs::permissions(staging_,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec | fs::perms::others_read |
                        fs::perms::others_exec);
    staging_fd_ = ::open(staging_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (staging_fd_ < 0) throw std::runtime_error("cannot open the staging folder " + staging_.string());
}

SiteWriter::~SiteWriter() {
    if (staging_fd_ >= 0) ::close(staging_fd_);
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

bool SiteWriter::claim(const std::string& path, const std::string& origin) {
    if (!is_safe_relative_path(path)) return false;
    std::lock_guard lock(mutex_);
    return written_.emplace(path, origin).second;
}

std::string SiteWriter::origin_of(const std::string& path) const {
    std::lock_guard lock(mutex_);
    auto it = written_.find(path);
    return it == written_.end() ? std::string{} : it->second;
}

std::vector<std::string> SiteWriter::paths() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [p, o] : written_) out.push_back(p);
    return out;
}

void SiteWriter::make_parents(const std::string& path) {
    // Thousands of pages share a few folders, and each page has a folder of its own: each
    // folder is made once, relative to the staging folder, parents first. The path is safe
    // (claim() checked it), so every part is a plain name.
    for (std::size_t slash = path.find('/'); slash != std::string::npos; slash = path.find('/', slash + 1)) {
        std::string folder = path.substr(0, slash);
        {
            std::lock_guard lock(mutex_);
            if (folders_.count(folder)) continue;
        }
        if (::mkdirat(staging_fd_, folder.c_str(), 0755) != 0 && errno != EEXIST)
            throw std::runtime_error("cannot make the folder " + (staging_ / folder).string() + ": " +
                                     std::strerror(errno));
        std::lock_guard lock(mutex_);
        folders_.insert(std::move(folder));
    }
}

namespace {

// Writes all of `bytes` to `fd`, across short writes; throws naming `path` on failure.
void write_all(int fd, std::string_view bytes, const fs::path& path) {
    const char* data = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(errno));
        data += n;
        left -= static_cast<std::size_t>(n);
    }
}

// The pieces of one file gathered before they are written: a page comes in a handful (its
// layout's text, the page, its parts), and a write for each was 106,000 system calls for the
// 16,000 files of 10,000 notes. A piece of this size or more is written as it comes.
class GatheredWrites {
public:
    static constexpr std::size_t kSize = std::size_t{64} * 1024;

    GatheredWrites(int fd, const fs::path& path) : fd_(fd), path_(path) { held_.reserve(kSize); }
    void add(std::string_view bytes) {
        if (held_.size() + bytes.size() > kSize) flush();
        if (bytes.size() >= kSize)
            write_all(fd_, bytes, path_);
        else
            held_.append(bytes);
    }
    void flush() {
        write_all(fd_, held_, path_);
        held_.clear();
    }

private:
    int fd_;
    const fs::path& path_;
    std::string held_;
};

}  // namespace

bool SiteWriter::write(const std::string& path, std::string_view content, const std::string& origin) {
    return write_pieces(path, origin, [content](const Piece& piece) { piece(content); });
}

bool SiteWriter::write_pieces(const std::string& path, const std::string& origin, const Producer& produce) {
    if (!claim(path, origin)) return false;
    make_parents(path);
    // O_EXCL: claim() let this path through once, so the file must be new.
    int fd = ::openat(staging_fd_, path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot write " + (staging_ / path).string() + ": " + std::strerror(errno));
    try {
        const fs::path written = staging_ / path;
        GatheredWrites writes(fd, written);
        produce([&](std::string_view bytes) { writes.add(bytes); });
        writes.flush();
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0)
        throw std::runtime_error("cannot write " + (staging_ / path).string() + ": " + std::strerror(errno));
    return true;
}

bool SiteWriter::copy(const std::string& path, const fs::path& from, const std::string& origin) {
    if (!claim(path, origin)) return false;
    make_parents(path);
    fs::copy_file(from, staging_ / path, fs::copy_options::overwrite_existing);
    return true;
}

void SiteWriter::commit() {
    std::error_code ec;
    if (fs::exists(fs::symlink_status(out_, ec))) {
        // Exchange the two folders in one step where the kernel can (Linux renameat2),
        // so there is no moment with no site at all; then remove the old one.
        if (renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
            committed_ = true;
            fs::remove_all(staging_, ec);  // now holds the old site
            return;
        }
        fs::path old = staging_.string() + ".old";
        fs::rename(out_, old);
        try {
            fs::rename(staging_, out_);
        } catch (...) {
            fs::rename(old, out_);
            throw;
        }
        committed_ = true;
        fs::remove_all(old, ec);
        return;
    }
    fs::rename(staging_, out_);
    committed_ = true;
}

}  // namespace cp::output
