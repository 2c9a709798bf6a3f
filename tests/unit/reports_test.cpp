// The reports the community sends out (issue #17): /feedback/ and the carried-forward
// feedback on meeting pages, /digest/ (quarters, months, e-mail), /value/, /export/ and
// /print/, each asserted on a small memory written here; the `value:` field's diagnostics.
#include <catch2/catch.hpp>

#include <functional>
#include <random>

#include <nlohmann/json.hpp>

#include "reports/json_text.hpp"
#include "reports/periods.hpp"
#include "reports/rebase.hpp"
#include "reports/words.hpp"
#include "test_support.hpp"

using namespace cp::testing;
using nlohmann::json;

namespace {

const MemoryFiles kMemory = {
    {"commonplace.yaml",
     "title: Ward memory\ndescription: A small memory for the reports.\n"
     "base_url: https://example.org/wm/\nlanguage: en-GB\nrights: CC BY 4.0\n"},
    {"domains/wards.md",
     "---\ntitle: Wards\nphase: coalescing\nphases:\n  - {phase: discovering, since: 2016-01-01}\n"
     "  - {phase: coalescing, since: 2016-04-20}\nconveners: [ada]\n---\nLife on the wards.\n"},
    {"domains/quiet.md", "---\ntitle: Quiet domain\n---\nNothing of value yet.\n"},
    {"people/ada.md", "---\nname: Ada Ward\norganisation: Northbridge\njoined: 2016-05-01\n---\nAda runs Ward 7.\n"},
    {"people/ben.md", "---\nname: Ben Night\njoined: 2016-01-10\n---\nBen works nights.\n"},
    {"meetings/2016-01-14-huddle-one.md",
     "---\ntitle: Huddle one\nseries: Huddle\ndomains: [wards]\nattendees: [ada, ben]\n"
     "decisions: [Try the card]\n"
     "actions:\n  - {action: Draft the card, owner: ada, due: 2016-02-01, done: true}\n"
     "feedback:\n  went_well: [Good tea]\n  to_improve: [The dial-in line kept dropping, Start on time]\n---\n"
     "The first huddle. See [[ward-story]].\n"},
    {"meetings/2016-04-14-huddle-two.md",
     "---\ntitle: Huddle two\nseries: Huddle\ndomains: [wards]\nattendees: [ada, ben, Carol Free]\n"
     "decisions: [Adopt the card]\nhighlights: [The card is adopted]\n"
     "actions:\n  - {action: Write it up, owner: ada, due: 2016-05-01, done: true}\n"
     "  - {action: Tell the board, owner: ben, due: 2016-07-01}\n"
     "feedback:\n  went_well: [We started on time]\n  to_improve: [the dial-in line KEPT dropping!]\n---\n"
     "The second huddle.\n"},
    {"meetings/2016-05-20-workshop.md",
     "---\ntitle: Big workshop\ndomains: [quiet]\nattendees: [ada]\nfeedback:\n  to_improve: [A bigger room]\n---\n"
     "A workshop.\n"},
    {"meetings/2016-08-10-huddle-three.md",
     "---\ntitle: Huddle three\nseries: Huddle\ndomains: [wards]\nattendees: [ben]\n---\nNo feedback taken.\n"},
    {"notes/ward-story.md",
     "---\ntitle: Ward story\nkind: value-story\ndate: 2016-05-02\nauthors: [ada]\ndomains: [wards]\n"
     "value: [realised, applied]\nindicators: [Late observations fell from 26% to 8%]\n---\n"
     "What changed on Ward 7. See [the lesson](lesson.md).\n\n![The ward board](ward-board.png)\n"},
    // A picture beside its note, not under assets/ (as imported repositories keep them).
    {"notes/ward-board.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x08\x08\x02\0\0\0", 29)},
    {"notes/unplaced-story.md",
     "---\ntitle: Unplaced story\nkind: value-story\ndate: 2016-06-03\ndomains: [wards]\n---\nNo cycle yet.\n"},
    {"notes/lesson.md",
     "---\ntitle: A lesson\nkind: lesson\ndate: 2016-06-01\nauthors: [ben]\n---\nA lesson learned.\n"},
};

struct Site {
    TempMemory memory{kMemory};
    BuildRun run = run_build(memory);
    std::string page(const std::string& path) const { return read_file(memory.output() / path); }
    bool exists(const std::string& path) const { return fs::exists(memory.output() / path); }
};

