#include "markdown/render.hpp"
#include "markdown/cmark_handles.hpp"
#include "text/escape.hpp"
#include "text/strings.hpp"
#include "text/url_policy.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <set>

namespace cp::markdown {

namespace {

constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG;

std::string literal(cmark_node* node) {
    const char* s = cmark_node_get_literal(node);
    return s ? std::string(s) : std::string{};
}

// An inline HTML tag that breaks a line or starts a block ("<br>", "</p>", "<li>"): where
// it stands, the words on either side are two words.
bool html_tag_breaks_words(std::string_view tag) {
    std::size_t i = 1;  // past '<'
    if (i < tag.size() && tag[i] == '/') ++i;
    std::size_t end = i;
    while (end < tag.size() && std::isalnum(static_cast<unsigned char>(tag[end]))) ++end;
    const std::string name = text::lower(tag.substr(i, end - i));
    static const std::set<std::string, std::less<>> kBreaking = {
        "address", "article", "aside", "blockquote", "br",      "dd",    "details", "div", "dl",     "dt", "figcaption",
        "figure",  "footer",  "h1",    "h2",         "h3",      "h4",    "h5",      "h6",  "header", "hr", "li",
        "ol",      "p",       "pre",   "section",    "summary", "table", "td",      "th",  "tr",     "ul"};
    return kBreaking.count(name) != 0;
}

// The words under a node, for headings, summaries, search and the audit. Every block
// (paragraph, heading, list item, table cell, quote, the custom blocks this renderer makes
// of headings and community asides, an extension's block) begins and ends a word: text is
// glued only where the reader sees it glued ("## Present" then "- Anatoli" is two words).
void collect_text(cmark_node* node, std::string& out) {
    auto word_break = [&out] {
        if (!out.empty() && !std::isspace(static_cast<unsigned char>(out.back()))) out.push_back(' ');
    };
    cmark_iter* iter = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter);
        cmark_node_type t = cmark_node_get_type(n);
        if ((t & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK) word_break();  // entering or leaving a block
        if (ev != CMARK_EVENT_ENTER) continue;
        switch (t) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
                out += literal(n);
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
                word_break();
                break;
            case CMARK_NODE_HTML_INLINE:
                if (html_tag_breaks_words(literal(n))) word_break();
                break;
            default:
                break;
        }
        if (t == CMARK_NODE_CODE_BLOCK) word_break();  // a leaf: no exit of its own
    }
    cmark_iter_free(iter);
}

std::string text_of(cmark_node* node) {
    std::string out;
    collect_text(node, out);
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.pop_back();
    return out;
}

std::string cut_summary(const std::string& text, std::size_t limit = 200) {
    if (text.size() <= limit) return text;
    std::size_t cut = text.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not mid-character
    }
    std::string out = text.substr(0, cut);
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';' || out.back() == ':'))
        out.pop_back();
    return out + "…";
}

std::string html_escape(std::string_view s) { return text::escape_markup(s); }

// Where a node was written, in file lines: inline nodes may lack a position, so walk up.
std::pair<int, int> position(cmark_node* node, int first_line) {
    for (cmark_node* n = node; n; n = cmark_node_parent(n)) {
        int line = cmark_node_get_start_line(n);
        if (line > 0) return {first_line - 1 + line, std::max(1, cmark_node_get_start_column(n))};
    }
    return {first_line, 1};
}

class TreeRewriter {
public:
    TreeRewriter(cmark_node* root, const LinkResolver& resolve, int first_line, std::string_view source, bool wikilinks,
                 const RenderOptions::Words& words, const MediaWriter& media_html)
        : root_(root),
          resolve_(resolve),
          first_line_(first_line),
          source_(source),
          wikilinks_(wikilinks),
          words_(words),
          media_html_(media_html) {
        line_starts_.push_back(0);
        for (std::size_t i = 0; i < source_.size(); ++i)
            if (source_[i] == '\n') line_starts_.push_back(i + 1);
    }

