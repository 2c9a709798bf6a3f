#include "frontmatter/simple_yaml.hpp"

#include <algorithm>
#include <string>
#include <vector>

// A recursive descent over indentation, one line at a time. Every position it gives a node is the
// one yaml-cpp's Mark gives (found by probing yaml-cpp 0.7): a mapping at its first key, a block
// sequence at its first '-', a flow sequence at its '[', a quoted scalar at its opening quote,
// and an empty value at the next thing yaml-cpp reads after it. Whenever the text strays from
// the subset, the parser declines rather than guess: yaml-cpp then parses it, so a wrong guess
// here would be a silent difference while a decline only costs time.

namespace cp::frontmatter {

namespace {

// Deeper front matter is rare enough to leave to yaml-cpp, whose walker enforces the real limit.
constexpr int kMaxDepth = 16;
// yaml-cpp stops treating a longer text before ':' as a key.
constexpr std::size_t kMaxKeyLength = 1024;

// Thrown where the text leaves the subset, caught once at the top: simpler than threading a
// "declined" result through every level, and cheap because declines are rare.
struct Declined {};
[[noreturn]] void decline() { throw Declined{}; }

// A line that holds something other than spaces and a comment.
struct Line {
    int number = 0;         // 0-based, in the text
    std::string_view text;  // the whole line, without its '\n'
    int start = 0;          // column of its first unread character; moved past "- " for an item
};

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// The characters that make yaml-cpp read something other than a plain scalar (or that a plain
// scalar may only start with in cases this parser leaves to yaml-cpp, such as "-1").
bool can_start_plain(char c) { return std::string_view("-?:,[]{}#&*!|>'\"%@`").find(c) == std::string_view::npos; }

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
    while (pos < text.size() && text[pos] == ' ') ++pos;
    return pos;
}

std::string_view trim_trailing_spaces(std::string_view s) {
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

// Whether nothing but spaces, then perhaps a comment, follows `pos`.
bool only_comment_after(std::string_view text, std::size_t pos) {
    std::size_t next = skip_spaces(text, pos);
    return next == text.size() || (text[next] == '#' && next > pos);
}

// The position of the ':' ending a plain key ("name: ..." or "name:") that starts at `pos`, or
// nothing when the line does not start with such a key there.
std::optional<std::size_t> key_colon(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] == '-' || !is_key_char(text[pos])) return std::nullopt;
    std::size_t end = pos;
    while (end < text.size() && is_key_char(text[end])) ++end;
    if (end >= text.size() || text[end] != ':' || end - pos > kMaxKeyLength) return std::nullopt;
    if (end + 1 < text.size() && text[end + 1] != ' ') return std::nullopt;
    return end;
}

bool is_sequence_item(const Line& line) {
    auto at = static_cast<std::size_t>(line.start);
    return line.text[at] == '-' && (at + 1 == line.text.size() || line.text[at + 1] == ' ');
}

class Parser {
public:
    Parser(std::string_view text, int first_line, const YamlLimits& limits)
        : first_line_(first_line), max_depth_(std::min(kMaxDepth, limits.max_depth)), max_nodes_(limits.max_nodes) {
        split_lines(text);
    }

    YamlNode parse_document() {
        // The root must be a block mapping at the left edge; anything else is yaml-cpp's.
        if (lines_.empty() || lines_.front().start != 0) decline();
        YamlNode root = parse_mapping(0, 0);
        if (next_ != lines_.size()) decline();
        return root;
    }

private:
    std::vector<Line> lines_;  // only the lines with content: blank and comment lines are skipped
    std::size_t next_ = 0;     // the first line not yet read
    int end_line_ = 0;         // where yaml-cpp marks the end of the text: its last line, column 0
    int first_line_;
    int max_depth_;
    std::size_t max_nodes_;
    std::size_t nodes_ = 0;