const Site& site() {
    static Site s;
    INFO(s.run.messages);
    REQUIRE(s.run.status == 0);
    return s;
}

// The part of `html` from the heading with `text` to the end of its section.
std::string section(const std::string& html, const std::string& heading) {
    auto at = html.find(heading);
    if (at == std::string::npos) return {};
    auto end = html.find("</section>", at);
    return html.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

}  // namespace

TEST_CASE("the same words: content words, themes and shared words", "[reports]") {
    using cp::reports::content_words;
    using cp::reports::theme_key;
    CHECK(content_words("The dial-in line kept dropping!") ==
          std::vector<std::string>{"dial", "line", "kept", "dropp"});
    CHECK(theme_key("The dial-in line kept dropping") == theme_key("dropping: the line kept, DIAL-IN"));
    CHECK(theme_key("Microphones") == theme_key("microphone"));
    CHECK(theme_key("We need more time") == "");
    CHECK(theme_key("Start on time") != theme_key("A bigger room"));
    CHECK(cp::reports::share_a_word("Start on time", "We started on time"));
    CHECK_FALSE(cp::reports::share_a_word("Start on time", "Good tea"));
}

TEST_CASE("periods: quarters and months, their names and the period before", "[reports]") {
    using namespace cp::reports;
    CHECK(period_of(PeriodKind::Quarter, "2016-05-19") == "2016-q2");
    CHECK(period_of(PeriodKind::Month, "2016-05-19") == "2016-05");
    CHECK(period_of(PeriodKind::Quarter, "someday") == "");
    CHECK(previous_period(PeriodKind::Quarter, "2016-q1") == "2015-q4");
    CHECK(previous_period(PeriodKind::Month, "2016-01") == "2015-12");
    CHECK(previous_period(PeriodKind::Month, "2016-11") == "2016-10");
    CHECK(period_title(cp::testing::english_words(), PeriodKind::Quarter, "2016-q2") == "April to June 2016");
    CHECK(period_title(cp::testing::english_words(), PeriodKind::Month, "2016-05") == "May 2016");
    CHECK(period_short(cp::testing::english_words(), PeriodKind::Quarter, "2016-q2") == "2016 Q2");
    CHECK(period_short(cp::testing::english_words(), PeriodKind::Month, "2016-05") == "May 2016");
    CHECK(period_of(PeriodKind::Quarter, "2016-12-31T23:00:00Z") == "2016-q4");  // a date-time's day
    CHECK(previous_period(PeriodKind::Quarter, "2016-q3") == "2016-q2");
    CHECK(previous_period(PeriodKind::Month, "2016-q3") == "");  // not a month
}

TEST_CASE("links in a body moved elsewhere resolve to the site", "[reports]") {
    using cp::reports::site_target;
    CHECK(site_target("/meetings/m/", "../../notes/x/") == "/notes/x/");
    CHECK(site_target("/meetings/m/", "../../notes/x/#part") == "/notes/x/#part");
    CHECK(site_target("/meetings/m/", "#part") == "/meetings/m/#part");
    CHECK(site_target("/meetings/m/", "../../assets/a.png") == "/assets/a.png");
    CHECK(site_target("/", "notes/x/") == "/notes/x/");
    CHECK(site_target("/meetings/m/", "https://example.org/") == "");
    CHECK(site_target("/meetings/m/", "mailto:a@b") == "");
    std::string html =
        "<p><a href=\"../../notes/x/\">x</a> <a href=\"https://w.org/\">w</a> <img src=\"../../assets/a.png\"></p>";
    CHECK(cp::reports::rebase_links(html, "/meetings/m/", [](const std::string& t) { return "ABS" + t; }) ==
          "<p><a href=\"ABS/notes/x/\">x</a> <a href=\"https://w.org/\">w</a> <img src=\"ABS/assets/a.png\"></p>");
}

namespace {

// rebase_links as first written: the next ` href="` and ` src="` each looked for in turn.
std::string rebase_links_by_search(const std::string& html, const std::string& page_url,
                                   const std::function<std::string(const std::string&)>& to) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t at = std::min(html.find(" href=\"", pos), html.find(" src=\"", pos));
        if (at == std::string::npos) break;
        std::size_t value = html.find('"', at) + 1, end = html.find('"', value);
        if (end == std::string::npos) break;
        out.append(html, pos, value - pos);
        std::string link = html.substr(value, end - value), target = cp::reports::site_target(page_url, link);
        out += target.empty() ? link : to(target);
        pos = end;
    }
    return out.append(html, pos, std::string::npos);
}

}  // namespace