    void run(Rendered& out) {
        cmark_consolidate_text_nodes(root_);
        wrap_community_blocks();
        std::vector<cmark_node*> texts, links, headings;
        cmark_iter* iter = cmark_iter_new(root_);
        cmark_event_type ev;
        while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
            if (ev != CMARK_EVENT_ENTER) continue;
            cmark_node* n = cmark_iter_get_node(iter);
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                    texts.push_back(n);
                    break;
                case CMARK_NODE_LINK:
                case CMARK_NODE_IMAGE:
                    links.push_back(n);
                    break;
                case CMARK_NODE_HEADING:
                    headings.push_back(n);
                    break;
                default:
                    break;
            }
        }
        cmark_iter_free(iter);
        for (cmark_node* link : links) rewrite_link(link, out);
        if (wikilinks_)
            for (cmark_node* text : texts) expand_wikilinks(text);
        for (cmark_node* heading : headings) out.headings.push_back(give_id(heading));
        // Out of the tree already; freed only now, since the lists above may still point into them.
        for (cmark_node* node : detached_) cmark_node_free(node);
        detached_.clear();
    }

    TreeRewriter(const TreeRewriter&) = delete;
    TreeRewriter& operator=(const TreeRewriter&) = delete;
    ~TreeRewriter() {
        for (cmark_node* node : detached_) cmark_node_free(node);
    }

