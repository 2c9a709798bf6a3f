#include "frontmatter/yaml_tree.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <set>

#include "frontmatter/simple_yaml.hpp"

namespace cp::frontmatter {

YamlNode::YamlNode() = default;

const YamlNode* YamlNode::find(std::string_view key) const {
    for (const auto& [k, v] : entries)
        if (k.scalar == key) return &v;
    return nullptr;
}

std::string shape_name(const YamlNode& node) {
    switch (node.kind) {
        case YamlNode::Kind::Null:
            return "empty";
        case YamlNode::Kind::Scalar:
            return "a single value";
        case YamlNode::Kind::Sequence:
            return "a list";
        case YamlNode::Kind::Mapping:
            return "a mapping";
    }
    return "unknown";
}

namespace {

// Why a mapping's `key` must be skipped, or nothing when it is kept and added to `seen`: the one
// rule for both parsers, so yaml-cpp's trees and the fast path's report the same problems.
std::optional<std::string> key_problem(const YamlNode& key, std::set<std::string>& seen) {
    if (!key.is_scalar()) return "a field name must be a plain name, not " + shape_name(key);
    if (!seen.insert(key.scalar).second)
        return "duplicate key '" + key.scalar + "': the field is given twice; keep one";
    return std::nullopt;
}

// Drops, and reports, the keys the walker below would have skipped from a tree the fast path
// built with every key in it. Like the walker, it never looks inside a skipped key's value.
void drop_bad_keys(YamlNode& node, const std::string& path, diag::Sink& sink) {
    for (auto& item : node.items) drop_bad_keys(item, path, sink);
    if (!node.is_mapping()) return;
    std::set<std::string> seen;
    std::vector<std::pair<YamlNode, YamlNode>> kept;
    kept.reserve(node.entries.size());
    for (auto& [key, value] : node.entries) {
        if (auto problem = key_problem(key, seen)) {
            sink.error(path, key.line, key.column, std::move(*problem));
            continue;
        }
        drop_bad_keys(value, path, sink);
        kept.emplace_back(std::move(key), std::move(value));
    }
    node.entries = std::move(kept);
}

struct Walker {
    const std::string& path;
    int first_line;
    diag::Sink& sink;
    const YamlLimits& limits;
    std::size_t nodes = 0;
    std::vector<YAML::Node> ancestors;  // for cycle detection by node identity
    bool failed = false;

    // A problem that leaves the rest of the tree readable.
    void report(const YamlNode& at, std::string message) { sink.error(path, at.line, at.column, std::move(message)); }

    void fail(const YAML::Mark& mark, std::string message) {
        if (failed) return;
        failed = true;
        sink.error(path, mark.line >= 0 ? first_line + mark.line : first_line, mark.column >= 0 ? mark.column + 1 : 1,
                   std::move(message));
    }

    YamlNode copy(const YAML::Node& in, int depth) {
        YamlNode out;
        if (failed) return out;
        YAML::Mark mark = in.Mark();
        out.line = mark.line >= 0 ? first_line + mark.line : first_line;
        out.column = mark.column >= 0 ? mark.column + 1 : 1;
        if (++nodes > limits.max_nodes) {
            fail(mark,
                 "front matter is too large (more than " + std::to_string(limits.max_nodes) +
                     " values, perhaps an alias bomb)");
            return out;
        }
        if (depth > limits.max_depth) {
            fail(mark, "front matter is nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)");
            return out;
        }
        for (const auto& a : ancestors) {
            if (a.is(in)) {
                fail(mark, "front matter refers to itself through an alias (a cycle)");
                return out;
            }
        }
        switch (in.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                out.kind = YamlNode::Kind::Null;
                break;
            case YAML::NodeType::Scalar:
                out.kind = YamlNode::Kind::Scalar;
                out.scalar = in.Scalar();
                out.quoted = in.Tag() == "!";
                break;
            case YAML::NodeType::Sequence: {
                out.kind = YamlNode::Kind::Sequence;
                ancestors.push_back(in);
                for (const auto& item : in) {
                    out.items.push_back(copy(item, depth + 1));
                    if (failed) break;
                }
                ancestors.pop_back();
                break;
            }
            case YAML::NodeType::Map: {
                out.kind = YamlNode::Kind::Mapping;
                ancestors.push_back(in);
                std::set<std::string> seen;
                for (const auto& kv : in) {
                    YamlNode key = copy(kv.first, depth + 1);
                    if (failed) break;
                    // A bad key is reported and skipped; the other fields are still read.
                    if (auto problem = key_problem(key, seen)) {
                        report(key, std::move(*problem));
                        continue;
                    }
                    YamlNode value = copy(kv.second, depth + 1);
                    if (failed) break;
                    out.entries.emplace_back(std::move(key), std::move(value));
                }
                ancestors.pop_back();
                break;
            }
        }
        return out;
    }
};

// yaml-cpp's messages in words a member can act on; others are passed on as they are.
std::string clean_parser_message(const std::string& msg) {
    static const std::pair<const char*, const char*> plain[] = {
        {"end of sequence flow not found", "a list opened with '[' is not closed with ']'"},
        {"end of map flow not found", "a mapping opened with '{' is not closed with '}'"},
        {"illegal map value", "a ':' where none can be: put a value that holds ': ' in quotes"},
        {"illegal block entry", "a '- ' list item where none can be: check the indentation"},
        {"end of sequence not found", "a list ends where it cannot: check the indentation"},
        {"end of map not found", "a mapping ends where it cannot: check the indentation"},
        {"the referenced anchor is not defined", "an alias (*name) refers to no anchor (&name)"},
    };
    for (const auto& [from, to] : plain)
        if (msg == from) return to;
    return msg;
}

// Scans the flow collections ('[...]', '{...}') of `text`, skipping quoted scalars, comments and
// plain scalars. Returns the 0-based line and column of the first opener more than `max_depth`
// deep or, with `unclosed`, of the first opener never closed. yaml-cpp would recurse thousands
// of levels deep on the first, and points past the end of the text for the second.
// As YAML reads them: a bracket, brace or quote inside a plain scalar ("i0{{", "it's") is text,
// and so is a '#' that follows no space ("a#b"); a plain scalar ends at the line's end, at ": ",
// and inside a flow collection at ',', ']' or '}'. (Fuzzing found the scan counting the braces of
// `t: i0{{{...`, and refusing as too deep what both parsers read as one string.)
std::optional<std::pair<int, int>> scan_flow(std::string_view text, int max_depth, bool unclosed = false) {
    std::vector<std::pair<int, int>> open;
    int depth = 0, line = 0, column = 0;
    char quote = 0;
    bool comment = false, plain = false, escaped = false;
    char before = '\n';  // the character before this one
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    for (std::size_t i = 0; i < text.size(); before = text[i], ++i, ++column) {
        char c = text[i];
        char after = i + 1 < text.size() ? text[i + 1] : '\n';
        if (c == '\n') {
            ++line;
            column = -1;
            comment = false;
            plain = false;
            continue;
        }
        if (comment) continue;
        if (quote) {
            if (escaped)
                escaped = false;
            else if (quote == '"' && c == '\\')
                escaped = true;
            else if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '#' && is_space(before)) {
            comment = true;
            continue;
        }
        if (is_space(c)) continue;
        bool flow_indicator = depth > 0 && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}');
        if (plain && !flow_indicator && !(c == ':' && (is_space(after) || (depth > 0 && after == ',')))) continue;
        plain = false;
        if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth && !unclosed) return std::pair{line, column};
            open.emplace_back(line, column);
        } else if (c == ']' || c == '}') {
            if (depth > 0) {
                --depth;
                open.pop_back();
            }
        } else if (c == ',' || ((c == ':' || c == '-' || c == '?') && is_space(after))) {
            // An indicator: what follows starts a new token.
        } else {
            plain = true;
        }
    }
    if (unclosed && !open.empty()) return open.front();
    return std::nullopt;
}

