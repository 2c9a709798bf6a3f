// search_index_bench [--shard-bytes N] [--chunk N] MEMORY_DIR OUT_DIR
//
// Builds the search index of a memory without the rest of the generator, for
// bench/search: reads every .md file (front matter stripped; title from `title:`, else
// the first "# " heading, else the file name), takes the type from the top folder,
// strips the commonest Markdown marks from the body, calls build_search_index and
// writes the files under OUT_DIR (OUT_DIR/search/...). Prints the time it took.
// --shard-bytes and --chunk override IndexLimits (small values give a small test site
// many files).

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "search/search_index.hpp"

namespace fs = std::filesystem;
using cp::search::SearchDocument;

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trim(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\"'");
    const auto e = s.find_last_not_of(" \t\r\"'");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

struct Parsed {
    std::map<std::string, std::string> fields;  // top-level scalar keys of the front matter
    std::string body;
};

Parsed parse(const std::string& text) {
    Parsed out;
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    if (trim(line) != "---") {
        out.body = text;
        return out;
    }
    while (std::getline(in, line) && trim(line) != "---") {
        const auto colon = line.find(':');
        if (colon != std::string::npos && !line.empty() && line[0] != ' ' && line[0] != '-') {
            out.fields[line.substr(0, colon)] = trim(line.substr(colon + 1));
        }
    }
    std::ostringstream rest;
    rest << in.rdbuf();
    out.body = rest.str();
    return out;
}

// Plain text, roughly: link targets, wikilink targets and markup characters removed.
std::string plain_text(const std::string& md) {
    std::string out;
    out.reserve(md.size());
    std::istringstream in(md);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(":::", 0) == 0) continue;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
                const auto close = line.find(')', i);
                if (close != std::string::npos) i = close;
                out += ' ';
            } else if (c == '[' && i + 1 < line.size() && line[i + 1] == '[') {
                const auto close = line.find("]]", i);
                const auto bar = line.find('|', i);
                if (close != std::string::npos && bar != std::string::npos && bar < close) {
                    out.append(line, bar + 1, close - bar - 1);
                    i = close + 1;
                } else if (close != std::string::npos) {
                    out.append(line, i + 2, close - i - 2);
                    i = close + 1;
                }
            } else if (std::string_view("*_`~").find(c) != std::string_view::npos) {
                // emphasis and code marks: dropped
            } else if (std::string_view("#>[]|").find(c) != std::string_view::npos) {
                out += ' ';
            } else {
                out += c;
            }
        }
        out += '\n';
    }
    return out;
}

std::vector<std::string> list(const std::string& value) {
    std::vector<std::string> out;
    std::string v = trim(value);
    if (v.size() < 2 || v.front() != '[') return out;
    std::istringstream in(v.substr(1, v.size() - 2));
    std::string item;
    while (std::getline(in, item, ',')) {
        if (!trim(item).empty()) out.push_back(trim(item));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    cp::search::IndexLimits limits;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--shard-bytes" || arg == "--chunk") && i + 1 < argc) {
            (arg == "--chunk" ? limits.docs_per_chunk : limits.shard_bytes) = std::stoul(argv[++i]);
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.size() != 2 || limits.docs_per_chunk == 0) {
        std::cerr << "usage: search_index_bench [--shard-bytes N] [--chunk N] MEMORY_DIR OUT_DIR\n";
        return 2;
    }
    const fs::path root = paths[0];
    const fs::path out = paths[1];
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        const std::string name = it->path().filename().string();
        if (it->is_directory() &&
            (name.starts_with(".") || name.starts_with("_") || name == "drafts" || name == "hugo" ||
             name == "assets")) {
            it.disable_recursion_pending();
        } else if (it->is_regular_file() && it->path().extension() == ".md") {
            files.push_back(it->path());
        }
    }
    std::sort(files.begin(), files.end());

    static const std::map<std::string, std::string> kTypes{
        {"meetings", "meeting"}, {"notes", "note"}, {"domains", "domain"}, {"people", "person"}};
    std::map<std::string, std::string> domain_titles;  // slug -> title
    std::vector<SearchDocument> docs;
    std::deque<std::string> texts;  // what the documents' views show
    std::vector<std::vector<std::string>> domain_slugs;
    for (const fs::path& p : files) {
        const fs::path rel = fs::relative(p, root);
        const std::string top = rel.begin()->string();
        const Parsed parsed = parse(read_file(p));
        if (parsed.fields.count("draft") && parsed.fields.at("draft") == "true") continue;
        SearchDocument d;
        const auto type = kTypes.find(top);
        d.type = type == kTypes.end() ? "page" : type->second;
        const std::string stem = p.stem().string();
        d.url = d.type == "page" ? (stem == "index" ? "/" : "/" + stem + "/") : "/" + top + "/" + stem + "/";
        d.title = parsed.fields.count("title") ? parsed.fields.at("title") : "";
        if (d.title.empty()) {
            const auto h = parsed.body.find("\n# ");
            d.title = parsed.body.rfind("# ", 0) == 0 ? parsed.body.substr(2, parsed.body.find('\n') - 2)
                : h != std::string::npos              ? parsed.body.substr(h + 3, parsed.body.find('\n', h + 3) - h - 3)
                                                      : stem;
        }
        if (parsed.fields.count("date")) d.date = parsed.fields.at("date").substr(0, 10);
        d.texts.push_back(texts.emplace_back(plain_text(parsed.body)));
        if (d.type == "domain") domain_titles[stem] = d.title;
        domain_slugs.push_back(parsed.fields.count("domains") ? list(parsed.fields.at("domains"))
                                                              : std::vector<std::string>{});
        docs.push_back(std::move(d));
    }
    for (std::size_t i = 0; i < docs.size(); ++i) {
        for (const std::string& slug : domain_slugs[i]) {
            const auto t = domain_titles.find(slug);
            docs[i].domains.push_back(t == domain_titles.end() ? slug : t->second);
        }
    }

    const auto start = std::chrono::steady_clock::now();
    const auto index = cp::search::build_search_index(docs, limits);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::size_t bytes = 0;
    for (const auto& f : index) {
        const fs::path target = out / f.path;
        fs::create_directories(target.parent_path());
        std::ofstream(target, std::ios::binary) << f.content;
        bytes += f.content.size();
    }
    std::cout << docs.size() << " documents, " << index.size() << " files, " << bytes << " bytes, built in "
              << ms.count() << " ms\n";
    return 0;
}
