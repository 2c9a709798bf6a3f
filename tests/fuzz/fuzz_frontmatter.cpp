// Front matter and YAML: a file split into front matter and body, the YAML parsed by both
// parsers (the fast one and yaml-cpp's path), which must agree wherever the fast one takes the
// text, every field reader run on every value, and the file read as a page of each type.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "../unit/yaml_describe.hpp"
#include "frontmatter/fields.hpp"
#include "frontmatter/simple_yaml.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "model/page_reader.hpp"

using namespace cp;

namespace {

void read_every_shape(frontmatter::FieldReader& read, const frontmatter::YamlNode& node, int depth) {
    if (depth > 4) return;
    read.string(node, "f");
    read.string_list(node, "f");
    read.date(node, "f");
    read.time(node, "f");
    read.boolean(node, "f");
    read.one_of(node, "f", {"public", "community"});
    for (const auto& item : node.items) read_every_shape(read, item, depth + 1);
    for (const auto& [key, value] : node.entries) read_every_shape(read, value, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string path = "notes/fuzz.md";
    diag::Sink sink;
    auto split = frontmatter::split(text, path, sink);
    if (split && split->has_front_matter) {
        // The two parsers must give the same tree and the same problems (simple_yaml.hpp).
        if (frontmatter::parse_simple_yaml(split->yaml, split->yaml_first_line, {})) {
            diag::Sink fast_sink, slow_sink;
            auto fast = frontmatter::parse_yaml(split->yaml, split->yaml_first_line, path, fast_sink);
            auto slow = frontmatter::parse_yaml_with_yaml_cpp(split->yaml, split->yaml_first_line, path, slow_sink);
            std::string a = testing::outcome(fast, fast_sink), b = testing::outcome(slow, slow_sink);
            if (a != b) {
                std::fprintf(stderr, "the parsers disagree\n--- fast:\n%s\n--- yaml-cpp:\n%s\n", a.c_str(), b.c_str());
                std::abort();
            }
        }
        diag::Sink tree_sink;
        if (auto tree = frontmatter::parse_yaml(split->yaml, split->yaml_first_line, path, tree_sink)) {
            frontmatter::FieldReader read(path, tree_sink);
            read_every_shape(read, *tree, 0);
        }
    }
    // The whole file as a page, in each type's folder (the type decides the fields read).
    static const char* folders[] = {"notes/", "meetings/2016/", "people/", "domains/", ""};
    config::Config config;
    for (const char* folder : folders) {
        source::SourceFile file;
        file.path = std::string(folder) + "fuzz.md";
        file.content = std::string(text);
        file.size = file.content.size();
        diag::Sink page_sink;
        (void)model::read_page(file, config, page_sink);
    }
    return 0;
}
