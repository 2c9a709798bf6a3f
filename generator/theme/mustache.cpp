#include "theme/mustache.hpp"

#include <limits>
#include <string>
#include <utility>

namespace cp::theme {

namespace {

using json = nlohmann::json;

// What C's isspace() accepts in the "C" locale; kainjow trims tag contents with it.
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// The length of the line break at `pos` ("\r\n", "\n" or a lone "\r"), 0 when there is none.
std::size_t line_break_at(std::string_view text, std::size_t pos) {
    if (text.compare(pos, 2, "\r\n") == 0) return 2;
    return (text[pos] == '\n' || text[pos] == '\r') ? 1 : 0;
}

// What a name resolves to. `value` is a JSON value of the context; `text` is a layout's
// content (a string that counts as true even when empty, as kainjow's string data did);
// `content`, beside `value`, is the layout's content standing in for that object's own
// member "content" (kept on the reference so that {{#.}} pushing the root keeps it too).
struct Ref {
    const json* value = nullptr;
    const std::string* text = nullptr;
    const std::string* content = nullptr;
    bool found() const { return value != nullptr || text != nullptr; }
};

// One context on the stack: the root, then one per section being rendered. Frames live on
// the C++ stack of the recursive render, so pushing and popping costs nothing.
struct Frame {
    Ref value;
    const Frame* outer = nullptr;
};

// Sections render (and inverted ones do not) for everything but false, null, "" and [].
bool is_true(const Ref& ref) {
    if (ref.text) return true;
    if (!ref.value) return false;
    switch (ref.value->type()) {
        case json::value_t::boolean:
            return ref.value->get<bool>();
        case json::value_t::string:
            return !ref.value->get_ref<const std::string&>().empty();
        case json::value_t::array:
            return !ref.value->empty();
        case json::value_t::object:
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return true;
        default:
            return false;  // null, binary, discarded
    }
}

// kainjow's html_escape: the five characters that matter in text and in quoted attributes.
void append_escaped(std::string& out, std::string_view s) {
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* entity = nullptr;
        switch (s[i]) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '"':
                entity = "&quot;";
                break;
            case '\'':
                entity = "&apos;";
                break;
            default:
                continue;
        }
        out.append(s.data() + run, i - run);
        out.append(entity);
        run = i + 1;
    }
    out.append(s.data() + run, s.size() - run);
}

}  // namespace

// ---- Parsing ----------------------------------------------------------------------------

// Reads a template text the way kainjow's parser did (same tags, same delimiters, same
// line breaks), into the Template's flat node list. A section's children are the nodes
// between it and its `end`, so rendering needs no tree and skipping a section is one jump.
class Template::Parser {
public:
    Parser(Template& tmpl, std::string_view text) : t_(tmpl), text_(text) {}

    void run() {
        if (text_.size() >= std::numeric_limits<std::uint32_t>::max() / 2) {
            fail(0, "the template is too large");
            return;
        }
        std::size_t pos = 0;
        while (pos < text_.size()) {
            if (text_.compare(pos, open_.size(), open_) == 0) {
                if (!tag(pos)) return;
                continue;
            }
            if (std::size_t n = line_break_at(text_, pos)) {
                add_node(Node::Kind::newline, text_.substr(pos, n));
                pos += n;
                continue;
            }
            add_text(text_[pos]);
            ++pos;
        }
        if (!open_sections_.empty()) {
            const OpenSection& s = open_sections_.back();
            fail(s.at, "{{" + std::string(1, s.sigil) + s.name + "}} is never closed: no {{/" + s.name + "}} after it");
        }
    }

private:
    struct OpenSection {
        std::size_t node;
        std::size_t at;  // offset of the opening tag in the text
        std::string name;
        char sigil;  // '#' or '^'
    };

