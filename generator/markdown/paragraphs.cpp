#include "markdown/paragraphs.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <memory>

#include "markdown/cmark_handles.hpp"
#include "markdown/pathological.hpp"

namespace cp::markdown {

namespace {

// "[[target|label]]" -> "label", "[[target]]" -> "target": wikilinks are resolved on the
// rendered page; here only their words count.
std::string without_wikilink_brackets(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t open = text.find("[[", pos);
        std::size_t close = open == std::string_view::npos ? open : text.find("]]", open + 2);
        if (close == std::string_view::npos) {
            out += text.substr(pos);
            break;
        }
        out += text.substr(pos, open - pos);
        std::string_view inner = text.substr(open + 2, close - open - 2);
        std::size_t bar = inner.find('|');
        out += bar == std::string_view::npos ? inner : inner.substr(bar + 1);
        pos = close + 2;
    }
    return out;
}

// The words of an inline tree, each run of white space as one space.
void collect_inline(cmark_node* node, std::string& out) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        switch (cmark_node_get_type(c)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
                if (const char* s = cmark_node_get_literal(c)) out += s;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                out += ' ';
                break;
            case CMARK_NODE_HTML_INLINE:
                break;
            default:
                collect_inline(c, out);
                if (std::string_view(cmark_node_get_type_string(c)) == "table_cell") out += ' ';
        }
    }
}

std::string squeezed(std::string_view text) {
    std::string out;
    for (char c : text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void collect_blocks(cmark_node* node, std::vector<std::string>& out) {
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
        cmark_node_type type = cmark_node_get_type(c);
        std::string_view name = cmark_node_get_type_string(c);
        std::string text;
        if (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING || name == "table_row" ||
            name == "table_header") {
            collect_inline(c, text);
        } else if (type == CMARK_NODE_CODE_BLOCK) {
            if (const char* s = cmark_node_get_literal(c)) text = s;
        } else if (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_THEMATIC_BREAK) {
            continue;
        } else {
            collect_blocks(c, out);
            continue;
        }
        std::string words = squeezed(without_wikilink_brackets(text));
        if (!words.empty()) out.push_back(std::move(words));
    }
}

}  // namespace

std::vector<std::string> paragraphs(std::string_view markdown) {
    std::vector<std::string> out;
    // An old version is input like any other: one that would take cmark-gfm quadratic time
    // (markdown/pathological.hpp) is not parsed; its paragraphs are its blank-line-separated
    // blocks, as written.
    if (find_pathological(markdown)) {
        std::size_t pos = 0;
        while (pos <= markdown.size()) {
            std::size_t end = markdown.find("\n\n", pos);
            if (end == std::string_view::npos) end = markdown.size();
            std::string words = squeezed(markdown.substr(pos, end - pos));
            if (!words.empty()) out.push_back(std::move(words));
            pos = end + 2;
        }
        return out;
    }
    // No autolink extension: an autolink's words are its text, with or without the link (and
    // the extension is what a page full of '@' makes slow).
    ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES));
    for (const char* name : {"table", "strikethrough", "tasklist"})
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    NodePtr root(cmark_parser_finish(parser.get()));
    if (root) collect_blocks(root.get(), out);
    return out;
}

namespace {

// A line of `text` from `pos`: [pos, end of line), without its newline.
std::string_view line_at(std::string_view text, std::size_t pos) {
    std::size_t end = text.find('\n', pos);
    return text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

// True when blocks of `markdown` may reach across a blank line, or from afar.
bool has_long_reach(std::string_view markdown) {
    for (std::size_t pos = 0; pos < markdown.size();) {
        std::string_view line = line_at(markdown, pos);
        std::size_t indent = line.find_first_not_of(' ');
        if (indent != std::string_view::npos && indent < 4) {
            std::string_view rest = line.substr(indent);
            if (rest.rfind("```", 0) == 0 || rest.rfind("~~~", 0) == 0 || rest.front() == '<') return true;
            if (rest.front() == '[' && rest.find("]:") != std::string_view::npos) return true;
        }
        pos += line.size() + 1;
    }
    return false;
}

// True when `line` may start a top-level block that continues nothing before it.
bool starts_fresh_block(std::string_view line) {
    if (line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '>') return false;
    char c = line[0];
    if ((c == '-' || c == '*' || c == '+') && (line.size() == 1 || line[1] == ' ' || line[1] == '\t')) return false;
    std::size_t digits = line.find_first_not_of("0123456789");
    if (digits != std::string_view::npos && digits > 0 && (line[digits] == '.' || line[digits] == ')')) return false;
    return true;
}

}  // namespace

std::vector<std::string_view> independent_blocks(std::string_view markdown) {
    if (has_long_reach(markdown)) return {markdown};
    std::vector<std::string_view> out;
    std::size_t start = 0;
    bool after_blank = false;
    for (std::size_t pos = 0; pos < markdown.size();) {
        std::string_view line = line_at(markdown, pos);
        if (is_blank(line)) {
            after_blank = true;
        } else {
            if (after_blank && pos > start && starts_fresh_block(line)) {
                out.push_back(markdown.substr(start, pos - start));
                start = pos;
            }
            after_blank = false;
        }
        pos += line.size() + 1;
    }
    if (start < markdown.size() || out.empty()) out.push_back(markdown.substr(start));
    return out;
}

}  // namespace cp::markdown