TEST_CASE("rebase_links finds the same attributes as a search for each, in pieces made to trip it", "[reports]") {
    // Attributes next to each other, inside values, unclosed, '=' without them, at both ends.
    const std::vector<std::string> pieces = {
        " href=\"", " src=\"", "=",   "\"",    " ",  "a",    "../x/",          "#p", "h",
        "ref",      "src",     " hr", "ef=\"", "sr", "c=\"", "https://w.org/", "<a"};
    std::mt19937 random(20261207);
    auto to = [](const std::string& t) { return "[" + t + "]"; };
    for (int round = 0; round < 20000; ++round) {
        std::string html;
        const int count = static_cast<int>(random() % 14);
        for (int i = 0; i < count; ++i) html += pieces[random() % pieces.size()];
        INFO(html);
        REQUIRE(cp::reports::rebase_links(html, "/meetings/m/", to) ==
                rebase_links_by_search(html, "/meetings/m/", to));
    }
}

namespace {

// A string of the bytes that JSON escaping turns on: quotes, backslashes, control characters,
// DEL, UTF-8 of every length, and sequences that are not UTF-8 (lone continuations, overlong,
// surrogates, past U+10FFFF, cut short).
std::string tricky_string(std::mt19937& random) {
    static const std::vector<std::string> pieces = {"a",
                                                    "word ",
                                                    "\"",
                                                    "\\",
                                                    "/",
                                                    "\n",
                                                    "\t",
                                                    "\r",
                                                    "\b",
                                                    "\f",
                                                    std::string(1, '\0'),
                                                    "\x01",
                                                    "\x1f",
                                                    "\x7f",
                                                    "\xc3\xa9",
                                                    "\xe2\x82\xac",
                                                    "\xf0\x9f\x98\x80",
                                                    "\xed\x9f\xbf",
                                                    "\xef\xbf\xbf",
                                                    "\xf4\x8f\xbf\xbf",
                                                    "\x80",
                                                    "\xc0\xaf",
                                                    "\xc1",
                                                    "\xe0\x80\x80",
                                                    "\xed\xa0\x80",
                                                    "\xf4\x90\x80\x80",
                                                    "\xf5",
                                                    "\xff",
                                                    "\xe2\x82",
                                                    "\xf0\x9f\x98",
                                                    "<p class=\"x\">"};
    std::string s;
    const int count = static_cast<int>(random() % 8);
    for (int i = 0; i < count; ++i) s += pieces[random() % pieces.size()];
    return s;
}

nlohmann::json tricky_json(std::mt19937& random, int depth) {
    switch (random() % (depth > 3 ? 7 : 9)) {
        case 0:
            return nullptr;
        case 1:
            return random() % 2 == 0;
        case 2:
            return static_cast<std::int64_t>(random()) - (1LL << 31);
        case 3:
            return static_cast<std::uint64_t>(random()) << 32 | random();
        case 4:
            return static_cast<double>(static_cast<int>(random() % 2000) - 1000) / 7.0;
        case 5:
        case 6:
            return tricky_string(random);
        case 7: {
            nlohmann::json array = nlohmann::json::array();
            for (int i = static_cast<int>(random() % 4); i > 0; --i) array.push_back(tricky_json(random, depth + 1));
            return array;
        }
        default: {
            nlohmann::json object = nlohmann::json::object();
            for (int i = static_cast<int>(random() % 4); i > 0; --i)
                object[tricky_string(random)] = tricky_json(random, depth + 1);
            return object;
        }
    }
}

}  // namespace

