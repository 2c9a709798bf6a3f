// Meeting facts from the minutes' own sections (minutes/, model/minutes.hpp): who came, apologies,
// roles, decisions and actions read from minutes with no front matter, as working groups,
// steering councils and committees write them; then whole sites built from such minutes.
#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "minutes/facts.hpp"
#include "minutes/names.hpp"
#include "model/minutes.hpp"
#include "site_fixture.hpp"

using namespace cp;
using minutes::Facts;
using minutes::Vocabulary;

namespace {

std::vector<std::string> names(const std::vector<minutes::Mention>& mentions) {
    std::vector<std::string> out;
    for (const auto& m : mentions) out.push_back(m.name + (m.handle.empty() ? "" : " @" + m.handle));
    return out;
}

std::vector<std::string> texts(const std::vector<minutes::Decision>& decisions) {
    std::vector<std::string> out;
    for (const auto& d : decisions) out.push_back(d.text);
    return out;
}

// "text | owner @handle | due | done" for each action.
std::vector<std::string> actions(const std::vector<minutes::ActionItem>& items) {
    std::vector<std::string> out;
    for (const auto& a : items)
        out.push_back(a.text + " | " + a.owner.name + (a.owner.handle.empty() ? "" : "@" + a.owner.handle) + " | " +
                      a.due + " | " + (a.done ? "done" : "open"));
    return out;
}

std::vector<std::string> roles(const Facts& f) {
    std::vector<std::string> out;
    for (const auto& r : f.roles)
        for (const auto& p : r.people)
            out.push_back(r.role + ": " + p.name + (p.handle.empty() ? "" : " @" + p.handle));
    return out;
}

const Vocabulary english;

// A working group's minutes, as kept in a GitHub repository: no front matter.
const char* kWorkingGroup = R"(# Docs working group, 14 March 2019

## Present
* Ada Lovelace @ada (voting member)
* Grace Hopper, Navy Labs
* @linus
* Tim Berners-Lee <tim@example.org> (guest)

## Apologies
* Alan Turing

Facilitator: Ada Lovelace
Note taker: @linus

## Agenda
1. Charter review
   - Ada to draft the charter is what we said last time

```
Present: Nobody In Code
- [ ] not an action either
```

## Decisions
- Adopt the charter draft as the working text
- Meet every second Thursday

## Action items
- [ ] Ada to draft the charter by 2019-04-01
- [x] @linus circulate the notes
- Grace to book the room
)";

}  // namespace

TEST_CASE("a working group's minutes: a Present list with handles, roles, decisions, task-list actions", "[minutes]") {
    Facts f = minutes::read_facts(kWorkingGroup, 1, english);
    CHECK(names(f.attendees) ==
          std::vector<std::string>{"Ada Lovelace @ada", "Grace Hopper", " @linus", "Tim Berners-Lee"});
    CHECK(names(f.apologies) == std::vector<std::string>{"Alan Turing"});
    CHECK(roles(f) == std::vector<std::string>{"facilitator: Ada Lovelace", "note_taker:  @linus"});
    CHECK(texts(f.decisions) ==
          std::vector<std::string>{"Adopt the charter draft as the working text", "Meet every second Thursday"});
    CHECK(actions(f.actions) ==
          std::vector<std::string>{
              "Ada to draft the charter by 2019-04-01 | Ada | 2019-04-01 | open",
              "@linus circulate the notes | @linus |  | done",
              "Grace to book the room | Grace |  | open",
          });
    CHECK(f.problems.empty());
    // Where each was written, in the file: the body starts on line 1 here.
    REQUIRE(f.attendees.size() == 4);
    CHECK(f.attendees[0].line == 4);
    CHECK(f.attendees[0].column == 3);
    CHECK(f.attendees[1].line == 5);
    CHECK(f.actions[0].line == 29);
    CHECK(f.actions[0].column == 7);
    CHECK(f.decisions[1].line == 26);
    // A body after front matter: its lines are counted in the whole file.
    Facts later = minutes::read_facts(kWorkingGroup, 6, english);
    CHECK(later.attendees[0].line == 9);
}