private:
    // Top-level marker comments become one aside holding the blocks between them.
    void wrap_community_blocks() {
        cmark_node* n = cmark_node_first_child(root_);
        while (n) {
            cmark_node* next = cmark_node_next(n);
            if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && trimmed(literal(n)) == kCommunityStart) {
                cmark_node* aside = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
                const std::string& label = words_.community_only;
                const std::string enter = "<aside class=\"community-only\" aria-label=\"" + label +
                    "\">\n<p class=\"community-only-label\">" + label + "</p>\n";
                cmark_node_set_on_enter(aside, enter.c_str());
                cmark_node_set_on_exit(aside, "</aside>\n");
                cmark_node_insert_before(n, aside);
                cmark_node* cur = next;
                while (cur) {
                    cmark_node* after = cmark_node_next(cur);
                    if (cmark_node_get_type(cur) == CMARK_NODE_HTML_BLOCK && trimmed(literal(cur)) == kCommunityEnd) {
                        cmark_node_free(cur);
                        cur = after;
                        break;
                    }
                    cmark_node_append_child(aside, cur);
                    cur = after;
                }
                cmark_node_free(n);
                next = cur;
            }
            n = next;
        }
    }

    static std::string trimmed(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    }

    // A span around a link's text (marked broken, or plain), put before `at`; nullptr when
    // `at`'s parent cannot hold it: a GFM table cell holds no custom inline, and cmark then
    // refuses the insertion, so the text must go in without its span.
    cmark_node* insert_span_before(cmark_node* at, bool broken) const {
        cmark_node* span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        const std::string enter =
            broken ? "<span class=\"broken-link\" title=\"" + words_.broken_link + "\">" : "<span>";
        cmark_node_set_on_enter(span, enter.c_str());
        cmark_node_set_on_exit(span, "</span>");
        if (cmark_node_insert_before(at, span)) return span;
        cmark_node_free(span);
        return nullptr;
    }

    void replace_with_children(cmark_node* node, bool mark_broken) {
        cmark_node* holder = mark_broken ? insert_span_before(node, true) : nullptr;
        if (!holder) {
            holder = node;
            mark_broken = false;
        }
        while (cmark_node* child = cmark_node_first_child(node)) {
            if (mark_broken)
                cmark_node_append_child(holder, child);
            else
                cmark_node_insert_before(node, child);
        }
        cmark_node_free(node);
    }

    void rewrite_link(cmark_node* link, Rendered& out) {
        LinkRequest req;
        const char* url = cmark_node_get_url(link);
        req.destination = url ? url : "";
        req.is_image = cmark_node_get_type(link) == CMARK_NODE_IMAGE;
        if (req.is_image) req.text = text_of(link);  // its alt text (a link's words are asked for only for a player)
        auto [line, column] = position(link, first_line_);
        req.line = line;
        // cmark-gfm places some inline nodes (autolinks) past the end of their line: then the
        // column is where the destination is written, else the line's start.
        if (column > line_length(line)) {
            int written = source_column(line, 1, req.destination);
            column = written > 0 ? written : 1;
        }
        req.column = column;
        LinkResult result = resolve_(req);
        // Whatever the resolver said, a URL the policy refuses is never written (the resolver warns).
        auto use = req.is_image ? text::UrlUse::Media : text::UrlUse::Link;
        if ((result.action == LinkResult::Action::Keep && !text::url_allowed(req.destination, use)) ||
            (result.action == LinkResult::Action::Rewrite && !text::url_allowed(result.url, use)))
            result.action = LinkResult::Action::Unlink;
        switch (result.action) {
            case LinkResult::Action::Keep:
                if (req.is_image) picture(link, req, result);
                break;
            case LinkResult::Action::Rewrite:
                cmark_node_set_url(link, result.url.c_str());
                if (result.media)
                    place_player(link, *result.media, out);
                else if (req.is_image)
                    picture(link, req, result);
                break;
            case LinkResult::Action::Unlink:
                replace_with_children(link, false);
                break;
            case LinkResult::Action::Broken:
                replace_with_children(link, true);
                break;
        }
    }

    // An image as its <img>, with its size when known and loading="lazy", put in its place; where
    // the parent holds no custom inline (a table cell) cmark writes it, and lazy_images() adds
    // loading="lazy" to it.
    void picture(cmark_node* image, const LinkRequest& req, const LinkResult& result) {
        const char* url = cmark_node_get_url(image);
        const char* title = cmark_node_get_title(image);
        std::string tag =
            "<img src=\"" + text::escape_href(url ? url : "") + "\" alt=\"" + html_escape(req.text) + "\"";
        if (title && *title) tag += " title=\"" + html_escape(title) + "\"";
        if (result.width > 0 && result.height > 0)
            tag += " width=\"" + std::to_string(result.width) + "\" height=\"" + std::to_string(result.height) + "\"";
        tag += " loading=\"lazy\" />";
        cmark_node* node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        cmark_node_set_on_enter(node, tag.c_str());
        cmark_node_set_on_exit(node, "");
        if (!cmark_node_insert_before(image, node)) {
            cmark_node_free(node);
            return;
        }
        cmark_node_unlink(image);
        detached_.push_back(image);
    }

    // A recording: alone in its paragraph, the paragraph becomes the player; among other words
    // it stays a link (an image of it becomes one) and the player follows the paragraph or
    // heading; where no block may follow (a table cell) it stays a link only.
    void place_player(cmark_node* node, MediaEmbed media, Rendered& out) {
        if (media.label.empty()) media.label = std::string(text::trim(text_of(node)));
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        std::string html = media_html_ ? media_html_(media) : default_media_html(media);
        cmark_node_set_on_enter(block, html.c_str());
        cmark_node_set_on_exit(block, "");
        cmark_node* parent = cmark_node_parent(node);
        bool placed = false;
        if (parent && cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH && cmark_node_first_child(parent) == node &&
            cmark_node_last_child(parent) == node) {
            if (cmark_node_insert_before(parent, block)) {
                cmark_node_unlink(parent);
                detached_.push_back(parent);
                out.media.push_back(media);
                return;
            }
        } else {
            for (cmark_node* b = parent; b; b = cmark_node_parent(b)) {
                cmark_node_type t = cmark_node_get_type(b);
                if ((t & CMARK_NODE_TYPE_MASK) != CMARK_NODE_TYPE_BLOCK) continue;
                placed = (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING) && cmark_node_insert_after(b, block);
                break;
            }
        }
        if (placed)
            out.media.push_back(media);
        else
            cmark_node_free(block);
        if (cmark_node_get_type(node) == CMARK_NODE_IMAGE) as_link(node);
    }

    // An image node replaced by a link to the same file with the same words: a recording is no
    // <img>. Inside a link (no link may hold another) its words alone stay.
    void as_link(cmark_node* image) {
        for (cmark_node* up = cmark_node_parent(image); up; up = cmark_node_parent(up))
            if (cmark_node_get_type(up) == CMARK_NODE_LINK) {
                while (cmark_node* child = cmark_node_first_child(image))
                    if (!cmark_node_insert_before(image, child)) break;
                cmark_node_unlink(image);
                detached_.push_back(image);
                return;
            }
        cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
        const char* url = cmark_node_get_url(image);
        cmark_node_set_url(link, url ? url : "");
        if (!cmark_node_insert_before(image, link)) {
            cmark_node_free(link);
            return;
        }
        while (cmark_node* child = cmark_node_first_child(image)) cmark_node_append_child(link, child);
        cmark_node_unlink(image);
        detached_.push_back(image);
    }

    // Splits "[[target|label]]" out of a text node into a link node.
    void expand_wikilinks(cmark_node* text) {
        const char* raw = cmark_node_get_literal(text);
        if (!raw || !std::strstr(raw, "[[")) return;  // most text has none: no copy
        std::string s = raw;
        auto [line, column] = position(text, first_line_);
        int search_from = column;  // where the next wikilink may be written on the source line
        std::size_t pos = 0;
        bool changed = false;
        std::string pending;
        auto flush_text = [&](const std::string& t) {
            if (t.empty()) return;
            cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(n, t.c_str());
            cmark_node_insert_before(text, n);
        };
        while (true) {
            std::size_t open = s.find("[[", pos);
            if (open == std::string::npos) break;
            std::size_t close = s.find("]]", open + 2);
            if (close == std::string::npos) break;
            std::string inner = s.substr(open + 2, close - open - 2);
            // "[[[[a]]": the innermost "[[" is the wikilink's; jumping to it keeps the scan linear
            // (searching for "]]" again from every '[' was quadratic in a run of them).
            if (auto nested = inner.rfind("[["); nested != std::string::npos) {
                std::size_t inner_open = open + 2 + nested;
                pending += s.substr(pos, inner_open - pos);
                pos = inner_open;
                continue;
            }
            if (inner.empty() || inner.find('\n') != std::string::npos) {
                pending += s.substr(pos, open + 2 - pos);
                pos = open + 2;
                continue;
            }
            pending += s.substr(pos, open - pos);
            flush_text(pending);
            pending.clear();
            LinkRequest req;
            req.is_wikilink = true;
            std::string label;
            if (auto bar = inner.find('|'); bar != std::string::npos) {
                label = inner.substr(bar + 1);
                inner = inner.substr(0, bar);
                req.has_label = true;
            }
            req.destination = inner;
            req.line = line;
            int written = source_column(line, search_from, "[[" + s.substr(open + 2, close - open - 2) + "]]");
            req.column = written > 0 ? written : column + static_cast<int>(open);
            if (written > 0) search_from = written + 2;
            LinkResult result = resolve_(req);
            // An unresolved [[x]] keeps what was written, brackets and all (Foo.[[Prototype]]).
            bool broken_link = result.action == LinkResult::Action::Broken;
            std::string shown = broken_link ? "[[" + s.substr(open + 2, close - open - 2) + "]]"
                : !label.empty()            ? label
                                            : (!result.label.empty() ? result.label : inner);
            cmark_node* label_node = cmark_node_new(CMARK_NODE_TEXT);
            cmark_node_set_literal(label_node, shown.c_str());
            if (result.action == LinkResult::Action::Rewrite && !text::url_allowed(result.url))
                result.action = LinkResult::Action::Unlink;
            if (result.action == LinkResult::Action::Rewrite) {
                cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
                cmark_node_set_url(link, result.url.c_str());
                cmark_node_append_child(link, label_node);
                cmark_node_insert_before(text, link);
            } else if (cmark_node* span = insert_span_before(text, result.action == LinkResult::Action::Broken)) {
                cmark_node_append_child(span, label_node);
            } else {
                cmark_node_insert_before(text, label_node);
            }
            pos = close + 2;
            changed = true;
        }
        if (!changed) return;
        pending += s.substr(pos);
        flush_text(pending);
        cmark_node_free(text);
    }

    Heading give_id(cmark_node* heading) {
        Heading h;
        h.level = cmark_node_get_heading_level(heading);
        h.text = text_of(heading);
        std::string base = heading_id(h.text);
        if (base.empty()) base = "section";
        // "-1", "-2"... after a repeat, skipping any id a heading's own text already took.
        h.id = base;
        for (int n = 1; !used_ids_.insert(h.id).second; ++n) h.id = base + "-" + std::to_string(n);
        // The heading becomes <hN id="...">: a block holding one inline, so no line breaks
        // end up inside the tag.
        cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
        cmark_node_set_on_enter(block, "");
        cmark_node_set_on_exit(block, "");
        cmark_node* inline_node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
        std::string open = "<h" + std::to_string(h.level) + " id=\"" + html_escape(h.id) + "\">";
        std::string close = "</h" + std::to_string(h.level) + ">";
        cmark_node_set_on_enter(inline_node, open.c_str());
        cmark_node_set_on_exit(inline_node, close.c_str());
        cmark_node_append_child(block, inline_node);
        cmark_node_insert_before(heading, block);
        while (cmark_node* child = cmark_node_first_child(heading)) cmark_node_append_child(inline_node, child);
        cmark_node_free(heading);
        return h;
    }

    // The length in bytes of file line `line` of the body; 0 when it is not in the body.
    int line_length(int line) const {
        int body_line = line - first_line_ + 1;
        if (body_line < 1 || body_line > static_cast<int>(line_starts_.size())) return 0;
        std::size_t pos = line_starts_[body_line - 1];
        std::size_t end = source_.find('\n', pos);
        return static_cast<int>((end == std::string_view::npos ? source_.size() : end) - pos);
    }

    // The column of `needle` in the source line at file line `line`, searching from `from`
    // (1-based): a text node's literal may differ from what was written ("&amp;", "\\["), so
    // offsets into it are not columns. Returns 0 when it is not there.
    int source_column(int line, int from, std::string_view needle) const {
        int body_line = line - first_line_ + 1;
        if (body_line < 1 || body_line > static_cast<int>(line_starts_.size())) return 0;
        std::size_t pos = line_starts_[body_line - 1];
        std::size_t end = source_.find('\n', pos);
        std::string_view text = source_.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        std::size_t start = from > 0 ? static_cast<std::size_t>(from - 1) : 0;
        if (start > text.size()) return 0;
        std::size_t at = text.find(needle, start);
        return at == std::string_view::npos ? 0 : static_cast<int>(at) + 1;
    }

    cmark_node* root_;
    const LinkResolver& resolve_;
    int first_line_;
    std::string_view source_;
    bool wikilinks_;
    const RenderOptions::Words& words_;
    const MediaWriter& media_html_;
    std::vector<cmark_node*> detached_;     // taken out of the tree, freed at the end of run()
    std::vector<std::size_t> line_starts_;  // byte offset of each body line
    std::set<std::string> used_ids_;
};

