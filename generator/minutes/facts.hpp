#pragma once
// The facts of a meeting read from its minutes' own sections, for minutes with no front matter:
// who came (`## Present`, `Attendance: A, B and C`), who sent apologies, who held a role
// (`Scribe: X`), what was decided (`## Decisions`) and what is to be done (task lists anywhere,
// `## Action items`). Read from the parsed Markdown (cmark-gfm), never from the raw text, so code
// blocks and quoted HTML are never taken for minutes. Each fact keeps where it was written.
#include <string>
#include <string_view>
#include <vector>

#include "minutes/names.hpp"
#include "minutes/vocabulary.hpp"

namespace cp::minutes {

// A name as written, with where: lines and columns are the file's (1-based).
struct Mention {
    std::string name;    // may be empty when only a handle was written
    std::string handle;  // "ada" for "@ada", or empty
    int line = 0, column = 0;
};

struct RoleHeld {
    std::string role;  // a contract role: "facilitator", "note_taker"...
    std::vector<Mention> people;
};

struct Decision {
    std::string text;
    int line = 0, column = 0;
};

struct ActionItem {
    std::string text;  // as written, the check box taken off
    Mention owner;     // from its first words ("@ada", "Ada to ..."), or empty: see names.hpp
    std::string due;   // YYYY-MM-DD, or empty
    bool done = false;
    int line = 0, column = 0;
};

// Something written as a section of minutes that could not be read as one.
struct Problem {
    int line = 0, column = 0;
    std::string message;
};

struct Facts {
    std::vector<Mention> attendees, apologies;
    std::vector<RoleHeld> roles;  // in the order first written
    std::vector<Decision> decisions;
    std::vector<ActionItem> actions;
    std::vector<Problem> problems;
};

// Reads `body` (Markdown whose first line is line `first_line` of its file). Never fails: text that
// is not minutes gives no facts. See docs/content-model.md, "Facts from the minutes".
Facts read_facts(std::string_view body, int first_line, const Vocabulary& words);

}  // namespace cp::minutes
