// E-mail addresses out of every front-matter string a page carries: the contract says no
// address from front matter reaches an output file, in any build.
#include <cctype>

#include "audience/emails.hpp"

namespace cp::audience {

namespace {

bool local_char(unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool domain_char(unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; }

using Edit = std::function<void(std::string&)>;

void edit_each(std::vector<std::string>& items, const Edit& edit) {
    for (auto& s : items) edit(s);
}

void edit_each(model::Ref& ref, const Edit& edit) {
    edit(ref.text);
    edit(ref.label);
}

void edit_each(std::vector<model::Ref>& refs, const Edit& edit) {
    for (auto& r : refs) edit_each(r, edit);
}

void edit_each(nlohmann::json& j, const Edit& edit) {
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        std::string before = s;
        edit(s);
        if (s != before) j = s;
    } else if (j.is_array() || j.is_object()) {
        for (auto& item : j) edit_each(item, edit);
    }
}

// A picture's file name ("logo@2x.png") is not an address.
bool file_extension(std::string_view domain) {
    std::string_view last = domain.substr(domain.rfind('.') + 1);
    for (std::string_view ext : {"png", "jpg", "jpeg", "gif", "svg", "webp", "pdf"})
        if (last == ext) return true;
    return false;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> find_email_addresses(std::string_view text) {
    std::vector<std::pair<std::size_t, std::size_t>> found;
    std::size_t at = text.find('@');
    while (at != std::string_view::npos) {
        std::size_t start = at;
        while (start > 0 && local_char(static_cast<unsigned char>(text[start - 1]))) --start;
        std::size_t end = at + 1;
        while (end < text.size() && domain_char(static_cast<unsigned char>(text[end]))) ++end;
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;  // sentence end
        std::string_view domain = text.substr(at + 1, end - at - 1);
        std::size_t dot = domain.rfind('.');
        bool looks_like_address = start < at && dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2 &&
            !file_extension(domain);
        if (looks_like_address) {
            found.emplace_back(start, end - start);
            at = text.find('@', end);
        } else {
            at = text.find('@', at + 1);
        }
    }
    return found;
}

std::string without_email_addresses(std::string_view text) {
    std::string out;
    std::size_t pos = 0;
    for (auto [start, length] : find_email_addresses(text)) {
        out += text.substr(pos, start - pos);
        out += "(e-mail hidden)";
        pos = start + length;
    }
    out += text.substr(pos);
    return out;
}

void edit_shown_strings(model::Page& p, const Edit& edit) {
    for (auto* s : {&p.title, &p.summary, &p.phase, &p.started, &p.time, &p.end_time, &p.location, &p.format, &p.series,
                    &p.kind, &p.source_url, &p.source_text, &p.organisation, &p.profession, &p.joined})
        edit(*s);
    for (auto* list : {&p.tags, &p.practices, &p.expected_results, &p.audiences, &p.agenda, &p.decisions,
                       &p.parking_lot, &p.went_well, &p.to_improve, &p.highlights, &p.person_roles, &p.expertise})
        edit_each(*list, edit);
    for (auto* refs : {&p.domains, &p.authors, &p.conveners, &p.attendees, &p.apologies, &p.related, &p.contributors})
        edit_each(*refs, edit);
    edit_each(p.parent, edit);
    for (auto& q : p.learning_agenda) {
        edit(q.question);
        edit_each(q.answered_in, edit);
    }
    for (auto& r : p.roles) edit_each(r.people, edit);
    for (auto& a : p.actions) {
        edit(a.action);
        edit_each(a.owner, edit);
    }
    edit_each(p.params, edit);
}

void hide_email_addresses(model::Page& p) {
    edit_shown_strings(p, [](std::string& s) {
        if (s.find('@') != std::string::npos) s = without_email_addresses(s);
    });
}

}  // namespace cp::audience