TEST_CASE("a steering council's minutes: 'Council members: A, B, C' and a task list under another heading",
          "[minutes]") {
    Facts f = minutes::read_facts(R"(# Steering Council meeting 2019-05-02

Council members: Barry Warsaw, Brett Cannon, Carol Willing, Guido van Rossum, and Nick Coghlan
Regrets: none

## Minutes

- Discussed the governance PEP with the core developers
  - [ ] Brett to follow up with the core devs by 2019-05-16
- Carol gave an update on the PSF grant
)",
                                  1, english);
    CHECK(
        names(f.attendees) ==
        std::vector<std::string>{"Barry Warsaw", "Brett Cannon", "Carol Willing", "Guido van Rossum", "Nick Coghlan"});
    CHECK(f.apologies.empty());  // "none" is nobody
    CHECK(actions(f.actions) ==
          std::vector<std::string>{"Brett to follow up with the core devs by 2019-05-16 | Brett | 2019-05-16 | open"});
    CHECK(f.attendees[2].line == 3);
    CHECK(f.attendees[2].column == 46);
}

TEST_CASE("a committee's minutes: an 'Attendance:' line, Chair and Scribe, RESOLVED and ACTION lines", "[minutes]") {
    Facts f = minutes::read_facts(R"(Technical committee, 2020-01-09

Attendance: Ana Silva, Ben Okoro (ACME, Inc.) and Chen Wei
Chair: Ben Okoro
Scribe: Chen Wei
Absent: Dana Scully; Eve Moneypenny

1. Budget

RESOLVED: the budget for 2020 is approved as presented

ACTION: Ana Silva to send the budget to the board (due 2020-01-31)
)",
                                  1, english);
    CHECK(names(f.attendees) == std::vector<std::string>{"Ana Silva", "Ben Okoro", "Chen Wei"});
    CHECK(names(f.apologies) == std::vector<std::string>{"Dana Scully", "Eve Moneypenny"});
    CHECK(roles(f) == std::vector<std::string>{"facilitator: Ben Okoro", "note_taker: Chen Wei"});
    CHECK(texts(f.decisions) == std::vector<std::string>{"the budget for 2020 is approved as presented"});
    CHECK(actions(f.actions) ==
          std::vector<std::string>{
              "Ana Silva to send the budget to the board (due 2020-01-31) | Ana Silva | 2020-01-31 | open"});
}

TEST_CASE("bold labels, a label over a list, an attendance check list and W3C-style nicks", "[minutes]") {
    Facts bold = minutes::read_facts(R"(**Present:** Ada Lovelace, Grace Hopper

**Apologies**:
- Alan Turing
- Ada Lovelace
)",
                                     1, english);
    CHECK(names(bold.attendees) == std::vector<std::string>{"Ada Lovelace", "Grace Hopper"});
    CHECK(names(bold.apologies) == std::vector<std::string>{"Alan Turing", "Ada Lovelace"});

    Facts checklist = minutes::read_facts(R"(### Attendees:
- [x] Ada Lovelace
- [ ] Grace Hopper
- [X] Linus
- Guests: Tim Berners-Lee, Vint Cerf
- Chair: Ada Lovelace

### Notes
- [ ] Linus to publish the notes
)",
                                          1, english);
    CHECK(names(checklist.attendees) ==
          std::vector<std::string>{"Ada Lovelace", "Linus", "Tim Berners-Lee", "Vint Cerf"});
    CHECK(roles(checklist) == std::vector<std::string>{"facilitator: Ada Lovelace"});
    CHECK(actions(checklist.actions) == std::vector<std::string>{"Linus to publish the notes | Linus |  | open"});

    Facts w3c = minutes::read_facts(R"(# Web Apps WG teleconference

Present: ada, grace, linus
Regrets: alan
Chair: ada
Scribe: grace

## Topic: charter
)",
                                    1, english);
    CHECK(names(w3c.attendees) == std::vector<std::string>{"ada", "grace", "linus"});
    CHECK(roles(w3c) == std::vector<std::string>{"facilitator: ada", "note_taker: grace"});
}

