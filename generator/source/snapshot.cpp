#include "source/snapshot.hpp"

#include <algorithm>

#include "text/strings.hpp"

namespace cp::source {

const SourceFile* Snapshot::find(const std::string& path) const {
    auto it = std::lower_bound(files.begin(), files.end(), path,
                               [](const SourceFile& f, const std::string& p) { return f.path < p; });
    if (it != files.end() && it->path == path) return &*it;
    return nullptr;
}

namespace {

bool ends_with(std::string_view path, std::string_view suffix) {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
}

// The name's extension, lower-cased: ".vtt".
std::string lower_extension(std::string_view path) {
    auto dot = path.rfind('.');
    if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return {};
    return text::lower(path.substr(dot));
}

}  // namespace

bool is_text_source(std::string_view path) {
    std::string ext = lower_extension(path);
    return ends_with(path, ".md") || ends_with(path, ".yaml") || ends_with(path, ".yml") ||
        ends_with(path, ".mustache") || ends_with(path, ".html") || ext == ".svg" || ext == ".vtt" || ext == ".txt";
}

bool is_transcript_name(std::string_view path) {
    std::string ext = lower_extension(path);
    return ext == ".vtt" || ext == ".txt" || ext == ".md";
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
