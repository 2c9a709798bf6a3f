#pragma once
// A YAML document copied out of yaml-cpp into a plain tree that is safe to walk:
// bounded in depth and size, free of alias cycles, each key once (a repeat is an
// error and the first one is kept), and every node marked with its line and column in the *file*.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diag/diagnostic.hpp"

namespace cp::frontmatter {

struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Mapping };
    Kind kind = Kind::Null;
    std::string scalar;                                  // for Scalar
    bool quoted = false;                                 // a quoted scalar is always a string ("true" is not a bool)
    std::vector<YamlNode> items;                         // for Sequence
    std::vector<std::pair<YamlNode, YamlNode>> entries;  // for Mapping, in source order
    int line = 0;                                        // 1-based, in the file
    int column = 0;                                      // 1-based

    // Declared here and defaulted in yaml_tree.cpp: std::pair<YamlNode, YamlNode> asks whether
    // YamlNode is default-constructible, and an inline default constructor would need the
    // pair complete first (clang with libstdc++ rejects that cycle; GCC accepts it).
    YamlNode();

    bool is_null() const { return kind == Kind::Null; }
    bool is_scalar() const { return kind == Kind::Scalar; }
    bool is_sequence() const { return kind == Kind::Sequence; }
    bool is_mapping() const { return kind == Kind::Mapping; }
    // The value under a mapping key, or nullptr.
    const YamlNode* find(std::string_view key) const;
};

struct YamlLimits {
    int max_depth = 64;              // deeper front matter is refused, not recursed into
    std::size_t max_nodes = 100000;  // bounds alias bombs ("billion laughs")
};

// Parses `text` whose first line is line `first_line` of `path`. When it does not parse,
// is too deep or too large, or refers to itself, reports an error at the right file line and
// column to `sink` and returns nothing; a duplicate or non-scalar key is reported and skipped.
std::optional<YamlNode> parse_yaml(std::string_view text, int first_line, const std::string& path, diag::Sink& sink,
                                   const YamlLimits& limits = {});

// The same, always through yaml-cpp: parse_yaml first tries a faster parser for simple front
// matter (simple_yaml.hpp), and tests compare the two.
std::optional<YamlNode> parse_yaml_with_yaml_cpp(std::string_view text, int first_line, const std::string& path,
                                                 diag::Sink& sink, const YamlLimits& limits = {});

// A short description of a node's shape for messages: "a list", "a mapping", "a string".
std::string shape_name(const YamlNode& node);

}  // namespace cp::frontmatter