TEST_CASE("a section runs to the next heading of its level; deeper headings stay in it", "[minutes]") {
    Facts f = minutes::read_facts(R"(## Attendees
### Members
- Ada Lovelace
### Guests
- Vint Cerf
## Discussion
- Ada Lovelace opened the meeting
## Resolutions
1. The charter is adopted.
2. Elections are held in June.
3. [x] Ada to announce the elections
)",
                                  1, english);
    CHECK(names(f.attendees) == std::vector<std::string>{"Ada Lovelace", "Vint Cerf"});
    CHECK(texts(f.decisions) == std::vector<std::string>{"The charter is adopted.", "Elections are held in June."});
    CHECK(actions(f.actions) == std::vector<std::string>{"Ada to announce the elections | Ada |  | done"});
}

TEST_CASE("a table of attendees is reported where it is, not read as names", "[minutes]") {
    Facts f =
        minutes::read_facts("Intro.\n\n## Attendance\n\n| Name | Org |\n| --- | --- |\n| Ada | X |\n", 10, english);
    CHECK(f.attendees.empty());
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems[0].line == 14);
    CHECK(f.problems[0].column == 1);
    CHECK(f.problems[0].message ==
          "a table of attendees is not read: write them as a list, or as a line like 'Present: A, B'");
}

TEST_CASE("another language's minutes through minutes_headings", "[minutes]") {
    diag::Sink sink;
    auto config = config::parse_config(R"(minutes_headings:
  attendees: [Asistentes]
  apologies: [Excusas]
  decisions: [Acuerdos]
  actions: [Tareas]
  moderator: [Modera]
  atendees: [Presentes]
)",
                                       "commonplace.yaml", sink);
    auto d = sink.sorted();
    REQUIRE(d.size() == 1);
    CHECK(d[0].line == 7);
    CHECK(d[0].message == "minutes_headings: 'atendees' is not a field minutes fill: did you mean attendees?");
    Vocabulary spanish(config.minutes_headings);
    Facts f = minutes::read_facts(R"(# Reunión del grupo de trabajo

## Asistentes
- Ana García
- Luis Pérez (secretario)

Excusas: Marta Ruiz y Pedro Gómez
Modera: Luis Pérez

## Acuerdos
- Aprobar el presupuesto

## Tareas
- [ ] Enviar el acta antes del 2024-02-01
- [x] Reservar la sala
)",
                                  1, spanish);
    CHECK(names(f.attendees) == std::vector<std::string>{"Ana García", "Luis Pérez"});
    CHECK(names(f.apologies) == std::vector<std::string>{"Marta Ruiz", "Pedro Gómez"});
    CHECK(roles(f) == std::vector<std::string>{"moderator: Luis Pérez"});
    CHECK(texts(f.decisions) == std::vector<std::string>{"Aprobar el presupuesto"});
    CHECK(
        actions(f.actions) ==
        std::vector<std::string>{"Enviar el acta antes del 2024-02-01 |  |  | open", "Reservar la sala |  |  | done"});
    // The English words still count.
    CHECK(names(minutes::read_facts("Present: Ada", 1, spanish).attendees) == std::vector<std::string>{"Ada"});
}

