#include "links/urls.hpp"

#include <vector>

namespace cp::links {

std::string root_prefix(std::string_view from_url) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 1; i < from_url.size(); ++i)
        if (from_url[i] == '/') ++depth;
    // A file URL ("/404.html", "/feed.xml") sits in its folder, not below it.
    if (!from_url.empty() && from_url.back() != '/') {
        depth = 0;
        for (std::size_t i = 1; i < from_url.size(); ++i)
            if (from_url[i] == '/') ++depth;
    }
    for (int i = 0; i < depth; ++i) out += "../";
    return out;
}

std::string relative_url(std::string_view from_url, std::string_view to_url) {
    if (to_url.empty() || to_url.front() != '/') return std::string(to_url);
    std::string out = root_prefix(from_url) + std::string(to_url.substr(1));
    if (out.empty()) return "./";
    if (out.front() == '#') return "./" + out;
    return out;
}

std::optional<std::string> join_path(std::string_view folder, std::string_view relative) {
    std::vector<std::string> parts;
    auto push_all = [&](std::string_view s) -> bool {
        std::size_t start = 0;
        while (start <= s.size()) {
            std::size_t end = s.find('/', start);
            std::string_view part =
                s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
            if (part == "..") {
                if (parts.empty()) return false;
                parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.emplace_back(part);
            }
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        return true;
    };
    if (!relative.empty() && relative.front() == '/') {
        relative.remove_prefix(1);  // "/notes/x.md": from the memory's root
    } else if (!push_all(folder)) {
        return std::nullopt;
    }
    if (!push_all(relative)) return std::nullopt;
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    return out;
}

}  // namespace cp::links
