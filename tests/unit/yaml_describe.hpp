#pragma once
// A YAML tree and the problems its parse reported, written out as text: two parses agree when
// these are equal. Shared by the unit tests and the front-matter fuzzer, which both compare the
// fast parser (simple_yaml) with yaml-cpp's path.
#include <optional>
#include <string>

#include "diag/diagnostic.hpp"
#include "frontmatter/yaml_tree.hpp"

namespace cp::testing {

// Every field of every node, as one line of text: two trees are the same when these are.
inline std::string describe(const frontmatter::YamlNode& node) {
    static const char* kinds[] = {"null", "scalar", "seq", "map"};
    std::string out = std::string(kinds[static_cast<int>(node.kind)]) + "@" + std::to_string(node.line) + ":" +
        std::to_string(node.column) + (node.quoted ? " quoted" : "") + " [" + node.scalar + "]";
    if (!node.items.empty()) {
        out += " items(";
        for (const auto& item : node.items) out += describe(item) + ", ";
        out += ")";
    }
    if (!node.entries.empty()) {
        out += " entries(";
        for (const auto& [key, value] : node.entries) out += describe(key) + " => " + describe(value) + ", ";
        out += ")";
    }
    return out;
}

// What a parse gives: the tree (or "no tree") and every problem with its place.
inline std::string outcome(const std::optional<frontmatter::YamlNode>& tree, const diag::Sink& sink) {
    std::string out = tree ? describe(*tree) : "no tree";
    for (const auto& d : sink.sorted())
        out += "\n" + d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message;
    return out;
}

}  // namespace cp::testing