TEST_CASE("append_json writes nlohmann's own bytes, nested at any depth", "[reports]") {
    std::mt19937 random(7122026);
    for (int round = 0; round < 20000; ++round) {
        const nlohmann::json j = tricky_json(random, 0);
        const unsigned depth = random() % 4;
        // What nlohmann writes, each line after the first `depth` tabs further in.
        std::string expected;
        for (char c : j.dump(1, '\t', false, nlohmann::json::error_handler_t::replace)) {
            expected += c;
            if (c == '\n') expected.append(depth, '\t');
        }
        std::string written = "kept";
        cp::reports::append_json(written, j, depth);
        INFO(expected);
        REQUIRE(written == "kept" + expected);
    }
    // Past 512 levels nlohmann indents with spaces.
    nlohmann::json deep = 1;
    for (int i = 0; i < 520; ++i) deep = nlohmann::json::array({deep});
    std::string written;
    cp::reports::append_json(written, deep);
    CHECK(written == deep.dump(1, '\t'));
}

TEST_CASE("/feedback/: recurring themes once with their meetings, by series and by domain", "[reports]") {
    std::string html = site().page("feedback/index.html");
    CHECK(html.find("<p class=\"muted\">3 meetings with feedback</p>") != std::string::npos);
    std::string themes = section(html, "<h2>Recurring themes</h2>");
    // The same words in another case, with other punctuation: one theme, its two meetings newest first.
    CHECK(themes.find(
              "<span class=\"theme-list-label\">To improve</span> <strong>The dial-in line kept dropping</strong> "
              "<span class=\"count\">2 meetings</span>") != std::string::npos);
    auto two = themes.find("Huddle two"), one = themes.find("Huddle one");
    CHECK(two != std::string::npos);
    CHECK(one != std::string::npos);
    CHECK(two < one);
    CHECK(themes.find("“the dial-in line KEPT dropping!”") != std::string::npos);
    CHECK(themes.find("“The dial-in line kept dropping”") == std::string::npos);  // the theme as shown: not repeated
    // Said once: not a theme.
    CHECK(themes.find("Good tea") == std::string::npos);
    CHECK(themes.find("A bigger room") == std::string::npos);
    std::string series =
        html.substr(html.find("<h2>By series</h2>"), html.find("<h2>By domain</h2>") - html.find("<h2>By series</h2>"));
    CHECK(series.find("<h3 id=\"series-huddle\">Huddle <span class=\"count\">2</span></h3>") != std::string::npos);
    CHECK(series.find("<h3 id=\"series-none\">Not in a series <span class=\"count\">1</span></h3>") !=
          std::string::npos);
    CHECK(series.find("<li>Good tea</li>") != std::string::npos);
    CHECK(series.find("<li>The dial-in line kept dropping <a class=\"theme-mark\" href=\"#theme-1\"") !=
          std::string::npos);
    std::string domains = html.substr(html.find("<h2>By domain</h2>"));
    CHECK(domains.find("<a href=\"../domains/wards/\">Wards</a> <span class=\"count\">2</span>") != std::string::npos);
    CHECK(domains.find("<a href=\"../domains/quiet/\">Quiet domain</a> <span class=\"count\">1</span>") !=
          std::string::npos);
    // Huddle three recorded none: it is not rolled up.
    CHECK(html.find("Huddle three") == std::string::npos);
}

TEST_CASE("a meeting page shows what the previous meeting of its series asked to improve", "[reports]") {
    std::string two = site().page("meetings/2016-04-14-huddle-two/index.html");
    std::string carried = section(two, "<h2>Carried forward</h2>");
    REQUIRE_FALSE(carried.empty());
    CHECK(carried.find("<a href=\"../../meetings/2016-01-14-huddle-one/\">Huddle one</a> (14 January 2016)") !=
          std::string::npos);
    CHECK(
        carried.find(
            "<li><strong>Start on time</strong><br><span class=\"status done\">Went well</span> We started on time<br></li>") !=
        std::string::npos);
    CHECK(
        carried.find(
            "<li><strong>The dial-in line kept dropping</strong><br><span class=\"status done\">Still to improve</span> "
            "the dial-in line KEPT dropping!<br></li>") != std::string::npos);
    // Huddle three recorded nothing on what Huddle two asked.
    std::string three = section(site().page("meetings/2016-08-10-huddle-three/index.html"), "<h2>Carried forward</h2>");
    CHECK(
        three.find(
            "<li><strong>the dial-in line KEPT dropping!</strong><br><span class=\"status open\">Nothing recorded on this</span></li>") !=
        std::string::npos);
    CHECK(three.find("This meeting recorded no feedback of its own.") != std::string::npos);
    // The first of a series, and a meeting in none, carry nothing.
    CHECK(site().page("meetings/2016-01-14-huddle-one/index.html").find("Carried forward") == std::string::npos);
    CHECK(site().page("meetings/2016-05-20-workshop/index.html").find("Carried forward") == std::string::npos);
}