cmark_node* first_paragraph(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    cmark_node* found = nullptr;
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
            found = n;
            break;
        }
    }
    cmark_iter_free(iter);
    return found;
}

// The tasklist extension writes bare checkboxes; screen readers need a name for each.
// Raw HTML is never let through, so every such input here came from the extension.
std::string label_task_checkboxes(std::string_view html, const RenderOptions::Words& words) {
    static constexpr std::string_view done = "<input type=\"checkbox\" checked=\"\" disabled=\"\" />";
    static constexpr std::string_view open = "<input type=\"checkbox\" disabled=\"\" />";
    std::string out;
    out.reserve(html.size() + 64);
    std::size_t pos = 0;
    while (true) {
        std::size_t at = html.find("<input type=\"checkbox\"", pos);
        if (at == std::string_view::npos) break;
        out.append(html.substr(pos, at - pos));
        if (html.substr(at, done.size()) == done) {
            out += "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"" + words.done + "\" />";
            pos = at + done.size();
        } else if (html.substr(at, open.size()) == open) {
            out += "<input type=\"checkbox\" disabled=\"\" aria-label=\"" + words.not_done + "\" />";
            pos = at + open.size();
        } else {
            out.append(html.substr(at, 1));
            pos = at + 1;
        }
    }
    out.append(html.substr(pos));
    return out;
}

