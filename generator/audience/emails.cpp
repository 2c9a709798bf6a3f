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

void scrub(std::string& s) {
    if (s.find('@') != std::string::npos) s = without_email_addresses(s);
}

void scrub(std::vector<std::string>& items) {
    for (auto& s : items) scrub(s);
}

void scrub(model::Ref& ref) {
    scrub(ref.text);
    scrub(ref.label);
}

void scrub(std::vector<model::Ref>& refs) {
    for (auto& r : refs) scrub(r);
}

void scrub(nlohmann::json& j) {
    if (j.is_string()) {
        std::string s = j.get<std::string>();
        if (s.find('@') != std::string::npos) j = without_email_addresses(s);
    } else if (j.is_array() || j.is_object()) {
        for (auto& item : j) scrub(item);
    }
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
        bool looks_like_address = start < at && dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2;
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

void hide_email_addresses(model::Page& p) {
    for (auto* s : {&p.title, &p.summary, &p.phase, &p.started, &p.time, &p.end_time, &p.location, &p.format,
                    &p.series, &p.kind, &p.source_url, &p.source_text, &p.organisation, &p.profession, &p.joined})
        scrub(*s);
    for (auto* list : {&p.tags, &p.practices, &p.expected_results, &p.audiences, &p.agenda, &p.decisions,
                       &p.parking_lot, &p.went_well, &p.to_improve, &p.highlights, &p.person_roles, &p.expertise})
        scrub(*list);
    for (auto* refs : {&p.domains, &p.authors, &p.conveners, &p.attendees, &p.apologies, &p.related, &p.contributors})
        scrub(*refs);
    scrub(p.parent);
    for (auto& q : p.learning_agenda) {
        scrub(q.question);
        scrub(q.answered_in);
    }
    for (auto& r : p.roles) scrub(r.people);
    for (auto& a : p.actions) {
        scrub(a.action);
        scrub(a.owner);
    }
    scrub(p.params);
}

}  // namespace cp::audience