TEST_CASE("/digest/ lists the quarters with activity; a quarter's digest holds what happened in it", "[reports]") {
    std::string list = site().page("digest/index.html");
    CHECK(list.find("<a href=\"../digest/2016-q3/\">July to September 2016</a></th><td>1</td><td>0</td>") !=
          std::string::npos);
    CHECK(list.find("<a href=\"../digest/2016-q2/\">April to June 2016</a></th><td>2</td><td>3</td>") !=
          std::string::npos);
    CHECK(list.find("<a href=\"../digest/2016-q1/\">January to March 2016</a></th><td>1</td><td>0</td>") !=
          std::string::npos);
    CHECK(list.find("2016-q2/email.html") != std::string::npos);
    CHECK_FALSE(site().exists("digest/2016-q4/index.html"));

    std::string q2 = site().page("digest/2016-q2/index.html");
    CHECK(q2.find("<h1>Ward memory: April to June 2016</h1>") != std::string::npos);
    std::string meetings = section(q2, "<h2>Meetings</h2>");
    CHECK(
        meetings.find("<tr><td>14 April 2016</td><td><a href=\"../../meetings/2016-04-14-huddle-two/\">Huddle two</a> "
                      "<span class=\"muted\">(Huddle)</span></td><td>3</td></tr>") != std::string::npos);
    CHECK(
        meetings.find(
            "<tr><td>20 May 2016</td><td><a href=\"../../meetings/2016-05-20-workshop/\">Big workshop</a></td><td>1</td></tr>") !=
        std::string::npos);
    CHECK(meetings.find("Huddle one") == std::string::npos);
    std::string decisions = section(q2, "<h2>Decisions</h2>");
    CHECK(decisions.find("<li>Adopt the card") != std::string::npos);
    CHECK(decisions.find("Try the card") == std::string::npos);  // the quarter before
    CHECK(section(q2, "<h2>Highlights</h2>").find("<li>The card is adopted") != std::string::npos);
    std::string opened = section(q2, "<h2>Actions agreed</h2>");
    CHECK(
        opened.find(
            "<td>Write it up</td><td><a href=\"../../people/ada/\">Ada Ward</a></td><td>1 May 2016</td><td>Done</td>") !=
        std::string::npos);
    CHECK(opened.find("<td>Tell the board</td>") != std::string::npos);
    std::string closed = section(q2, "<h2>Actions closed</h2>");
    CHECK(closed.find("<li>Write it up · Ada Ward") != std::string::npos);
    CHECK(closed.find("Draft the card") == std::string::npos);  // done, but due in Q1
    std::string notes = section(q2, "<h2>New notes");
    CHECK(notes.find("<h3>Lessons learned <span class=\"count\">1</span></h3>") != std::string::npos);
    CHECK(notes.find("<h3>Value stories <span class=\"count\">2</span></h3>") != std::string::npos);
    CHECK(
        notes.find(
            "<a href=\"../../notes/ward-story/\">Ward story</a> <span class=\"muted\">2 May 2016 · Ada Ward</span>") !=
        std::string::npos);
    std::string members = section(q2, "<h2>New members</h2>");
    CHECK(members.find("<a href=\"../../people/ada/\">Ada Ward</a>, Northbridge") != std::string::npos);
    CHECK(members.find("Ben Night") == std::string::npos);  // joined in January
    CHECK(section(q2, "<h2>Phase changes</h2>").find("<a href=\"../../domains/wards/\">Wards</a>: Coalescing") !=
          std::string::npos);
    std::string measures = section(q2, "<h2>Measures</h2>");
    CHECK(measures.find("<th scope=\"col\">2016 Q2</th><th scope=\"col\">2016 Q1</th>") != std::string::npos);
    CHECK(measures.find("<th scope=\"row\">Meetings</th><td>2</td><td>1</td><td>+1</td>") != std::string::npos);
    CHECK(measures.find("<th scope=\"row\">Attendances</th><td>4</td><td>2</td><td>+2</td>") != std::string::npos);
    CHECK(measures.find("<th scope=\"row\">People who attended</th><td>3</td><td>2</td><td>+1</td>") !=
          std::string::npos);
    CHECK(measures.find("<th scope=\"row\">Decisions</th><td>1</td><td>1</td><td>same</td>") != std::string::npos);
    CHECK(measures.find("<th scope=\"row\">New notes</th><td>3</td><td>0</td><td>+3</td>") != std::string::npos);
}

