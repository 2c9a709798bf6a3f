#include "minutes/vocabulary.hpp"

#include <algorithm>

namespace cp::minutes {

namespace {

// The English words, as working groups, steering councils and committees write them.
const std::map<std::string, std::vector<std::string>>& english() {
    static const std::map<std::string, std::vector<std::string>> words = {
        {"attendees",
         {"present", "attendees", "attendance", "attending", "in attendance", "participants", "members present",
          "council members", "committee members", "who's here"}},
        {"apologies",
         {"apologies", "apologies received", "regrets", "absent", "not present", "unable to attend", "excused"}},
        {"decisions", {"decisions", "decision", "decisions made", "resolutions", "resolution", "resolved", "agreed"}},
        {"actions",
         {"actions", "action", "action items", "action item", "action points", "next steps", "to do", "todo",
          "follow ups"}},
        {"convener", {"convener", "conveners", "convenor", "convenors"}},
        {"facilitator", {"facilitator", "facilitators", "chair", "chairs", "co chair", "co chairs", "chairperson"}},
        {"moderator", {"moderator", "moderators"}},
        {"note_taker",
         {"note taker", "note takers", "notetaker", "notetakers", "scribe", "scribes", "minute taker", "minutes taker",
          "minutes by", "notes by", "recorder"}},
    };
    return words;
}

// Lower-cased (ASCII: other scripts are compared as written), '-' and '_' as spaces, runs of
// spaces as one, and the decorations headings carry dropped: "3. Action items (2):" -> "action items".
std::string normalise(std::string_view text) {
    std::string out;
    for (char c : text) {
        char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (l == '-' || l == '_' || l == '\t' || l == '*') l = ' ';
        if (l == ' ' && (out.empty() || out.back() == ' ')) continue;
        out += l;
    }
    auto trim_end = [&out] {
        while (!out.empty() && (out.back() == ' ' || out.back() == ':' || out.back() == '.')) out.pop_back();
    };
    trim_end();
    if (!out.empty() && out.back() == ')')
        if (auto open = out.rfind('('); open != std::string::npos) out.erase(open);
    trim_end();
    std::size_t start = 0;  // "3." or "3)" or "a)" numbering
    while (start < out.size() && std::isdigit(static_cast<unsigned char>(out[start]))) ++start;
    if (start < out.size() && start > 0 && (out[start] == '.' || out[start] == ')')) out.erase(0, start + 1);
    while (!out.empty() && out.front() == ' ') out.erase(0, 1);
    return out;
}

}  // namespace

const std::vector<std::string>& fields() {
    static const std::vector<std::string> all = {
        "attendees", "apologies", "decisions", "actions",
        // The contract's meeting roles (docs/content-model.md, "meeting").
        "convener", "facilitator", "moderator", "note_taker", "agenda_activist", "community_keeper", "critical_friend",
        "social_reporter", "external_messenger", "value_detective", "organizational_broker"};
    return all;
}

bool is_role(std::string_view field) {
    const auto& all = fields();
    return std::find(all.begin() + 4, all.end(), field) != all.end();
}

Vocabulary::Vocabulary(const std::map<std::string, std::vector<std::string>>& extra) {
    const auto& known = fields();
    for (const auto* words : {&english(), &extra})
        for (const auto& [field, list] : *words) {
            if (std::find(known.begin(), known.end(), field) == known.end()) continue;
            // A word the config gives for another field takes it over: the memory's own words win.
            for (const auto& w : list)
                if (auto key = normalise(w); !key.empty()) field_by_word_[key] = field;
        }
}

std::string Vocabulary::field_of(std::string_view words) const {
    if (words.size() > 80) return {};
    auto it = field_by_word_.find(normalise(words));
    return it == field_by_word_.end() ? std::string{} : it->second;
}

}  // namespace cp::minutes
