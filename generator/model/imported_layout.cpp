#include "model/imported_layout.hpp"

#include <map>

#include "model/page_reader.hpp"
#include "model/path_date.hpp"

namespace cp::model {

std::string TypeSuggestion::config_line() const { return "types: {\"" + glob + "\": " + type + "}"; }

std::vector<TypeSuggestion> suggest_types(const std::vector<std::string>& paths, const config::Config& config) {
    std::map<std::string, TypeSuggestion> by_folder;
    std::map<std::string, std::string> root_prefix;  // the names' common start, for a glob at the root
    for (const auto& path : paths) {
        if (type_of_path(path, config) != PageType::Page) continue;
        auto slash = path.find('/');
        std::string folder = slash == std::string::npos ? std::string{} : path.substr(0, slash);
        TypeSuggestion& s = by_folder[folder];
        s.folder = folder;
        ++s.files;
        if (date_from_path(path).date.empty()) continue;
        if (s.dated++ == 0) s.example = path;
        if (folder.empty()) {
            auto [it, first] = root_prefix.emplace("", path);
            if (!first) {
                std::size_t n = 0;
                while (n < it->second.size() && n < path.size() && it->second[n] == path[n]) ++n;
                it->second.resize(n);
            }
        }
    }
    std::vector<TypeSuggestion> out;
    for (auto& [folder, s] : by_folder) {
        if (s.dated < 3 || s.dated * 2 < s.files) continue;
        if (folder.empty()) {
            const std::string& prefix = root_prefix[""];
            if (prefix.empty()) continue;  // "*.md" would take the home page too
            s.glob = prefix + "*.md";
        } else {
            s.glob = folder + "/**";
        }
        s.type = "meeting";
        out.push_back(std::move(s));
    }
    return out;
}

void warn_untyped_dated_folders(const std::vector<Page>& pages, const config::Config& config, diag::Sink& sink) {
    std::vector<std::string> paths;
    paths.reserve(pages.size());
    for (const auto& p : pages) paths.push_back(p.source_path);
    for (const auto& s : suggest_types(paths, config)) {
        std::string where = s.folder.empty() ? "the memory's top folder" : s.folder + "/";
        sink.warning(s.folder.empty() ? "." : s.folder, 0, 0,
                     std::to_string(s.dated) + " of the " + std::to_string(s.files) + " files in " + where +
                         " carry a date in their names or folders (" + s.example +
                         ") but no type applies to them, so they are plain pages and not on the timeline: "
                         "add the line '" +
                         s.config_line() + "' to commonplace.yaml to make them meetings");
    }
}

}  // namespace cp::model