TEST_CASE("a digest's e-mail version: inline styles, tables, no scripts, absolute links", "[reports]") {
    std::string mail = site().page("digest/2016-q2/email.html");
    CHECK(mail.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(mail.find("<script") == std::string::npos);
    CHECK(mail.find("<link") == std::string::npos);
    CHECK(mail.find("<style") == std::string::npos);
    CHECK(mail.find("class=") == std::string::npos);
    CHECK(mail.find("<table role=\"presentation\"") != std::string::npos);
    CHECK(
        mail.find(
            "<a href=\"https://example.org/wm/meetings/2016-04-14-huddle-two/\" style=\"color:#1f4e5f;\">Huddle two</a>") !=
        std::string::npos);
    CHECK(mail.find("Read it on the web: <a href=\"https://example.org/wm/digest/2016-q2/\"") != std::string::npos);
    CHECK(mail.find("&#8226; Adopt the card") != std::string::npos);
    CHECK(mail.find("&#10003; Write it up (Ada Ward)") != std::string::npos);
    // Every link is absolute.
    for (const auto& link : links_in(mail)) {
        INFO(link);
        CHECK(link.rfind("https://example.org/wm/", 0) == 0);
    }
}

TEST_CASE("digest: month gives a digest per month", "[reports]") {
    MemoryFiles files = kMemory;
    files["commonplace.yaml"] += "digest: month\n";
    TempMemory memory(files);
    auto run = run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(fs::exists(memory.output() / "digest/2016-04/index.html"));
    CHECK(fs::exists(memory.output() / "digest/2016-05/email.html"));
    CHECK_FALSE(fs::exists(memory.output() / "digest/2016-q2/index.html"));
    std::string may = read_file(memory.output() / "digest/2016-05/index.html");
    CHECK(may.find("<h1>Ward memory: May 2016</h1>") != std::string::npos);
    CHECK(may.find("<th scope=\"col\">May 2016</th><th scope=\"col\">April 2016</th>") != std::string::npos);
    std::string meetings = section(may, "<h2>Meetings</h2>");
    CHECK(meetings.find("Big workshop") != std::string::npos);
    CHECK(meetings.find("Huddle two") == std::string::npos);  // April's
    // Closed in May (due 1 May), though agreed in April.
    CHECK(section(may, "<h2>Actions closed</h2>").find("<li>Write it up · Ada Ward") != std::string::npos);
}

TEST_CASE("/value/: per domain, the stories by cycle with counts and indicators, and where value is missing",
          "[reports]") {
    std::string html = site().page("value/index.html");
    CHECK(html.find("<p class=\"muted\">2 value stories</p>") != std::string::npos);
    // The summary: Wards has one story applied and realised; Quiet domain none anywhere.
    CHECK(
        html.find(
            "<th scope=\"row\"><a href=\"#domain-wards\">Wards</a></th><td class=\"value-none\"><span title=\"No story shows this yet\">–</span></td>"
            "<td class=\"value-none\"><span title=\"No story shows this yet\">–</span></td><td>1</td><td>1</td>"
            "<td class=\"value-none\"><span title=\"No story shows this yet\">–</span></td><td>2</td></tr>") !=
        std::string::npos);
    std::string wards = section(html, "<h2 id=\"domain-wards\">");
    CHECK(
        wards.find(
            "<dt>Applied value <span class=\"count\">1</span></dt><dd><ul class=\"link-list\"><li><a href=\"../notes/ward-story/\">Ward story</a>") !=
        std::string::npos);
    CHECK(wards.find("<dt>Realised value <span class=\"count\">1</span></dt>") != std::string::npos);
    CHECK(wards.find("<strong>No story shows yet:</strong> Immediate value, Potential value, Transformative value.") !=
          std::string::npos);
    // Indicators once per story, though it shows two cycles.
    const std::string indicators =
        "<li><a href=\"../notes/ward-story/\">Ward story</a><ul><li>Late observations fell from 26% to 8%</li></ul></li>";
    CHECK(wards.find(indicators) != std::string::npos);
    CHECK(wards.find(indicators) == wards.rfind(indicators));
    CHECK(wards.find(
              "<strong>Not yet placed in a cycle:</strong> <a href=\"../notes/unplaced-story/\">Unplaced story</a>") !=
          std::string::npos);
    CHECK(section(html, "<h2 id=\"domain-quiet-domain\">").find("No value stories in this domain yet.") !=
          std::string::npos);
}

TEST_CASE("value: takes only the framework's cycles, reported at the item's line and column", "[reports]") {
    TempMemory memory(MemoryFiles{
        {"notes/story.md", "---\ntitle: A story\nkind: value-story\nvalue: [applied, realized, great]\n---\nText.\n"}});
    auto run = run_check(memory);
    auto lines = problems(run.messages);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] ==
          "notes/story.md:4:18: error: 'value' must list cycles of value creation (immediate, potential, applied, "
          "realised, transformative), not 'realized': did you mean realised?");
    CHECK(lines[1].rfind("notes/story.md:4:28: error: 'value' must list cycles of value creation", 0) == 0);
    CHECK(run.status == 1);
}

