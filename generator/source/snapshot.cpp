#include "source/snapshot.hpp"

#include <algorithm>

namespace cp::source {

const SourceFile* Snapshot::find(const std::string& path) const {
    auto it = std::lower_bound(files.begin(), files.end(), path,
                               [](const SourceFile& f, const std::string& p) { return f.path < p; });
    if (it != files.end() && it->path == path) return &*it;
    return nullptr;
}

bool is_ignored_name(std::string_view name) { return !name.empty() && (name.front() == '.' || name.front() == '_'); }

bool is_unread_name(std::string_view name) { return (!name.empty() && name.front() == '.') || name == "_site"; }

bool is_underscored_path(std::string_view path) {
    return (!path.empty() && path.front() == '_') || path.find("/_") != std::string_view::npos;
}

bool looks_like_lfs_pointer(std::string_view content) {
    return content.size() < 1024 && content.rfind("version https://git-lfs.github.com/spec/", 0) == 0;
}

}  // namespace cp::source