// Every <img> cmark-gfm wrote itself (in a table cell, where no custom inline may go) gets
// loading="lazy"; raw HTML is never let through, so every <img> here is the renderer's.
std::string lazy_images(std::string html) {
    for (std::size_t at = html.find("<img "); at != std::string::npos; at = html.find("<img ", at + 1)) {
        std::size_t end = html.find('>', at);
        if (end == std::string::npos) break;
        if (std::string_view(html).substr(at, end - at).find(" loading=\"") != std::string_view::npos) continue;
        html.insert(at + 4, " loading=\"lazy\"");
    }
    return html;
}

// True when a line holds so many '|' that cmark-gfm's table extension, whose time grows with
// the square of a row's cells, would take minutes: such a page is rendered without tables.
bool has_wide_line(std::string_view text) {
    constexpr int kMaxPipes = 200;
    int pipes = 0;
    for (char c : text) {
        if (c == '\n')
            pipes = 0;
        else if (c == '|' && ++pipes > kMaxPipes)
            return true;
    }
    return false;
}

// True when the text holds so many '@' that cmark-gfm's autolink extension, which spends tens
// of microseconds on each, would take a minute: such a page is rendered without autolinks.
bool has_many_addresses(std::string_view text) {
    constexpr std::size_t kMaxAts = 20000;
    std::size_t ats = 0;
    for (char c : text)
        if (c == '@' && ++ats > kMaxAts) return true;
    return false;
}

}  // namespace