TEST_CASE("/export/memory.json holds every page with fields, text, history and links, and Dublin Core", "[reports]") {
    json doc = json::parse(site().page("export/memory.json"));
    CHECK(doc["format"] == "commonplace-memory/1");
    CHECK(doc["audience"] == "community");
    CHECK(doc["dublin_core"]["title"] == "Ward memory");
    CHECK(doc["dublin_core"]["creator"] == "Ward memory");
    CHECK(doc["dublin_core"]["description"] == "A small memory for the reports.");
    CHECK(doc["dublin_core"]["language"] == "en-GB");
    CHECK(doc["dublin_core"]["rights"] == "CC BY 4.0");
    CHECK(doc["dublin_core"]["date"].get<std::string>().size() == 10);
    std::map<std::string, json> pages;
    for (const auto& p : doc["pages"]) pages[p["url"].get<std::string>()] = p;
    CHECK(pages.size() == 11);  // 2 domains, 2 people, 4 meetings, 3 notes, and no home page of its own
    const json& two = pages.at("/meetings/2016-04-14-huddle-two/");
    CHECK(two["absolute_url"] == "https://example.org/wm/meetings/2016-04-14-huddle-two/");
    CHECK(two["fields"]["decisions"] == json::array({"Adopt the card"}));
    CHECK(two["fields"]["attendees"][2] == json({{"label", "Carol Free"}, {"url", nullptr}}));
    CHECK(two["fields"]["attendees"][0] == json({{"label", "Ada Ward"}, {"url", "/people/ada/"}}));
    CHECK(two["fields"]["feedback"]["to_improve"] == json::array({"the dial-in line KEPT dropping!"}));
    CHECK(two["fields"]["actions"][1]["done"] == false);
    const json& story = pages.at("/notes/ward-story/");
    CHECK(story["fields"]["value"] == json::array({"applied", "realised"}));  // the framework's order
    CHECK(story["fields"]["indicators"] == json::array({"Late observations fell from 26% to 8%"}));
    CHECK(story["text"]["html"].get<std::string>().find("href=\"https://example.org/wm/notes/lesson/\"") !=
          std::string::npos);
    CHECK(story["text"]["plain"].get<std::string>().find("What changed on Ward 7.") != std::string::npos);
    CHECK(story["links"]["pages"] == json::array({"/notes/lesson/"}));
    CHECK(pages.at("/notes/lesson/")["links"]["backlinks"] == json::array({"/notes/ward-story/"}));
    CHECK(story["history"]["revisions"] == json::array());  // no repository: no history
    json schema = json::parse(site().page("export/schema.json"));
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
}