    // Reads the tag that starts at `pos` and moves `pos` past it; false on an error.
    bool tag(std::size_t& pos) {
        const std::size_t start = pos;
        const bool braces = open_ == "{{" && close_ == "}}";
        std::size_t contents_at = start + open_.size();
        // {{{name}}}, only while the delimiters are the braces.
        const bool triple = braces && start != text_.size() - 2 && text_[contents_at] == '{';
        if (triple) ++contents_at;
        const std::string closing = triple ? "}}}" : close_;
        const std::size_t end = text_.find(closing, contents_at);
        if (end == std::string_view::npos)
            return fail(start, "'" + open_ + (triple ? "{" : "") + "' is not closed: no '" + closing + "' after it");
        const std::string_view contents = trim(text_.substr(contents_at, end - contents_at));
        pos = end + closing.size();

        if (!contents.empty() && contents.front() == '=') {
            if (!set_delimiters(contents)) {
                std::string message(text_.substr(start, pos - start));
                message.append(
                    " does not set delimiters: write two delimiters between '=' signs, separated by a "
                    "space, without spaces or '=' in them, as {{=<% %>=}}");
                return fail(start, message);
            }
            return true;
        }
        if (triple) return add_tag(Node::Kind::unescaped_variable, contents);
        if (contents.empty()) return add_tag(Node::Kind::variable, contents);
        const char sigil = contents.front();
        const std::string_view name = trim(contents.substr(1));
        switch (sigil) {
            case '#':
            case '^':
                return open_section(sigil, name, start);
            case '/':
                return close_section(name, start);
            case '&':
                return add_tag(Node::Kind::unescaped_variable, name);
            // Comments print nothing. Partials were put in the text before parsing; one that is
            // left (a name the theme does not have, or one nested too deep) prints nothing.
            case '!':
            case '>':
                return true;
            default:
                return add_tag(Node::Kind::variable, contents);
        }
    }

    // {{=<% %>=}}, read as kainjow reads it.
    bool set_delimiters(std::string_view contents) {
        if (contents.size() < 5 || contents.back() != '=') return false;
        const std::string_view inner = trim(contents.substr(1, contents.size() - 2));
        const std::size_t space = inner.find(' ');
        if (space == std::string_view::npos) return false;
        const std::size_t second = inner.find_first_not_of(' ', space + 1);
        if (second == std::string_view::npos) return false;
        const std::string_view open = inner.substr(0, space);
        const std::string_view close = inner.substr(second);
        auto valid = [](std::string_view d) {
            for (char c : d)
                if (c == '=' || is_space(c)) return false;
            return true;
        };
        if (!valid(open) || !valid(close)) return false;
        open_ = std::string(open);
        close_ = std::string(close);
        return true;
    }

    bool open_section(char sigil, std::string_view name, std::size_t at) {
        if (open_sections_.size() >= static_cast<std::size_t>(kMaxNesting))
            return fail(at, "sections are nested more than " + std::to_string(kMaxNesting) + " deep");
        open_sections_.push_back({t_.nodes_.size(), at, std::string(name), sigil});
        return add_tag(sigil == '#' ? Node::Kind::section : Node::Kind::inverted_section, name);
    }

    bool close_section(std::string_view name, std::size_t at) {
        if (open_sections_.empty())
            return fail(at, "{{/" + std::string(name) + "}} closes no section: none is open here");
        const OpenSection& s = open_sections_.back();
        if (s.name != name)
            return fail(at,
                        "{{/" + std::string(name) + "}} does not match {{" + std::string(1, s.sigil) + s.name +
                            "}} opened at " + where(s.at) + ", which must be closed first");
        t_.nodes_[s.node].end = static_cast<std::uint32_t>(t_.nodes_.size());
        open_sections_.pop_back();
        text_continues_ = false;
        return true;
    }

    bool add_tag(Node::Kind kind, std::string_view name) {
        Node node{kind};
        node.begin = static_cast<std::uint32_t>(t_.parts_.size());
        // "." is the current context. A name with dots is split as kainjow split it (with
        // std::getline): "a..b" has an empty middle part and a last empty part is dropped.
        if (name != ".") {
            std::size_t from = 0;
            while (true) {
                const std::size_t dot = name.find('.', from);
                if (dot == std::string_view::npos) {
                    if (from == 0 || from < name.size()) add_part(name.substr(from));
                    break;
                }
                add_part(name.substr(from, dot - from));
                from = dot + 1;
            }
        }
        node.size = static_cast<std::uint32_t>(t_.parts_.size() - node.begin);
        t_.nodes_.push_back(node);
        text_continues_ = false;
        return true;
    }

    void add_part(std::string_view part) {
        NamePart p;
        p.begin = static_cast<std::uint32_t>(t_.bytes_.size());
        p.size = static_cast<std::uint32_t>(part.size());
        t_.bytes_.append(part);
        t_.parts_.push_back(p);
    }

    void add_node(Node::Kind kind, std::string_view bytes) {
        Node node{kind};
        node.begin = static_cast<std::uint32_t>(t_.bytes_.size());
        node.size = static_cast<std::uint32_t>(bytes.size());
        t_.bytes_.append(bytes);
        t_.nodes_.push_back(node);
        text_continues_ = false;
    }

    // Literal text up to the next tag or line break is one node; a comment between two
    // pieces of text does not split it, a section boundary does.
    void add_text(char c) {
        if (text_continues_) {
            t_.bytes_.push_back(c);
            ++t_.nodes_.back().size;
            return;
        }
        add_node(Node::Kind::text, std::string_view(&c, 1));
        text_continues_ = true;
    }