std::string default_media_html(const MediaEmbed& media) {
    const char* element = media.video ? "video" : "audio";
    std::string src = text::escape_href(media.src);
    std::string out =
        "<figure class=\"media\">\n<" + std::string(element) + " controls preload=\"metadata\" src=\"" + src + "\">";
    if (!media.captions.empty())
        out += "<track kind=\"captions\" src=\"" + text::escape_href(media.captions) + "\" default>";
    out += "</" + std::string(element) + ">\n<figcaption>";
    if (!media.label.empty()) out += html_escape(media.label) + " ";
    out += "<a href=\"" + src + "\" download>" + html_escape(media.file_name) + "</a></figcaption>\n";
    if (!media.transcript_html.empty()) out += "<div class=\"transcript\">\n" + media.transcript_html + "</div>\n";
    return out + "</figure>\n";
}

std::string heading_id(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            out.push_back(static_cast<char>(c));  // keep letters of other scripts, as GitHub does
        } else if (std::isalnum(c) || c == '_' || c == '-') {
            out.push_back(static_cast<char>(std::tolower(c)));
        } else if (c == ' ') {
            out.push_back('-');
        }
    }
    return out;
}

Rendered render(std::string_view markdown, const LinkResolver& resolve, const RenderOptions& options) {
    Rendered out;
    if (markdown.size() > options.max_bytes) {
        std::string notice = options.words.too_large;
        if (auto at = notice.find("{bytes}"); at != std::string::npos)
            notice.replace(at, 7, std::to_string(markdown.size()));
        out.html = "<p class=\"notice\">" + notice + "</p>\n";
        return out;
    }
    if ((out.refused = find_pathological(markdown))) {
        out.html = "<p class=\"notice\">" + options.words.too_slow + "</p>\n";
        return out;
    }
    ParserPtr parser(cmark_parser_new(kOptions));
    bool tables = !has_wide_line(markdown);
    bool autolinks = !has_many_addresses(markdown);
    for (const char* name : {"table", "strikethrough", "autolink", "tasklist", "tagfilter"}) {
        if (!tables && std::string_view(name) == "table") continue;
        if (!autolinks && std::string_view(name) == "autolink") continue;
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
    cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
    NodePtr root(cmark_parser_finish(parser.get()));
    if (!root) return out;

    if (cmark_node* first = cmark_node_first_child(root.get()); first && !options.title.empty() &&
        cmark_node_get_type(first) == CMARK_NODE_HEADING && cmark_node_get_heading_level(first) == 1 &&
        text_of(first) == options.title)
        cmark_node_free(first);
    TreeRewriter(root.get(), resolve, options.first_line, markdown, options.wikilinks, options.words,
                 options.media_html)
        .run(out);
    if (cmark_node* p = first_paragraph(root.get())) out.summary = cut_summary(text_of(p));
    out.plain_text = text_of(root.get());

    char* html = cmark_render_html(root.get(), kOptions, cmark_parser_get_syntax_extensions(parser.get()));
    if (html) {
        out.html = lazy_images(label_task_checkboxes(html, options.words));
        free(html);
    }
    return out;
}

}  // namespace cp::markdown