TEST_CASE("/print/ is one document: title page, contents, domains, meetings by date, notes by kind, people",
          "[reports]") {
    std::string html = site().page("print/index.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<link rel=\"stylesheet\" href=\"../static/print.css\">") != std::string::npos);
    CHECK(html.find("<meta name=\"DC.title\" content=\"Ward memory\">") != std::string::npos);
    CHECK(html.find("<meta name=\"DC.rights\" content=\"CC BY 4.0\">") != std::string::npos);
    CHECK(html.find("<meta name=\"DC.language\" content=\"en-GB\">") != std::string::npos);
    CHECK(html.find("site-header") == std::string::npos);  // not the site's layout
    std::size_t title = html.find("class=\"title-page\""), contents = html.find("<h2>Contents</h2>"),
                domains = html.find("<h2 class=\"part-title\">Domains</h2>"),
                meetings = html.find("<h2 class=\"part-title\">Meetings by date</h2>"),
                notes = html.find("<h2 class=\"part-title\">Notes by kind</h2>"),
                people = html.find("<h2 class=\"part-title\">People</h2>");
    CHECK(title < contents);
    CHECK(contents < domains);
    CHECK(domains < meetings);
    CHECK(meetings < notes);
    CHECK(notes < people);
    CHECK(people != std::string::npos);
    // Meetings oldest first, each with its printed address.
    CHECK(html.find(
              "<h3>Huddle one</h3><p class=\"print-url\">https://example.org/wm/meetings/2016-01-14-huddle-one/</p>") <
          html.find("<h3>Huddle two</h3>"));
    CHECK(html.find("<h3 class=\"kind-title\">Lessons learned (1)</h3>") <
          html.find("<h3 class=\"kind-title\">Value stories (2)</h3>"));
    // A link to a page in the document stays in it.
    CHECK(html.find("<a href=\"#p-note-lesson\">the lesson</a>") != std::string::npos);
    CHECK(html.find("<a href=\"#p-note-ward-story\">") != std::string::npos);
    // A file loads from beside the document, even one kept beside its note: a copy of the site
    // prints whole, offline.
    CHECK(html.find("src=\"../notes/ward-board.png\"") != std::string::npos);

    std::string wards = site().page("print/wards/index.html");
    CHECK(wards.find("<meta name=\"DC.title\" content=\"Ward memory: Wards\">") != std::string::npos);
    CHECK(wards.find("<h3>Huddle two</h3>") != std::string::npos);
    CHECK(wards.find("Big workshop") == std::string::npos);  // the quiet domain's
    CHECK(wards.find("<h3>Ward story</h3>") != std::string::npos);
    CHECK(wards.find("<h3>A lesson</h3>") == std::string::npos);  // in no domain
    CHECK(wards.find("<h3>Ada Ward</h3>") != std::string::npos);
    // A link to a page outside this part goes to the site.
    CHECK(wards.find("<a href=\"https://example.org/wm/notes/lesson/\">the lesson</a>") != std::string::npos);
    CHECK(wards.find("src=\"../../notes/ward-board.png\"") != std::string::npos);
}

TEST_CASE("/print/ larger than a piece is written as it is made, each text whole in its place", "[reports]") {
    // 400 notes of 1 KB each: the document is handed to the file past 64 KB, at line ends,
    // and no part's mark may be left in it, split between two pieces.
    MemoryFiles files = {{"commonplace.yaml", "title: Big memory\n"}};
    for (int i = 0; i < 400; ++i) {
        const std::string n = std::to_string(i);
        files["notes/note-" + n + ".md"] = "---\ntitle: Note " + n + "\n---\nThe text of note " + n + ".\n\n" +
            std::string(1000, 'x') + "\n\nSee [[note-" + std::to_string((i + 1) % 400) + "]].\n";
    }
    TempMemory memory(files);
    BuildRun run = run_build(memory);
    REQUIRE(run.status == 0);
    const std::string html = read_file(memory.output() / "print/index.html");
    CHECK(html.size() > std::size_t{400} * 1000);
    CHECK(html.find("cp-deferred-") == std::string::npos);
    for (int i = 0; i < 400; ++i) {
        // Each text, with its link kept in the document.
        INFO(i);
        const std::string n = std::to_string(i);
        CHECK(html.find("<p>The text of note " + n + ".</p>") != std::string::npos);
        CHECK(html.find("href=\"#p-note-note-" + std::to_string((i + 1) % 400) + "\"") != std::string::npos);
    }
    CHECK(html.rfind("</html>") > html.size() - 20);
}

TEST_CASE("the reports are linked where a member looks for them", "[reports]") {
    std::string home = site().page("index.html");
    for (const std::string link : {"digest/", "feedback/", "value/", "print/"}) {
        INFO(link);
        CHECK(home.find("<a href=\"" + link + "\">") != std::string::npos);
    }
    CHECK(site().page("meetings/index.html").find("<a href=\"../feedback/\">Feedback</a>") != std::string::npos);
}
