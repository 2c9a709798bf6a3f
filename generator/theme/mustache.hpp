#pragma once
// A Mustache template, parsed once into a flat list of nodes and rendered straight
// against nlohmann::json: no copy of the context is ever made, which is what made the
// theme's render path slow before (every page's JSON was converted to another library's
// data tree, then rendered by a renderer that copied and hashed names on every lookup).
//
// The output is byte for byte what kainjow::mustache 4.1 produces from the same JSON (turned
// into kainjow's data as tests/unit/mustache_reference_test.cpp does), because the templates
// were written against that behaviour; docs/theme.md says it for theme authors. In short (the tests in tests/unit/theme_test.cpp
// pin every rule):
//   - false, null, "" and [] are false; numbers (0 too), objects ({} too), true and
//     non-empty strings are true. A list section repeats; any other true section pushes
//     its value, so {{.}} inside {{#name}} prints a string or a number.
//   - a.b.c is looked up in each context from the innermost out, the whole path in each,
//     so when a is found but a.b is not, the next context out is tried.
//   - {{x}} prints strings and numbers (as JSON writes them), HTML-escaped; bools, null,
//     lists and objects print nothing. {{{x}}} and {{&x}} do not escape.
//   - an output line that a section opened or closed on, and that holds only spaces and
//     tabs once rendered, is dropped with its line break (judged on the rendered line,
//     not on the template's; comments and sections that did not render do not count).
//   - {{! comments }} print nothing; {{=<% %>=}} changes the delimiters.
//   - the globals, when given, are one more context outside the root: what the root lacks
//     is looked up there (a context merged with its globals renders the same bytes).
//   - {{> partials}} are expanded in the text before parsing (theme.hpp); one left in
//     the text prints nothing.
#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::theme {

class Template {
public:
    // Parses `text`. A text that does not parse gives a template that renders nothing;
    // ok() tells, error() says where and why.
    explicit Template(std::string_view text);

    bool ok() const { return error_.empty(); }
    // "line 3, column 7: {{#items}} is never closed: no {{/items}} after it"; empty when ok().
    const std::string& error() const { return error_; }
    // Where the problem is in the text, 1-based (the column in bytes); 0 when ok().
    int error_line() const { return error_line_; }
    int error_column() const { return error_column_; }

    // Appends the template rendered with `context` to `out`. Const and safe to call from
    // any number of threads at once: all the state of a render lives on the caller's stack.
    // `globals`, when given, is a context outside the outermost one: a name the context does
    // not have is looked up there last (the theme's words, {{t.nav.domains}}), so what every
    // page shares is never copied into each page's JSON.
    void render(const nlohmann::json& context, std::string& out, const nlohmann::json* globals = nullptr) const;
    // Renders a layout around a page: as render(), except that the context's member
    // "content" reads as `content` (the page rendered first), without copying the context.
    void render_layout(const nlohmann::json& context, const std::string& content, std::string& out,
                       const nlohmann::json* globals = nullptr) const;
    // The same bytes as render_layout, handed to `piece` in order: the layout's text before
    // the content, the content itself, then the rest. The content is never copied into the
    // layout's text (a list of 50,000 notes is tens of megabytes, held twice before). A piece
    // is valid only while `piece` runs.
    void render_layout(const nlohmann::json& context, const std::string& content,
                       const std::function<void(std::string_view)>& piece,
                       const nlohmann::json* globals = nullptr) const;

    // The same bytes as render(), handed to `piece` in order as they are made: once
    // `stream_from` bytes wait, at the end of each line (only the line being written can still
    // be dropped as a standalone tag's), so a list of 50,000 notes is never held whole.
    static constexpr std::size_t kStreamFrom = std::size_t{64} * 1024;
    void render(const nlohmann::json& context, const std::function<void(std::string_view)>& piece,
                const nlohmann::json* globals = nullptr, std::size_t stream_from = kStreamFrom) const;
    // True when `name` is only ever printed unescaped, alone ({{{name}}}, {{& name}}): never
    // escaped, as a section, or as the first part of a dotted name. A layout whose page is
    // printed so can have the page written into it as the page is rendered.
    bool prints_raw_only(std::string_view name) const;

    // Sections may nest this deep; deeper is a parse error, so a render's recursion is bounded.
    static constexpr int kMaxNesting = 100;

private:
    struct Node {
        enum class Kind : std::uint8_t { text, newline, variable, unescaped_variable, section, inverted_section };
        Kind kind;
        // text and newline: the bytes at bytes_[begin, begin + size).
        // tags: the name's parts at parts_[begin, begin + size); no parts is the name ".".
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
        // sections: the index of the node after the section's last child.
        std::uint32_t end = 0;
    };
    // One part of a dotted name, at bytes_[begin, begin + size).
    struct NamePart {
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
    };
    class Parser;
    class Renderer;

    void render_with(const nlohmann::json& context, const std::string* content, std::string& out,
                     const nlohmann::json* globals, const std::function<void(std::string_view)>* piece = nullptr,
                     const std::function<void(std::string_view)>* stream = nullptr,
                     std::size_t stream_from = kStreamFrom) const;

    std::vector<Node> nodes_;
    std::vector<NamePart> parts_;
    std::string bytes_;  // the literal text and the names, which nodes and parts point into
    std::string error_;
    int error_line_ = 0;
    int error_column_ = 0;
};

}  // namespace cp::theme
