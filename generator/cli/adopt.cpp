#include "cli/adopt.hpp"

#include <fstream>

#include "diag/diagnostic.hpp"
#include "model/imported_layout.hpp"
#include "model/page_reader.hpp"
#include "model/path_date.hpp"
#include "site/build.hpp"
#include "source/working_tree.hpp"

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> markdown_paths(const fs::path& dir) {
    diag::Sink ignored;  // symlinks and submodules are reported by check, not by init
    parallel::Pool pool(0);
    source::Snapshot snapshot = source::read_working_tree(dir, {}, pool, ignored);
    std::vector<std::string> out;
    for (const auto& f : snapshot.files)
        if (!f.underscored && f.path.size() > 3 && f.path.compare(f.path.size() - 3, 3, ".md") == 0)
            out.push_back(f.path);
    return out;
}

std::string yaml_quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

}  // namespace

bool holds_markdown(const fs::path& dir) { return !markdown_paths(dir).empty(); }

std::string suggested_config(const fs::path& dir) {
    std::vector<std::string> paths = markdown_paths(dir);
    std::string name = fs::absolute(dir).lexically_normal().filename().string();
    if (name.empty()) name = fs::absolute(dir).lexically_normal().parent_path().filename().string();
    std::string text = "# Site settings: every key is optional (docs/content-model.md).\n";
    text += "title: " + yaml_quoted(name.empty() ? "Community memory" : name) + "\n";
    auto suggestions = model::suggest_types(paths, config::Config{});
    if (!suggestions.empty()) {
        text += "# Folders full of dated files, made meetings so the timeline shows them.\n";
        text += "types:\n";
        for (const auto& s : suggestions)
            text += "  " + yaml_quoted(s.glob) + ": " + s.type + "  # " + std::to_string(s.dated) + " of " +
                std::to_string(s.files) + " files dated, e.g. " + s.example + " -> " +
                model::date_from_path(s.example).date + "\n";
    }
    text +=
        "# Dates are read from front matter, else from the file's name or the folders above it\n"
        "# (2019-03-14-sync.md, 2019/03/14.md, 2024-07/july-29.md, meeting-2019-03-14.md).\n";
    return text;
}

int adopt_repository(const fs::path& dir, std::ostream& out, std::ostream& err) {
    std::string config = suggested_config(dir);
    fs::path path = dir / "commonplace.yaml";
    std::ofstream file(path, std::ios::binary);
    file << config;
    if (!file) {
        err << path.string() << ": error: cannot write the config\n";
        return site::kExitContentError;
    }
    out << "Wrote " << path.string() << " for the files already here:\n\n" << config << "\n";
    return site::kExitOk;
}

}  // namespace cp::cli