TEST_CASE("names as minutes write them", "[minutes]") {
    auto line = [](std::string_view text) {
        std::vector<std::string> out;
        for (const auto& n : minutes::names_in_line(text))
            out.push_back(n.name + "|" + n.handle + "|" + std::to_string(n.at));
        return out;
    };
    CHECK(line("Ada Lovelace (ACME, Inc), @grace and Linus") ==
          std::vector<std::string>{"Ada Lovelace||0", "|grace|26", "Linus||37"});
    CHECK(line("ada@example.org, Bob") == std::vector<std::string>{"Bob||17"});  // an address is never a name
    CHECK(line("N/A").empty());
    CHECK(line("everyone who came to the last meeting and then some more").empty());
    CHECK(minutes::name_of_item("Ada Lovelace @ada (voting member)")->name == "Ada Lovelace");
    CHECK(minutes::name_of_item("Ada Lovelace @ada (voting member)")->handle == "ada");
    CHECK(minutes::name_of_item("Grace Hopper - Navy Labs")->name == "Grace Hopper");
    CHECK(minutes::name_of_item("Linus, [guest]")->name == "Linus");
    CHECK_FALSE(minutes::name_of_item("TBD"));

    CHECK(minutes::due_date_in("send it by 2019-04-01") == "2019-04-01");
    CHECK(minutes::due_date_in("(due: 2019-04-01)") == "2019-04-01");
    CHECK(minutes::due_date_in("as discussed on 2019-13-01") == "");
    CHECK(minutes::due_date_in("send it by 2019-02-30") == "");  // no such day, as in front matter
    CHECK(minutes::due_date_in("see the 2019-04-01 minutes") == "");

    CHECK(minutes::owner_in("Ada to draft the charter")->name == "Ada");
    CHECK(minutes::owner_in("Ada Lovelace and Grace to review")->name == "Ada Lovelace");
    CHECK(minutes::owner_in("@ada: draft the charter")->handle == "ada");
    CHECK_FALSE(minutes::owner_in("Need to find a room"));
    CHECK_FALSE(minutes::owner_in("Everyone to read the draft"));
    CHECK_FALSE(minutes::owner_in("draft the charter, to be shared"));
}

namespace {

using cp::testing::read_file;

// A memory as a group keeps it before Commonplace: minutes with no front matter (but one), and
// two members with profiles. Dates come from the file names.
std::map<std::string, std::string> minutes_memory() {
    return {
        {"commonplace.yaml", "title: Docs WG\ndefault_visibility: public\n"},
        {"people/ada-lovelace.md", "---\ntitle: Ada Lovelace\ngithub: ada\n---\nMathematician.\n"},
        {"people/grace-hopper.md", "---\ntitle: Grace Hopper\n---\nRear admiral.\n"},
        {"meetings/2019-03-14-docs-wg.md", kWorkingGroup},
        {"meetings/2019-05-02-council.md",
         "# Steering council\n\nCouncil members: Ada Lovelace, Grace Hopper and Linus\n\n## Notes\n\nWe met.\n"},
        {"meetings/2019-06-20-committee.md",
         "Committee, June\n\nAttendance: Ada, Tim Berners-Lee and Vint Cerf\n\n:::community\nApologies: Secret Person\n:::\n"},
        {"meetings/2019-07-11-planning.md",
         "---\nattendees: [grace-hopper]\nroles: {facilitator: grace-hopper}\n---\n# Planning\n\n## Present\n- Ada Lovelace\n\n"
         "Note taker: Ada Lovelace\n\n## Decisions\n- Plan the autumn\n\n- [ ] Ada to write the plan\n"},
        {"meetings/2019-09-05-telecon.md", "# Telecon\n\nPresent: ada, bob\n"},
    };
}

// The text of `html` from `start` to the first `end` after it (both included), or empty.
std::string between(const std::string& html, const std::string& start, const std::string& end) {
    auto a = html.find(start);
    if (a == std::string::npos) return {};
    auto b = html.find(end, a);
    return b == std::string::npos ? std::string{} : html.substr(a, b + end.size() - a);
}

}  // namespace