// The first tab that indents a line at or before `last_line` (0-based), as a 0-based line and
// column: YAML forbids tabs there, and yaml-cpp's own message for it ("illegal map value") misleads.
std::optional<std::pair<int, int>> indenting_tab(std::string_view text, int last_line) {
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size() && line <= last_line) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        for (std::size_t i = pos; i < end; ++i) {
            if (text[i] == '\t') return std::pair{line, static_cast<int>(i - pos)};
            if (text[i] != ' ') break;
        }
        pos = end + 1;
        ++line;
    }
    return std::nullopt;
}

}  // namespace

std::optional<YamlNode> parse_yaml(std::string_view text, int first_line, const std::string& path, diag::Sink& sink,
                                   const YamlLimits& limits) {
    // Most front matter is simple enough for the fast path; yaml-cpp reads the rest.
    if (auto tree = parse_simple_yaml(text, first_line, limits)) {
        drop_bad_keys(*tree, path, sink);
        return tree;
    }
    return parse_yaml_with_yaml_cpp(text, first_line, path, sink, limits);
}

std::optional<YamlNode> parse_yaml_with_yaml_cpp(std::string_view text, int first_line, const std::string& path,
                                                 diag::Sink& sink, const YamlLimits& limits) {
    YAML::Node root;
    auto at = [&](const YAML::Mark& mark) {
        return std::pair{mark.line >= 0 ? first_line + mark.line : first_line, mark.column >= 0 ? mark.column + 1 : 1};
    };
    if (auto deep = scan_flow(text, limits.max_depth)) {
        sink.error(path, first_line + deep->first, deep->second + 1,
                   "front matter is nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)");
        return std::nullopt;
    }
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::DeepRecursion& e) {
        auto [line, column] = at(e.mark);
        sink.error(path, line, column,
                   "front matter is nested too deeply (more than " + std::to_string(limits.max_depth) + " levels)");
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        if (auto tab = indenting_tab(text, e.mark.line >= 0 ? e.mark.line : 0)) {
            sink.error(path, first_line + tab->first, tab->second + 1,
                       "front matter does not parse: a tab indents this line; YAML indents with spaces only");
            return std::nullopt;
        }
        auto [line, column] = at(e.mark);
        if (e.msg == "end of sequence flow not found" || e.msg == "end of map flow not found") {
            if (auto opener = scan_flow(text, limits.max_depth, true)) {
                line = first_line + opener->first;
                column = opener->second + 1;
            }
        }
        sink.error(path, line, column, "front matter does not parse: " + clean_parser_message(e.msg));
        return std::nullopt;
    } catch (const std::exception& e) {
        sink.error(path, first_line, 1, std::string("front matter does not parse: ") + e.what());
        return std::nullopt;
    }
    Walker walker{path, first_line, sink, limits, 0, {}, false};
    YamlNode tree;
    try {
        tree = walker.copy(root, 0);
    } catch (const std::exception& e) {
        sink.error(path, first_line, 1, std::string("front matter could not be read: ") + e.what());
        return std::nullopt;
    }
    if (walker.failed) return std::nullopt;
    return tree;
}

}  // namespace cp::frontmatter
