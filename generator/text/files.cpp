#include "text/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

namespace cp::text {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    // One open, one fstat and reads straight into a string of the file's size: a stream
    // copied through a stringbuf left each of 50,000 notes with up to twice its size in
    // capacity, and cost the time of two copies.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    std::string out;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
        out.resize(static_cast<std::size_t>(st.st_size));
    std::size_t have = 0;
    while (true) {
        if (have == out.size()) {
            // As long as fstat said: one more read tells whether the file ends there.
            char probe[4096];
            ssize_t n = ::read(fd, probe, sizeof probe);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            out.append(probe, static_cast<std::size_t>(n));  // it grew while read (or no size was known)
            have = out.size();
            continue;
        }
        ssize_t n = ::read(fd, out.data() + have, out.size() - have);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;  // the end, or a failed read: what was read before it
        have += static_cast<std::size_t>(n);
    }
    ::close(fd);
    out.resize(have);
    return out;
}

std::string read_file_or_empty(const std::filesystem::path& path) { return read_file(path).value_or(std::string{}); }

std::string read_file_head(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::string out(max_bytes, '\0');
    in.read(out.data(), static_cast<std::streamsize>(max_bytes));
    out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    // A small file's head would otherwise keep all of `max_bytes`: 500 pictures held 128 MB.
    out.shrink_to_fit();
    return out;
}

}  // namespace cp::text