    void split_lines(std::string_view text) {
        int number = 0;
        std::size_t pos = 0;
        while (pos <= text.size()) {
            std::size_t end = std::min(text.find('\n', pos), text.size());
            std::string_view line = text.substr(pos, end - pos);
            for (char c : line) {
                // Tabs, carriage returns and control characters each have their own YAML rules.
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) decline();
            }
            // Document markers, and a byte-order mark that yaml-cpp would skip where this would not.
            if (line.substr(0, 3) == "---" || line.substr(0, 3) == "..." ||
                line.find("\xEF\xBB\xBF") != std::string_view::npos)
                decline();
            std::size_t start = skip_spaces(line, 0);
            if (start < line.size() && line[start] != '#')
                lines_.push_back(Line{number, line, static_cast<int>(start)});
            if (end == text.size()) break;
            pos = end + 1;
            ++number;
        }
        end_line_ = number;
    }

    // A node at 0-based `line` and `column` of the text, counted against the limits.
    YamlNode node(YamlNode::Kind kind, int line, std::size_t column, int depth) {
        if (++nodes_ > max_nodes_ || depth > max_depth_) decline();
        YamlNode out;
        out.kind = kind;
        out.line = first_line_ + line;
        out.column = static_cast<int>(column) + 1;
        return out;
    }

    YamlNode scalar(std::string_view text, bool quoted, int line, std::size_t column, int depth) {
        // yaml-cpp reads a plain ~ or null as no value; quoted, they are text.
        if (!quoted && is_null_word(text)) return node(YamlNode::Kind::Null, line, column, depth);
        YamlNode out = node(YamlNode::Kind::Scalar, line, column, depth);
        out.scalar = text;
        out.quoted = quoted;
        return out;
    }

    // Keys at column `indent`, starting at the next line, until a line indented less.
    YamlNode parse_mapping(int indent, int depth) {
        YamlNode map = node(YamlNode::Kind::Mapping, lines_[next_].number, indent, depth);
        while (next_ < lines_.size() && lines_[next_].start >= indent) {
            const Line& line = lines_[next_];
            if (line.start > indent) decline();  // e.g. a plain scalar continued on the next line
            auto colon = key_colon(line.text, line.start);
            if (!colon) decline();
            std::size_t key_start = line.start;
            YamlNode key =
                scalar(line.text.substr(key_start, *colon - key_start), false, line.number, key_start, depth + 1);
            YamlNode value;
            if (only_comment_after(line.text, *colon + 1)) {
                ++next_;
                value = parse_block_value(indent, depth + 1);
            } else {
                value = parse_inline_value(line, skip_spaces(line.text, *colon + 1), depth + 1);
                ++next_;
            }
            map.entries.emplace_back(std::move(key), std::move(value));
        }
        return map;
    }

    // The value of a key with nothing after its ':', whose mapping is at column `indent`: a block
    // indented more, a sequence at the key's own column ("key:\n- a" is valid YAML), or no value.
    YamlNode parse_block_value(int indent, int depth) {
        if (next_ == lines_.size()) return node(YamlNode::Kind::Null, end_line_, 0, depth);
        const Line& line = lines_[next_];
        bool item = is_sequence_item(line);
        if (line.start > indent) return item ? parse_sequence(line.start, depth) : parse_mapping(line.start, depth);
        if (line.start == indent && item) return parse_sequence(indent, depth);
        return node(YamlNode::Kind::Null, line.number, line.start, depth);
    }

    // "- " items at column `indent`, until a line indented less or one that is not an item.
    YamlNode parse_sequence(int indent, int depth) {
        YamlNode seq = node(YamlNode::Kind::Sequence, lines_[next_].number, indent, depth);
        while (next_ < lines_.size() && lines_[next_].start >= indent) {
            Line& line = lines_[next_];
            if (line.start > indent) decline();
            if (!is_sequence_item(line)) break;  // the parent mapping's next key, or an error it finds
            std::size_t content = skip_spaces(line.text, line.start + 1);
            // An empty item, and a nested "- - x", are left to yaml-cpp.
            if (content == line.text.size() || line.text[content] == '#' || line.text[content] == '-') decline();
            if (key_colon(line.text, content)) {
                // "- key: value" opens a mapping whose keys line up with this first one.
                line.start = static_cast<int>(content);
                seq.items.push_back(parse_mapping(line.start, depth + 1));
            } else {
                seq.items.push_back(parse_inline_value(line, content, depth + 1));
                ++next_;
            }
        }
        return seq;
    }

    // A value that starts at `pos` of `line` and must end with the line (but for a comment).
    YamlNode parse_inline_value(const Line& line, std::size_t pos, int depth) {
        std::string_view text = line.text;
        std::size_t end = pos;
        YamlNode value;
        if (text[pos] == '"' || text[pos] == '\'') {
            value = parse_quoted(line, pos, end, depth);
        } else if (text[pos] == '[') {
            value = parse_flow_sequence(line, pos, end, depth);
        } else if (text.substr(pos, 2) == "{}") {
            value = node(YamlNode::Kind::Mapping, line.number, pos, depth);
            end = pos + 2;
        } else {
            if (!can_start_plain(text[pos])) decline();
            // A plain scalar runs to the end of the line or to a comment (" #").
            end = std::min(text.find(" #", pos), text.size());
            std::string_view plain = trim_trailing_spaces(text.substr(pos, end - pos));
            // ": " or a final ':' would make it a key (or an error), which is yaml-cpp's to sort out.
            if (plain.find(": ") != std::string_view::npos || plain.back() == ':') decline();
            return scalar(plain, false, line.number, pos, depth);
        }
        // After a quote or a bracket only a comment may follow, and only after a space.
        std::size_t next = skip_spaces(text, end);
        if (next < text.size() && (text[next] != '#' || next == end)) decline();
        return value;
    }

    // A quoted scalar on one line: in single quotes '' is a quote; in double quotes only \" and
    // \\ are taken as escapes (the others are yaml-cpp's). Sets `end` past the closing quote.
    YamlNode parse_quoted(const Line& line, std::size_t pos, std::size_t& end, int depth) {
        std::string_view text = line.text;
        const char quote = text[pos];
        std::string out;
        std::size_t i = pos + 1;
        for (;;) {
            if (i >= text.size()) decline();  // the string goes on to the next line
            char c = text[i];
            if (c == quote) {
                if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                    out += '\'';
                    i += 2;
                    continue;
                }
                break;
            }
            if (quote == '"' && c == '\\') {
                if (i + 1 >= text.size() || (text[i + 1] != '"' && text[i + 1] != '\\')) decline();
                out += text[i + 1];
                i += 2;
                continue;
            }
            out += c;
            ++i;
        }
        end = i + 1;
        return scalar(out, true, line.number, pos, depth);
    }

    // A flow sequence of scalars on one line, "[a, 'b', "c"]" or "[]". Sets `end` past the ']'.
    YamlNode parse_flow_sequence(const Line& line, std::size_t pos, std::size_t& end, int depth) {
        std::string_view text = line.text;
        YamlNode seq = node(YamlNode::Kind::Sequence, line.number, pos, depth);
        std::size_t i = skip_spaces(text, pos + 1);
        if (i < text.size() && text[i] == ']') {
            end = i + 1;
            return seq;
        }
        for (;;) {
            if (i >= text.size()) decline();  // the list goes on to the next line
            if (text[i] == '"' || text[i] == '\'') {
                std::size_t item_end = i;
                seq.items.push_back(parse_quoted(line, i, item_end, depth + 1));
                i = item_end;
            } else {
                // Empty items, nested collections and the like start with a character refused here.
                if (!can_start_plain(text[i])) decline();
                std::size_t item_end = i;
                for (; item_end < text.size() && text[item_end] != ',' && text[item_end] != ']'; ++item_end) {
                    char c = text[item_end];
                    // Brackets, braces, comments, '?' (which ends a flow scalar in yaml-cpp) and a
                    // ':' that would make the item a key are all left to yaml-cpp.
                    if (std::string_view("[]{}#?").find(c) != std::string_view::npos) decline();
                    if (c == ':' &&
                        (item_end + 1 == text.size() || text[item_end + 1] == ' ' || text[item_end + 1] == ',' ||
                         text[item_end + 1] == ']'))
                        decline();
                }
                std::string_view item = trim_trailing_spaces(text.substr(i, item_end - i));
                seq.items.push_back(scalar(item, false, line.number, i, depth + 1));
                i = item_end;
            }
            i = skip_spaces(text, i);
            if (i >= text.size()) decline();
            if (text[i] == ']') {
                end = i + 1;
                return seq;
            }
            if (text[i] != ',') decline();
            i = skip_spaces(text, i + 1);
            if (i < text.size() && text[i] == ']') decline();  // a trailing comma
        }
    }
};

}  // namespace

std::optional<YamlNode> parse_simple_yaml(std::string_view text, int first_line, const YamlLimits& limits) {
    try {
        Parser parser(text, first_line, limits);
        return parser.parse_document();
    } catch (const Declined&) {
        return std::nullopt;
    }
}

}  // namespace cp::frontmatter
