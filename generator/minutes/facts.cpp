#include "minutes/facts.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <memory>

#include "markdown/cmark_handles.hpp"
#include "text/strings.hpp"

namespace cp::minutes {

namespace {

// One line of a paragraph or heading as plain text (emphasis, links and code spans reduced to
// their words), with where each piece of it was written in the file.
struct Line {
    struct Piece {
        std::size_t at;  // offset in text
        int line, column;
    };
    std::string text;
    std::vector<Piece> pieces;

    const Piece* piece_at(std::size_t offset) const {
        const Piece* found = pieces.empty() ? nullptr : &pieces.front();
        for (const auto& p : pieces)
            if (p.at <= offset) found = &p;
        return found;
    }
    int line_at(std::size_t offset) const {
        const Piece* p = piece_at(offset);
        return p ? p->line : 0;
    }
    int column_at(std::size_t offset) const {
        const Piece* p = piece_at(offset);
        if (!p || p->column <= 0) return 0;  // the line as a whole
        return p->column + static_cast<int>(offset - std::min(offset, p->at));
    }
};

// The check box a task-list item starts with: 'x' (done), ' ' (open), or 0 for none.
char check_box(std::string_view text) {
    if (text.size() < 3 || text[0] != '[' || text[2] != ']') return 0;
    if (text.size() > 3 && text[3] != ' ' && text[3] != '\t') return 0;
    if (text[1] == ' ') return ' ';
    if (text[1] == 'x' || text[1] == 'X') return 'x';
    return 0;
}

bool is_names_field(const std::string& field) { return field == "attendees" || field == "apologies" || is_role(field); }

class Reader {
public:
    Reader(const Vocabulary& words, int first_line) : words_(words), first_line_(first_line) {}

    Facts run(std::string_view body) {
        markdown::ParserPtr parser(cmark_parser_new(CMARK_OPT_DEFAULT));
        cmark_parser_feed(parser.get(), body.data(), body.size());
        markdown::NodePtr root(cmark_parser_finish(parser.get()));
        if (root) blocks(root.get());
        return std::move(facts_);
    }

private:
    // Every child block of `container`. A heading that names a field opens its section, which
    // runs to the next heading of its level or above; a line that is only a label
    // ("**Attendees:**") makes the block after it that field's.
    void blocks(cmark_node* container) {
        std::string section, pending;
        int section_level = 0;
        for (cmark_node* n = cmark_node_first_child(container); n; n = cmark_node_next(n)) {
            std::string field = pending.empty() ? section : pending;
            pending.clear();
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_HEADING: {
                    int level = cmark_node_get_heading_level(n);
                    Line line = joined(lines_of(n));
                    std::string named = words_.field_of(line.text);
                    if (!named.empty()) {
                        section = named;
                        section_level = level;
                    } else {
                        if (level <= section_level) section.clear(), section_level = 0;
                        labelled(line, "");  // "## Present: Ada, Bob"
                    }
                    break;
                }
                case CMARK_NODE_PARAGRAPH:
                    pending = paragraph(n, field);
                    break;
                case CMARK_NODE_LIST:
                    list(n, field);
                    break;
                case CMARK_NODE_BLOCK_QUOTE:
                case CMARK_NODE_ITEM:
                    blocks(n);
                    break;
                default:
                    break;  // code, HTML, rules: never minutes
            }
        }
    }

