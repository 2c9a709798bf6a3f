#pragma once
// A fast path for the plain YAML that front matter almost always is: block mappings and block
// sequences of one-line scalars, one-line flow lists and comments. yaml-cpp spends most of its
// time on machinery such front matter never needs, so this builds the same tree directly: the
// same kinds, text, quoting, lines and columns as yaml-cpp would give. It declines anything
// outside that subset, and the caller then parses the text with yaml-cpp.
#include <optional>
#include <string_view>

#include "frontmatter/yaml_tree.hpp"

namespace cp::frontmatter {

// The tree of `text`, whose first line is file line `first_line`, or nothing when the text is
// outside the simple subset, or deeper or larger than `limits` allow: yaml-cpp must read it then.
// Never reports a problem. Duplicate and non-scalar keys are left in the tree for the caller to
// check, as it checks yaml-cpp's.
std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line, const YamlLimits& limits);

}  // namespace cp::frontmatter
