// bench_floor [--skip NAME]... MEMORY_DIR [OUT_DIR]
//
// The Markdown floor for bench/run: the least work any generator of this memory must do.
// Reads every .md file under MEMORY_DIR (folders whose name starts with '.' are skipped, and
// so is each top-level folder named by --skip, e.g. the Hugo twin `hugo`), strips the front
// matter (a first line `---` up to the next `---` or `...` line), renders each body with
// cmark-gfm using commonplace's extensions and options, single-threaded, in one process.
//
// With OUT_DIR it also writes each page's HTML to OUT_DIR/<path>.html: every generator
// writes its pages, so the floor does too (bench/run always passes OUT_DIR). No templates,
// no links, no history: that is what makes it a floor.
//
// Prints "PAGES pages, BYTES bytes of HTML". Exits 1 (with a message) when MEMORY_DIR cannot
// be read or an output file cannot be written, 2 on bad arguments.

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The same as generator/markdown/render.cpp, so the floor renders exactly what the build does.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG;
constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

std::string read_whole(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A line's text without its newline (and a CR before it).
std::string_view line_at(std::string_view text, std::size_t start, std::size_t& next) {
    std::size_t end = text.find('\n', start);
    next = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(start, (end == std::string_view::npos ? text.size() : end) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// The body after the front matter; the whole text when there is none or it never closes.
std::string_view body_of(std::string_view text) {
    std::size_t pos = 0;
    if (line_at(text, 0, pos) != "---") return text;
    while (pos < text.size()) {
        std::size_t next;
        std::string_view line = line_at(text, pos, next);
        if (line == "---" || line == "...") return text.substr(next);
        pos = next;
    }
    return text;
}

// Every .md file under root, sorted so runs are identical.
std::vector<fs::path> markdown_files(const fs::path& root, const std::set<std::string>& skip_top) {
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(root), end;
    for (; it != end; ++it) {
        const fs::path& p = it->path();
        std::string name = p.filename().string();
        if (it->is_directory()) {
            if (name.starts_with('.') || (it.depth() == 0 && skip_top.count(name))) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file() && p.extension() == ".md") files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string render_html(std::string_view markdown) {
    cmark_parser* parser = cmark_parser_new(kOptions);
    for (const char* name : kExtensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* root = cmark_parser_finish(parser);
    std::string out;
    if (root) {
        char* html = cmark_render_html(root, kOptions, cmark_parser_get_syntax_extensions(parser));
        if (html) {
            out = html;
            free(html);
        }
        cmark_node_free(root);
    }
    cmark_parser_free(parser);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::set<std::string> skip;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        if (a == "--skip" && i + 1 < argc) {
            skip.insert(argv[++i]);
        } else if (a.starts_with("-")) {
            std::cerr << "usage: bench_floor [--skip NAME]... MEMORY_DIR [OUT_DIR]\n";
            return 2;
        } else {
            positional.emplace_back(a);
        }
    }
    if (positional.empty() || positional.size() > 2) {
        std::cerr << "usage: bench_floor [--skip NAME]... MEMORY_DIR [OUT_DIR]\n";
        return 2;
    }
    // Registration is global and not thread-safe: once, first (we have one thread anyway).
    cmark_gfm_core_extensions_ensure_registered();

    fs::path root = positional[0];
    std::vector<fs::path> files;
    try {
        files = markdown_files(root, skip);
    } catch (const fs::filesystem_error& e) {
        std::cerr << "bench_floor: " << e.what() << "\n";
        return 1;
    }
    bool write = positional.size() == 2;
    fs::path out_root = write ? fs::path(positional[1]) : fs::path();

    std::size_t total = 0;
    for (const fs::path& file : files) {
        std::string text = read_whole(file);
        std::string html = render_html(body_of(text));
        total += html.size();
        if (!write) continue;
        fs::path dest = out_root / fs::relative(file, root);
        dest.replace_extension(".html");
        std::error_code ec;
        fs::create_directories(dest.parent_path(), ec);
        std::ofstream out(dest, std::ios::binary);
        out.write(html.data(), static_cast<std::streamsize>(html.size()));
        if (!out) {
            std::cerr << "bench_floor: cannot write " << dest << "\n";
            return 1;
        }
    }
    std::cout << files.size() << " pages, " << total << " bytes of HTML\n";
    return 0;
}