TEST_CASE("a site of minutes with no front matter: who came, roles, actions, people and measures", "[minutes][site]") {
    cp::testing::TempFolder tmp;
    cp::testing::write_files(tmp / "memory", minutes_memory());
    auto run = cp::testing::check_site(cp::testing::options_for(tmp / "memory", tmp / "unused"));
    CHECK(run.status == 0);  // free names ("bob", "@linus") are no unknown slugs
    run = cp::testing::build_site(cp::testing::options_for(tmp / "memory", tmp / "site"));
    REQUIRE(run.status == 0);

    std::string wg = read_file(tmp / "site/meetings/2019-03-14-docs-wg/index.html");
    CHECK(
        between(wg, "<h2>Attendees", "</section>") ==
        "<h2>Attendees (4)</h2><ul class=\"people-list\"><li><a href=\"../../people/ada-lovelace/\">Ada Lovelace</a></li>"
        "<li><a href=\"../../people/grace-hopper/\">Grace Hopper</a></li><li>@linus</li><li>Tim Berners-Lee</li></ul></section>");
    CHECK(between(wg, "<h2>Apologies", "</section>") ==
          "<h2>Apologies</h2><ul class=\"people-list\"><li>Alan Turing</li></ul></section>");
    CHECK(
        between(wg, "<h2>Decisions", "</section>") ==
        "<h2>Decisions</h2><ul><li>Adopt the charter draft as the working text</li><li>Meet every second Thursday</li></ul></section>");

    // Front matter wins: its attendees and its facilitator; the minutes add the note taker and the rest.
    std::string planning = read_file(tmp / "site/meetings/2019-07-11-planning/index.html");
    CHECK(between(planning, "<h2>Decisions", "</section>") ==
          "<h2>Decisions</h2><ul><li>Plan the autumn</li></ul></section>");
    CHECK(
        between(planning, "<h2>Attendees", "</section>") ==
        "<h2>Attendees (1)</h2><ul class=\"people-list\"><li><a href=\"../../people/grace-hopper/\">Grace Hopper</a></li></ul></section>");
    CHECK(planning.find("<dt>Facilitator</dt><dd><a href=\"../../people/grace-hopper/\">Grace Hopper</a>\n</dd>") !=
          std::string::npos);
    CHECK(planning.find("<dt>Note taker</dt><dd><a href=\"../../people/ada-lovelace/\">Ada Lovelace</a>\n</dd>") !=
          std::string::npos);

    // The person pages list the meetings each came to (or held a role at).
    std::string ada = read_file(tmp / "site/people/ada-lovelace/index.html");
    std::string ada_meetings = between(ada, "<h2>Meetings attended</h2>", "</section>");
    CHECK(cp::testing::links_in(ada_meetings) ==
          std::vector<std::string>{"../../meetings/2019-09-05-telecon/", "../../meetings/2019-07-11-planning/",
                                   "../../meetings/2019-06-20-committee/", "../../meetings/2019-05-02-council/",
                                   "../../meetings/2019-03-14-docs-wg/"});
    std::string grace = read_file(tmp / "site/people/grace-hopper/index.html");
    CHECK(cp::testing::links_in(between(grace, "<h2>Meetings attended</h2>", "</section>")) ==
          std::vector<std::string>{"../../meetings/2019-07-11-planning/", "../../meetings/2019-05-02-council/",
                                   "../../meetings/2019-03-14-docs-wg/"});
    // The people index lists everyone who came, profile or not.
    std::string people = read_file(tmp / "site/people/index.html");
    CHECK(
        between(people, "<h2 id=\"also-at-meetings\">", "</section>") ==
        "<h2 id=\"also-at-meetings\">Also at meetings</h2><p class=\"muted\">People the minutes name who have no profile "
        "here yet, and how many meetings each came to.</p><ul class=\"item-list\"><li>@linus <span class=\"muted\">· 1 "
        "meeting</span></li><li>bob <span class=\"muted\">· 1 meeting</span></li><li>Linus <span class=\"muted\">· 1 "
        "meeting</span></li><li>Tim Berners-Lee <span class=\"muted\">· 2 meetings</span></li><li>Vint Cerf <span "
        "class=\"muted\">· 1 meeting</span></li></ul></section>");

    // /actions/: open ones by owner, the done one under Done.
    std::string actions = read_file(tmp / "site/actions/index.html");
    std::string by_owner = between(actions, "<section id=\"by-owner\">", "<section id=\"by-due-date\">");
    CHECK(by_owner.find("<h3 id=\"owner-ada-lovelace\">Ada Lovelace <span class=\"count\">2</span></h3>") !=
          std::string::npos);
    CHECK(
        by_owner.find(
            "Ada to draft the charter by 2019-04-01 <span class=\"muted\">· <a href=\"../people/ada-lovelace/\">Ada Lovelace</a> · due <time datetime=\"2019-04-01\">") !=
        std::string::npos);
    CHECK(
        by_owner.find(
            "Ada to write the plan <span class=\"muted\">· <a href=\"../people/ada-lovelace/\">Ada Lovelace</a> · agreed at") !=
        std::string::npos);
    CHECK(
        by_owner.find(
            "Grace to book the room <span class=\"muted\">· <a href=\"../people/grace-hopper/\">Grace Hopper</a> · agreed at") !=
        std::string::npos);
    std::string done = between(actions, "<section id=\"done\">", "</section>");
    CHECK(done.find("<span class=\"count\">1</span>") != std::string::npos);
    CHECK(done.find("@linus circulate the notes <span class=\"muted\">· @linus · agreed at") != std::string::npos);

    // Stats: meetings and attendance per quarter, exactly.
    std::string stats = read_file(tmp / "site/stats/index.html");
    CHECK(
        between(stats, "<caption>Meetings per quarter</caption>", "</table>") ==
        "<caption>Meetings per quarter</caption><thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\">Meetings</th>"
        "</tr></thead><tbody><tr><th scope=\"row\">2019 Q1</th><td>1</td></tr><tr><th scope=\"row\">2019 Q2</th><td>2</td>"
        "</tr><tr><th scope=\"row\">2019 Q3</th><td>2</td></tr></tbody></table>");
    CHECK(
        between(stats, "<caption>Attendees per quarter</caption>", "</table>") ==
        "<caption>Attendees per quarter</caption><thead><tr><th scope=\"col\">Quarter</th><th scope=\"col\">Total</th>"
        "<th scope=\"col\">Distinct</th></tr></thead><tbody><tr><th scope=\"row\">2019 Q1</th><td>4</td><td>4</td></tr>"
        "<tr><th scope=\"row\">2019 Q2</th><td>6</td><td>5</td></tr><tr><th scope=\"row\">2019 Q3</th><td>3</td><td>3</td>"
        "</tr></tbody></table>");
}

