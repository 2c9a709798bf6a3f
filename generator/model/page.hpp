#pragma once
// One page of the memory, with every field of the contract (section 2) parsed
// into plain values. Fields that do not apply to a page's type stay empty.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cp::model {

enum class PageType { Domain, Meeting, Note, Person, Page };
enum class Visibility { Public, Community };

// The folder a type lives in ("meetings") and its singular name ("meeting").
std::string_view type_folder(PageType type);
std::string_view type_name(PageType type);
// Parses "meeting" or "meetings" (and "page"/"pages"); nothing for anything else.
std::optional<PageType> parse_type(std::string_view text);

// A reference written in front matter: a slug that may name a page, or a free name.
// `url` and `label` are filled in once links are resolved (after the audience filter):
// an empty url means plain text.
struct Ref {
    std::string text;
    int line = 0, column = 0;  // where it was written, for messages
    std::string url;           // site-absolute URL of the page it names, or empty
    std::string label;         // what to show: the page's title, else the text
    bool from_prose = false;   // a name read from the minutes' text (model/minutes.hpp), not a slug written as one
};

struct Action {
    std::string action;
    Ref owner;
    std::string due;  // YYYY-MM-DD or empty
    bool done = false;
    int line = 0;
};

struct LearningQuestion {
    std::string question;
    std::string status = "open";  // open | answered
    Ref answered_in;              // a page slug, when answered
};

struct PhaseChange {
    std::string phase;
    std::string since;  // YYYY-MM-DD
};

struct Role {
    std::string role;
    std::vector<Ref> people;
};

struct Page {
    // Where it comes from and where it goes.
    PageType type = PageType::Page;
    std::string source_path;  // relative to the memory root
    std::string slug;
    std::string url;  // site-absolute, "/notes/slug/"; "/" for the home page

    // Common fields.
    std::string title;
    bool title_from_front_matter = false;
    std::string date;  // YYYY-MM-DD or RFC 3339, or empty
    std::string summary;
    // The language the content is written in (`language: pt-BR`), when it is not the site's; empty otherwise.
    std::string language;
    std::vector<std::string> tags;
    std::vector<Ref> domains;
    std::vector<Ref> authors;
    Visibility visibility = Visibility::Community;
    bool draft = false;
    std::vector<std::string> aliases;
    std::vector<std::pair<int, int>> alias_positions;  // file line and column of each alias, for messages
    nlohmann::json params = nlohmann::json::object();  // unknown fields, for templates

    // Domain.
    std::vector<Ref> conveners;
    std::string phase;
    std::vector<PhaseChange> phases;
    std::string started;
    std::vector<std::string> practices;
    std::vector<LearningQuestion> learning_agenda;
    std::vector<std::string> expected_results;
    std::vector<std::string> audiences;
    Ref parent;

    // Meeting.
    std::string time, end_time, location, format, series;
    std::vector<Ref> attendees, apologies;
    std::vector<Role> roles;
    std::vector<std::string> agenda, decisions;
    std::vector<Action> actions;
    std::vector<std::string> parking_lot;
    std::vector<std::string> went_well, to_improve;
    std::vector<std::string> highlights;
    std::vector<std::string> from_minutes;  // the fields read from the minutes' own sections (model/minutes.hpp)

    // Note.
    std::string kind;  // empty for non-notes; "note" by default for notes
    std::vector<Ref> related;
    std::string source_url;   // allowed by the URL policy: written as a link
    std::string source_text;  // a source the URL policy refused: shown as text only
    // A value story's cycles of the value-creation framework (immediate ... transformative),
    // in the framework's order, and the indicators the community recorded for it.
    std::vector<std::string> value_cycles;
    std::vector<std::string> indicators;

    // Person.
    std::vector<std::string> person_roles;
    std::string organisation, profession;
    std::vector<std::string> expertise;
    std::string joined;
    std::vector<std::string> git_identities;  // never written to output

    // History (from git), empty when unknown.
    std::string created, updated;
    std::vector<Ref> contributors;
    bool history_incomplete = false;

    // The Markdown body and where it starts in the file.
    std::string body;
    int body_first_line = 1;
    bool lfs_pointer = false;  // the file is a Git LFS pointer: shown as such, not as text

    // The date came from the folders above the file (2019/03/14.md), not its name or front
    // matter: the name's other words, for its slug ("2019-03-14-sync").
    bool dated_by_folders = false;
    std::string path_date_rest;
};

// The date part (YYYY-MM-DD) of a date or date-time, or empty.
std::string day_of(const std::string& date);

}  // namespace cp::model