    // The lines of a paragraph or heading.
    std::vector<Line> lines_of(cmark_node* block) {
        std::vector<Line> lines(1);
        int para_line = cmark_node_get_start_line(block), para_column = cmark_node_get_start_column(block);
        int image = 0;
        cmark_iter* iter = cmark_iter_new(block);
        for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
            cmark_node* n = cmark_iter_get_node(iter);
            cmark_node_type t = cmark_node_get_type(n);
            if (t == CMARK_NODE_IMAGE) image += ev == CMARK_EVENT_ENTER ? 1 : -1;
            if (ev != CMARK_EVENT_ENTER || image > 0) continue;
            if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
                lines.emplace_back();
            } else if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
                const char* s = cmark_node_get_literal(n);
                Line& line = lines.back();
                // Inline positions, where cmark-gfm knows them; else the block's, line by line.
                int l = cmark_node_get_start_line(n), c = cmark_node_get_start_column(n);
                if (l <= 0 || c <= 0) {
                    l = para_line + static_cast<int>(lines.size()) - 1;
                    c = lines.size() == 1 ? para_column + static_cast<int>(line.text.size()) : 0;
                }
                line.pieces.push_back({line.text.size(), first_line_ + l - 1, c});
                if (s) line.text += s;
            }
        }
        cmark_iter_free(iter);
        return lines;
    }

    static Line joined(const std::vector<Line>& lines) {
        Line out;
        for (const auto& l : lines) {
            if (!out.text.empty()) out.text += ' ';
            for (auto p : l.pieces) {
                p.at += out.text.size();
                out.pieces.push_back(p);
            }
            out.text += l.text;
        }
        return out;
    }

    // Reads "Label: what follows" when the label names a field; returns the field, or empty.
    // `rest_empty` tells whether nothing followed the label.
    std::string labelled(const Line& line, const std::string& also_attendees, bool* rest_empty = nullptr) {
        std::size_t colon = line.text.find(':');
        if (colon == std::string::npos || colon > 40) return {};
        std::string field = words_.field_of(line.text.substr(0, colon));
        if (field.empty()) return {};
        std::size_t rest = colon + 1;
        while (rest < line.text.size() && line.text[rest] == ' ') ++rest;
        if (rest_empty) *rest_empty = rest >= line.text.size();
        if (rest < line.text.size()) {
            take(field, line, rest);
            // "Chair: Ada" in a list of who came: Ada came too.
            if (!also_attendees.empty() && is_role(field)) take(also_attendees, line, rest);
        }
        return field;
    }

    // A paragraph: each line a label, or (in a section of names) names. Returns the field of a
    // last line that was only a label, for the block that follows.
    std::string paragraph(cmark_node* n, const std::string& section) {
        std::string current = is_names_field(section) ? section : std::string{}, pending;
        bool table_reported = false;
        for (const Line& line : lines_of(n)) {
            pending.clear();
            std::string text(text::trim(line.text));
            if (text.empty()) continue;
            if (text.front() == '|') {  // a table (read without the table extension: as rows of text)
                if (!current.empty() && !table_reported)
                    facts_.problems.push_back(
                        {line.line_at(0), line.column_at(0),
                         "a table of " + field_words(current) +
                             " is not read: write them as a list, or as a line like 'Present: A, B'"});
                table_reported = true;
                continue;
            }
            bool rest_empty = false;
            std::string field = labelled(line, "", &rest_empty);
            if (!field.empty()) {
                if (rest_empty) current = pending = field;
                continue;
            }
            if (!current.empty()) take(current, line, 0);
        }
        return pending;
    }

    void list(cmark_node* n, const std::string& field) {
        for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) item_of(item, field);
    }

    void item_of(cmark_node* item, const std::string& field) {
        cmark_node* first = cmark_node_first_child(item);
        cmark_node* nested = nullptr;
        for (cmark_node* c = first; c; c = cmark_node_next(c))
            if (cmark_node_get_type(c) == CMARK_NODE_LIST && !nested) nested = c;
        Line line;
        if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) line = joined(lines_of(first));
        char box = check_box(line.text);
        std::size_t start = box ? 3 : 0;
        while (start < line.text.size() && line.text[start] == ' ') ++start;
        std::string text(text::trim(line.text.substr(std::min(start, line.text.size()))));

        if (is_names_field(field)) {
            if (box == ' ') return;  // an attendance check list: not ticked, not there
            bool rest_empty = false;
            std::string labelled_as =
                box ? std::string{} : labelled(line, field == "attendees" ? field : "", &rest_empty);
            if (!labelled_as.empty()) {
                if (rest_empty && nested) list(nested, labelled_as);
                return;
            }
            std::size_t colon = text.find(": ");
            if (colon != std::string::npos) {  // "Guests: Carol, Dan"
                take(field, line, start + colon + 2);
            } else if (nested && (text.empty() || text.back() == ':')) {  // "Members:" with a list under it
                list(nested, field);
            } else if (auto name = name_of_item(text)) {
                add(field, mention(*name, line, start));
            }
            return;
        }
        if (field == "decisions" && !box) {  // a task list is actions, under any heading but who came
            if (!text.empty()) add_decision(text, line, start);
            return;
        }
        if (field == "actions" || box) {
            if (!text.empty()) add_action(text, box == 'x', line, start);
            for (cmark_node* c = first; c; c = cmark_node_next(c))
                if (cmark_node_get_type(c) == CMARK_NODE_LIST) list(c, "");
            return;
        }
        blocks(item);
    }

    // What a field is called in a message.
    static std::string field_words(const std::string& field) {
        std::string out = field;
        std::replace(out.begin(), out.end(), '_', ' ');
        return is_role(field) ? out + "s" : out;
    }

    Mention mention(const WrittenName& name, const Line& line, std::size_t offset) {
        std::size_t at = offset + name.at;
        return {name.name, name.handle, line.line_at(at), line.column_at(at)};
    }

    // The text after `offset` in `line`, read as `field`.
    void take(const std::string& field, const Line& line, std::size_t offset) {
        std::string rest = line.text.substr(offset);
        if (is_names_field(field)) {
            for (const auto& name : names_in_line(rest)) add(field, mention(name, line, offset));
        } else if (field == "decisions") {
            if (std::string text(text::trim(rest)); !text.empty()) add_decision(text, line, offset);
        } else if (field == "actions") {
            char box = check_box(rest);
            if (std::string text(text::trim(box ? rest.substr(3) : rest)); !text.empty())
                add_action(text, box == 'x', line, offset);
        }
    }

    void add(const std::string& field, Mention m) {
        std::vector<Mention>* list = nullptr;
        if (field == "attendees")
            list = &facts_.attendees;
        else if (field == "apologies")
            list = &facts_.apologies;
        else {
            auto it = std::find_if(facts_.roles.begin(), facts_.roles.end(),
                                   [&](const RoleHeld& r) { return r.role == field; });
            if (it == facts_.roles.end()) it = facts_.roles.insert(facts_.roles.end(), RoleHeld{field, {}});
            list = &it->people;
        }
        // The same person written twice (in a list and a line) came once.
        auto same = [&](const Mention& o) {
            return text::lower(o.name) == text::lower(m.name) && text::lower(o.handle) == text::lower(m.handle);
        };
        if (std::none_of(list->begin(), list->end(), same)) list->push_back(std::move(m));
    }

    void add_decision(const std::string& text, const Line& line, std::size_t offset) {
        for (const auto& d : facts_.decisions)
            if (d.text == text) return;
        facts_.decisions.push_back({text, line.line_at(offset), line.column_at(offset)});
    }

    void add_action(const std::string& text, bool done, const Line& line, std::size_t offset) {
        ActionItem a;
        a.text = text;
        a.done = done;
        a.due = due_date_in(text);
        a.line = line.line_at(offset);
        a.column = line.column_at(offset);
        std::size_t lead = line.text.find(text, offset);  // where the text itself starts
        if (auto owner = owner_in(text)) a.owner = mention(*owner, line, lead == std::string::npos ? offset : lead);
        facts_.actions.push_back(std::move(a));
    }

    const Vocabulary& words_;
    int first_line_;
    Facts facts_;
};

}  // namespace

Facts read_facts(std::string_view body, int first_line, const Vocabulary& words) {
    return Reader(words, first_line).run(body);
}

}  // namespace cp::minutes