TEST_CASE("minutes inside a community-only block stay out of the public build", "[minutes][site]") {
    cp::testing::TempFolder tmp;
    auto memory = minutes_memory();
    // The working group's minutes list a guest's e-mail address: the public build hides it.
    memory["commonplace.yaml"] = "title: Docs WG\ndefault_visibility: public\npersonal_data: redact\n";
    cp::testing::write_files(tmp / "memory", memory);
    REQUIRE(cp::testing::build_site(cp::testing::options_for(tmp / "memory", tmp / "community")).status == 0);
    auto options = cp::testing::options_for(tmp / "memory", tmp / "public");
    options.audience = audience::Audience::Public;
    auto public_run = cp::testing::build_site(options);
    INFO(public_run.messages);
    REQUIRE(public_run.status == 0);
    std::string community = read_file(tmp / "community/meetings/2019-06-20-committee/index.html");
    CHECK(between(community, "<h2>Apologies", "</section>") ==
          "<h2>Apologies</h2><ul class=\"people-list\"><li>Secret Person</li></ul></section>");
    std::string open = read_file(tmp / "public/meetings/2019-06-20-committee/index.html");
    CHECK(open.find("<h2>Apologies") == std::string::npos);
    CHECK(open.find("Secret") == std::string::npos);
    CHECK(between(open, "<h2>Attendees", "</h2>") == "<h2>Attendees (3)</h2>");  // the rest is read again, as before
    for (const auto& [path, text] : cp::testing::read_tree(tmp / "public")) {
        CHECK(text.find("Secret Person") == std::string::npos);
        CHECK(text.find("tim@example.org") == std::string::npos);
    }
}
