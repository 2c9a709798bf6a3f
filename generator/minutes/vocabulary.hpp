#pragma once
// The words minutes use for their sections and labels ("## Present", "Regrets:", "Scribe:"),
// mapped to the meeting fields they fill. English by default; commonplace.yaml's
// `minutes_headings` adds other layouts' and languages' words.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cp::minutes {

// The fields minutes' words can fill: attendees, apologies, decisions, actions, then the
// contract's meeting roles (convener, facilitator, note_taker...).
const std::vector<std::string>& fields();

// True for a field that is a meeting role ("facilitator"), not a list of its own.
bool is_role(std::string_view field);

class Vocabulary {
public:
    // The English words, plus `extra` (field -> more words), as `minutes_headings` gives them.
    // Words for a field that is not one of fields() are ignored (the config warns about them).
    explicit Vocabulary(const std::map<std::string, std::vector<std::string>>& extra = {});

    // The field a heading or a label names ("Present", "Note-taker:", "3. Action items (2)"),
    // or empty when it names none. Case, hyphens, a trailing colon, a leading number and a
    // trailing parenthesis do not count.
    std::string field_of(std::string_view words) const;

private:
    std::unordered_map<std::string, std::string> field_by_word_;  // normalised word -> field
};

}  // namespace cp::minutes
