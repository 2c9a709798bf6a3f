#pragma once
// Whole-site test helpers: a temporary folder that cleans up after itself, a memory
// written inline as path -> text, builds run in-process, and the output read back.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/load.hpp"
#include "site/build.hpp"
#include "text/files.hpp"

namespace cp::testing {

namespace fs = std::filesystem;

class TempFolder {
public:
    TempFolder() {
        std::random_device rd;
        path_ = fs::temp_directory_path() / ("cp-site-test-" + std::to_string(rd()) + std::to_string(rd()));
        fs::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& sub) const { return path_ / sub; }

private:
    fs::path path_;
};

inline void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
}

inline void write_files(const fs::path& root, const std::map<std::string, std::string>& files) {
    for (const auto& [rel, text] : files) write_file(root / rel, text);
}

// The tests' short name for it: a file the test expects and cannot find reads as empty.
inline std::string read_file(const fs::path& p) { return text::read_file_or_empty(p); }

// Every file under `root` as relative path -> bytes.
inline std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[fs::relative(e.path(), root).generic_string()] = read_file(e.path());
    return out;
}

struct BuildRun {
    int status = 0;
    std::string messages;
};

inline site::BuildOptions options_for(const fs::path& source, const fs::path& output) {
    site::BuildOptions o;
    o.source = source;
    o.output = output;
    o.themes_dir = fs::path(COMMONPLACE_SOURCE_DIR) / "themes";
    o.quiet = true;
    o.jobs = 2;
    return o;
}

inline BuildRun build_site(const site::BuildOptions& options) {
    std::ostringstream err;
    BuildRun run;
    run.status = site::build(options, err);
    run.messages = err.str();
    return run;
}

inline BuildRun check_site(const site::BuildOptions& options) {
    std::ostringstream err;
    BuildRun run;
    run.status = site::check(options, err);
    run.messages = err.str();
    return run;
}

inline fs::path example_memory() { return fs::path(COMMONPLACE_SOURCE_DIR) / "content-example"; }

// The default theme's English words, for a site a test makes by hand (a build loads its own).
inline const i18n::Catalog& english_words() {
    static const i18n::Catalog words = [] {
        diag::Sink sink;
        return i18n::load_catalog(fs::path(COMMONPLACE_SOURCE_DIR) / "themes" / "default", "en", std::nullopt, sink);
    }();
    return words;
}

// Every href="..." and src="..." value in an HTML text (our own output: attributes are quoted).
inline std::vector<std::string> links_in(const std::string& html) {
    std::vector<std::string> out;
    for (const std::string attr : {" href=\"", " src=\""}) {
        std::size_t pos = 0;
        while ((pos = html.find(attr, pos)) != std::string::npos) {
            pos += attr.size();
            std::size_t end = html.find('"', pos);
            if (end == std::string::npos) break;
            out.push_back(html.substr(pos, end - pos));
            pos = end;
        }
    }
    return out;
}

// Resolves a relative link found in `page` (site-relative file path) to the site-relative
// file it names, or "" for links that leave the site (schemes, data:, fragments alone).
inline std::string link_target(const std::string& page, std::string link) {
    if (link.empty() || link[0] == '#' || link.find(':') != std::string::npos) return {};
    if (auto hash = link.find('#'); hash != std::string::npos) link = link.substr(0, hash);
    if (auto q = link.find('?'); q != std::string::npos) link = link.substr(0, q);
    fs::path base = fs::path(page).parent_path();
    fs::path target = (base / link).lexically_normal();
    std::string t = target.generic_string();
    if (t.empty() || t == ".") t = "";
    if (link.back() == '/' || t.empty()) t = (t.empty() ? "" : (t.back() == '/' ? t : t + "/")) + "index.html";
    if (t.rfind("./", 0) == 0) t = t.substr(2);
    return t;
}

}  // namespace cp::testing
