#include "output/writer.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <fstream>
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
        std::string_view part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
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
    fs::permissions(staging_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
}

SiteWriter::~SiteWriter() {
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

bool SiteWriter::write(const std::string& path, std::string_view content, const std::string& origin) {
    if (!claim(path, origin)) return false;
    fs::path target = staging_ / path;
    std::error_code ec;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + target.string());
    return true;
}

bool SiteWriter::copy(const std::string& path, const fs::path& from, const std::string& origin) {
    if (!claim(path, origin)) return false;
    fs::path target = staging_ / path;
    fs::create_directories(target.parent_path());
    fs::copy_file(from, target, fs::copy_options::overwrite_existing);
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