    std::string where(std::size_t at) const {
        auto [line, column] = line_column(at);
        return "line " + std::to_string(line) + ", column " + std::to_string(column);
    }

    std::pair<int, int> line_column(std::size_t at) const {
        int line = 1;
        std::size_t line_start = 0;
        for (std::size_t i = 0; i < at && i < text_.size(); ++i)
            if (text_[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        return {line, static_cast<int>(at - line_start) + 1};
    }

    bool fail(std::size_t at, const std::string& message) {
        auto [line, column] = line_column(at);
        t_.error_ = where(at) + ": " + message;
        t_.error_line_ = line;
        t_.error_column_ = column;
        // A template that does not parse renders nothing; drop what was read.
        t_.nodes_.clear();
        t_.parts_.clear();
        t_.bytes_.clear();
        return false;
    }

    Template& t_;
    std::string_view text_;
    std::string open_ = "{{";
    std::string close_ = "}}";
    std::vector<OpenSection> open_sections_;
    bool text_continues_ = false;  // the last node is text that the next character extends
};

Template::Template(std::string_view text) { Parser(*this, text).run(); }

// ---- Rendering --------------------------------------------------------------------------

// One render: the output, and the state of the output line being written. kainjow kept
// each line in a buffer and, at the line break, dropped it when a section had opened or
// closed on it and it held only spaces and tabs; here the line is written straight to the
// output and cut back to where it started instead, which gives the same bytes.
class Template::Renderer {
public:
    // With `piece`, the layout's content is handed to it as it is met (with the text before
    // it), not appended to `out`.
    // With `stream`, what is written is handed to it at the end of a line once `stream_from`
    // bytes wait (Template::render with a piece).
    Renderer(const Template& tmpl, std::string& out, const std::function<void(std::string_view)>* piece = nullptr,
             const std::function<void(std::string_view)>* stream = nullptr, std::size_t stream_from = 0)
        : t_(tmpl), out_(out), line_start_(out.size()), piece_(piece), stream_(stream), stream_from_(stream_from) {}

    void render(std::size_t first, std::size_t last, const Frame& top) {
        for (std::size_t i = first; i < last;) {
            const Node& node = t_.nodes_[i];
            switch (node.kind) {
                case Node::Kind::text:
                    out_.append(t_.bytes_, node.begin, node.size);
                    ++i;
                    break;
                case Node::Kind::newline:
                    end_line(std::string_view(t_.bytes_).substr(node.begin, node.size));
                    ++i;
                    break;
                case Node::Kind::variable:
                case Node::Kind::unescaped_variable:
                    print(resolve(node, top), node.kind == Node::Kind::variable);
                    ++i;
                    break;
                case Node::Kind::section:
                    section(i, resolve(node, top), top);
                    i = node.end;
                    break;
                case Node::Kind::inverted_section:
                    inverted_section(i, resolve(node, top), top);
                    i = node.end;
                    break;
            }
        }
    }

    // The last line has no line break after it, and is dropped on the same terms.
    void finish() {
        if (section_on_line_ && line_is_blank()) out_.resize(line_start_);
    }

private:
    void section(std::size_t at, const Ref& ref, const Frame& top) {
        if (!is_true(ref)) return;  // not even the line's flag is touched, as in kainjow
        const Node& node = t_.nodes_[at];
        if (ref.value && ref.value->is_array()) {
            for (const json& item : *ref.value) {
                section_on_line_ = true;  // the opening tag
                Frame frame{Ref{&item}, &top};
                render(at + 1, node.end, frame);
                section_on_line_ = true;  // the closing tag
            }
            return;
        }
        section_on_line_ = true;
        Frame frame{ref, &top};
        render(at + 1, node.end, frame);
        section_on_line_ = true;
    }

    void inverted_section(std::size_t at, const Ref& ref, const Frame& top) {
        if (is_true(ref)) return;
        const Node& node = t_.nodes_[at];
        section_on_line_ = true;
        if (ref.found()) {
            // kainjow pushed the false value ({{.}} inside then prints nothing).
            Frame frame{ref, &top};
            render(at + 1, node.end, frame);
        } else {
            render(at + 1, node.end, top);
        }
        section_on_line_ = true;
    }

    void end_line(std::string_view line_break) {
        if (section_on_line_ && line_is_blank())
            out_.resize(line_start_);
        else
            out_.append(line_break);
        line_start_ = out_.size();
        section_on_line_ = false;
        line_has_content_ = false;
        // Every byte before the new line is final: only the line being written can be cut back.
        if (stream_ && out_.size() >= stream_from_) {
            (*stream_)(out_);
            out_.clear();
            line_start_ = 0;
        }
    }

    bool line_is_blank() const {
        if (line_has_content_) return false;
        for (std::size_t i = line_start_; i < out_.size(); ++i)
            if (out_[i] != ' ' && out_[i] != '\t') return false;
        return true;
    }

    void print(const Ref& ref, bool escape) {
        std::string_view s;
        std::string number;
        if (ref.text) {
            s = *ref.text;
        } else if (!ref.value || !(ref.value->is_string() || ref.value->is_number())) {
            return;  // nothing, bools, null, lists and objects print nothing
        } else if (ref.value->is_string()) {
            s = ref.value->get_ref<const std::string&>();
        } else if (ref.value->is_number()) {
            number = ref.value->dump();
            s = number;
        }
        if (escape) {
            append_escaped(out_, s);
        } else if (piece_ && ref.text && s.find_first_not_of(" \t") != std::string_view::npos) {
            // The content, with a character that is not a space or a tab: its line is never
            // dropped as blank, so what is written so far is final and is handed on.
            (*piece_)(out_);
            out_.clear();
            line_start_ = 0;
            line_has_content_ = true;
            (*piece_)(s);
        } else {
            out_.append(s);
        }
    }

    std::string_view part(std::uint32_t index) const {
        const NamePart& p = t_.parts_[index];
        return std::string_view(t_.bytes_).substr(p.begin, p.size);
    }

    // The member `index` of `ref`: only objects have members.
    Ref member(const Ref& ref, std::uint32_t index) const {
        const std::string_view key = part(index);
        if (ref.content && key == "content") return Ref{nullptr, ref.content};
        if (!ref.value || !ref.value->is_object()) return {};
        const auto& object = ref.value->get_ref<const json::object_t&>();
        if (auto it = object.find(key); it != object.end()) return Ref{&it->second};
        return {};
    }

    // kainjow's lookup: "." is the innermost context; otherwise each context from the
    // innermost out is tried with the whole dotted path, and the first that has it wins.
    Ref resolve(const Node& node, const Frame& top) const {
        if (node.size == 0) return top.value;
        for (const Frame* frame = &top; frame != nullptr; frame = frame->outer) {
            Ref ref = member(frame->value, node.begin);
            for (std::uint32_t i = 1; i < node.size && ref.found(); ++i) ref = member(ref, node.begin + i);
            if (ref.found()) return ref;
        }
        return {};
    }

    const Template& t_;
    std::string& out_;
    std::size_t line_start_;        // where the output line being written starts
    bool section_on_line_ = false;  // a section opened or closed on that line
    const std::function<void(std::string_view)>* piece_;
    bool line_has_content_ = false;  // the content, handed on, was written on that line
    const std::function<void(std::string_view)>* stream_;
    std::size_t stream_from_;
};

void Template::render(const json& context, std::string& out, const json* globals) const {
    render_with(context, nullptr, out, globals);
}

void Template::render_layout(const json& context, const std::string& content, std::string& out,
                             const json* globals) const {
    render_with(context, &content, out, globals);
}

void Template::render_layout(const json& context, const std::string& content,
                             const std::function<void(std::string_view)>& piece, const json* globals) const {
    std::string out;
    render_with(context, &content, out, globals, &piece);
    piece(out);
}

void Template::render(const json& context, const std::function<void(std::string_view)>& piece, const json* globals,
                      std::size_t stream_from) const {
    std::string out;
    render_with(context, nullptr, out, globals, nullptr, &piece, stream_from);
    if (!out.empty()) piece(out);
}

bool Template::prints_raw_only(std::string_view name) const {
    for (const Node& node : nodes_) {
        if (node.kind == Node::Kind::text || node.kind == Node::Kind::newline || node.size == 0) continue;
        const NamePart& first = parts_[node.begin];
        if (std::string_view(bytes_).substr(first.begin, first.size) != name) continue;
        if (node.kind != Node::Kind::unescaped_variable || node.size != 1) return false;
    }
    return true;
}

void Template::render_with(const json& context, const std::string* content, std::string& out, const json* globals,
                           const std::function<void(std::string_view)>* piece,
                           const std::function<void(std::string_view)>* stream, std::size_t stream_from) const {
    if (!ok()) return;
    // Most of a page is the template's own text (and, for a layout, the page inside it).
    out.reserve(out.size() + bytes_.size() + (content && !piece ? content->size() : 0) + 1024);
    Renderer renderer(*this, out, piece, stream, stream_from);
    const Frame outside{Ref{globals}, nullptr};
    renderer.render(0, nodes_.size(), Frame{Ref{&context, nullptr, content}, globals ? &outside : nullptr});
    renderer.finish();
}

}  // namespace cp::theme
