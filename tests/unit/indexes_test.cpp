// The indexes: timeline, tags, actions, agenda, measures, feed, calendar, sitemap,
// redirects, previous/next links.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <regex>
#include <set>

#include "indexes/actions.hpp"
#include "indexes/calendar.hpp"
#include "indexes/feeds.hpp"
#include "indexes/indexes.hpp"
#include "indexes/stats.hpp"
#include "indexes/tags.hpp"
#include "indexes/timeline.hpp"
#include "site_fixture.hpp"

using namespace cp;
using namespace cp::indexes;
using cp::testing::TempFolder;
using model::Page;
using model::PageType;
using nlohmann::json;

namespace {

model::Ref ref(const std::string& url, const std::string& label) { return {label, 0, 0, url, label}; }

Page page(PageType type, const std::string& slug, const std::string& date = {}) {
    Page p;
    p.type = type;
    p.slug = slug;
    p.title = slug;
    p.date = date;
    p.url = "/" + std::string(model::type_folder(type)) + "/" + slug + "/";
    p.source_path = std::string(model::type_folder(type)) + "/" + slug + ".md";
    return p;
}

model::Site site_of(std::vector<Page> pages, const std::string& reference_date = "2017-06-01") {
    model::Site site;
    site.words = testing::english_words();
    std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.url < b.url; });
    site.pages = std::move(pages);
    site.reference_date = reference_date;
    site.config.base_url = "https://example.org/cp/";
    return site;
}

std::string slurp(const std::filesystem::path& p) { return cp::testing::read_file(p); }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("iCalendar lines are escaped and folded at 75 octets, never inside a character", "[indexes]") {
    CHECK(ics_line("SUMMARY", "Kick-off; tea, cake\\\nand talk") ==
          "SUMMARY:Kick-off\\; tea\\, cake\\\\\\nand talk\r\n");
    std::string value;
    for (int i = 0; i < 60; ++i) value += "é";  // two octets each
    std::string folded = ics_line("DESCRIPTION", value);
    std::string unfolded;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find("\r\n", start);
        std::string line = folded.substr(start, end - start);
        CHECK(line.size() <= 75);
        CHECK((static_cast<unsigned char>(line.back()) & 0xC0) != 0xC0);  // no lead byte left dangling
        unfolded += start == 0 ? line : line.substr(1);
        if (start != 0) CHECK(line[0] == ' ');
        start = end + 2;
    }
    CHECK(unfolded == "DESCRIPTION:" + value);
}

TEST_CASE("the timeline holds each dated thing once, newest first, in a fixed order", "[indexes]") {
    Page m = page(PageType::Meeting, "2016-05-19-review", "2016-05-19");
    m.highlights = {"Card adopted", "New strand"};
    Page n = page(PageType::Note, "a-lesson", "2016-05-19");
    Page undated = page(PageType::Note, "undated");
    Page bad = page(PageType::Note, "bad-date", "someday");
    Page d = page(PageType::Domain, "handovers");
    d.started = "2015-03-12";
    d.phases = {{"discovering", "2015-03-12"}, {"maturing", "2016-07-07"}};
    Page p = page(PageType::Person, "ada", "2015-01-01");
    p.joined = "2015-03-12";
    Page free = page(PageType::Page, "about", "2016-01-01");
    auto site = site_of({m, n, undated, bad, d, p, free});
    auto entries = collect_timeline(site);
    std::vector<std::string> keys;
    for (const auto& e : entries) keys.push_back(entry_key(site, e));
    CHECK(keys ==
          std::vector<std::string>{"phase:/domains/handovers/#1", "meeting:/meetings/2016-05-19-review/",
                                   "note:/notes/a-lesson/", "highlight:/meetings/2016-05-19-review/#0",
                                   "highlight:/meetings/2016-05-19-review/#1", "started:/domains/handovers/",
                                   "phase:/domains/handovers/#0", "joined:/people/ada/"});
    CHECK(entry_type(EntryKind::DomainStarted) == "phase");
    json j = entry_json(site, entries[3], "/timeline/");
    CHECK(j["title"] == "Card adopted");
    CHECK(j["context"] == "at 2016-05-19-review");
    CHECK(j["url"] == "../meetings/2016-05-19-review/");
    CHECK(j["date_human"] == "19 May 2016");
}

TEST_CASE("the timeline gets a page per year and per type only when it is long", "[indexes]") {
    std::vector<Page> pages;
    for (int i = 0; i < 30; ++i)
        pages.push_back(page(PageType::Meeting, "m" + std::to_string(i),
                             "201" + std::to_string(5 + i % 3) + "-0" + std::to_string(1 + i % 9) + "-10"));
    auto short_site = site_of(pages);
    std::set<std::string> urls;
    auto short_resolved = cp::links::already_resolved(short_site);
    for (const auto& p : timeline_pages(*short_resolved)) urls.insert(p.url);
    CHECK(urls == std::set<std::string>{"/timeline/", "/timeline/meetings/"});

    for (std::size_t i = pages.size(); i <= kTimelineYearPagesAbove; ++i)
        pages.push_back(page(PageType::Note, "n" + std::to_string(i),
                             "201" + std::to_string(5 + i % 3) + "-11-0" + std::to_string(1 + i % 9)));
    auto long_site = site_of(pages);
    auto long_resolved = cp::links::already_resolved(long_site);
    auto long_pages = timeline_pages(*long_resolved);
    urls.clear();
    std::size_t listed = 0;
    for (const auto& p : long_pages) {
        urls.insert(p.url);
        if (std::regex_match(p.url, std::regex("/timeline/([0-9]{4}/)?")))  // the main timeline and its years
            for (const auto& y : views::context_of(p)["timeline"].value("years", json::array()))
                for (const auto& m : y["months"]) listed += m["items"].size();
    }
    CHECK(urls ==
          std::set<std::string>{"/timeline/", "/timeline/2015/", "/timeline/2016/", "/timeline/2017/",
                                "/timeline/meetings/", "/timeline/notes/"});
    CHECK(listed == kTimelineYearPagesAbove + 1);  // each entry once over the main timeline's pages
    const json first_page = views::context_of(long_pages[0]);
    const json& index = first_page["timeline"];
    CHECK(index["split"] == true);
    CHECK(index["year_index"][0]["year"] == "2017");
    CHECK(index["year_index"][0]["url"] == "../timeline/2017/");
}

TEST_CASE("tags are compared without case, each page counted once", "[indexes]") {
    Page a = page(PageType::Note, "a", "2016-01-01");
    a.tags = {"SBAR", "sbar", "Night shift"};
    Page b = page(PageType::Meeting, "b", "2016-02-01");
    b.tags = {"sbar"};
    auto site = site_of({a, b});
    auto tags = collect_tags(site);
    REQUIRE(tags.size() == 2);
    CHECK(tags[0].slug == "night-shift");
    CHECK(tags[1].slug == "sbar");
    CHECK(tags[1].name == "sbar");  // as first written, pages in address order: /meetings/b/ first
    CHECK(tags[1].pages.size() == 2);
    auto pages = tag_pages(site, tags);
    REQUIRE(pages.size() == 3);
    CHECK(pages[0].url == "/tags/");
    CHECK(views::context_of(pages[0])["tags"]["items"][1]["count"] == "2");
    CHECK(pages[2].url == "/tags/sbar/");
    CHECK(views::context_of(pages[2])["list"]["groups"].size() == 2);  // a meeting and a note
}

TEST_CASE("open actions are listed by owner and by due date, overdue against the reference date", "[indexes]") {
    Page m = page(PageType::Meeting, "retreat", "2017-05-01");
    m.actions = {{"Write it up", ref("/people/marcus/", "Marcus"), "2017-05-31", false, 0},
                 {"Plan the workshop", ref("/people/siobhan/", "Siobhan"), "2017-06-30", false, 0},
                 {"Mentor Fatima", ref("/people/marcus/", "Marcus"), "", false, 0},
                 {"Book the room", ref("/people/siobhan/", "Siobhan"), "2017-04-30", true, 0},
                 {"Someone should", {}, "2017-07-15", false, 0}};
    auto site = site_of({m}, "2017-06-01");
    json a = views::context_of(actions_page(site))["actions"];
    CHECK(a["open_count"] == "4");
    CHECK(a["overdue_count"] == "1");
    CHECK(a["done_count"] == "1");
    REQUIRE(a["by_owner"].size() == 3);
    CHECK(a["by_owner"][0]["name"] == "Marcus");
    CHECK(a["by_owner"][0]["items"].size() == 2);
    CHECK(a["by_owner"][2]["name"] == "No owner");
    std::vector<std::string> groups;
    for (const auto& g : a["by_date"]) groups.push_back(g["name"]);
    CHECK(groups == std::vector<std::string>{"Overdue", "Due June 2017", "Due July 2017", "No due date"});
    CHECK(a["by_date"][0]["items"][0]["action"] == "Write it up");
    CHECK(a["by_date"][0]["items"][0]["overdue"] == true);
    CHECK(a["done"][0]["action"] == "Book the room");
    CHECK(a["done"][0]["key"] == "/meetings/retreat/#3");
    // Each action's meeting is what an action row shows of it (docs/theme.md), not its whole
    // link: the page lists every open action twice, and at 50,000 notes its context was the
    // largest a build held.
    CHECK(a["by_date"][0]["items"][0]["meeting"] == json{{"title", m.title}, {"url", "../meetings/retreat/"}});

    auto no_date = site_of({m}, "");
    CHECK(views::context_of(actions_page(no_date))["actions"]["overdue_count"] ==
          "0");  // no "today": nothing is overdue
}

TEST_CASE("the agenda lists open questions by domain, answered ones linked, and the parking lot", "[indexes]") {
    Page d = page(PageType::Domain, "handovers");
    d.learning_agenda = {{"Does the card help?", "answered", ref("/notes/sbar-pilot/", "The SBAR pilot")},
                         {"What do night staff need?", "open", {}}};
    Page m = page(PageType::Meeting, "retreat", "2017-05-01");
    m.parking_lot = {"A budget of our own"};
    json a = views::context_of(agenda_page(site_of({d, m})))["agenda"];
    CHECK(a["domains"][0]["questions"][0]["question"] == "What do night staff need?");
    CHECK(a["answered"][0]["answered_in"]["url"] == "../notes/sbar-pilot/");
    CHECK(a["parking_lot"][0]["issues"][0] == "A budget of our own");
    CHECK(a["parked_count"] == "1");
}

TEST_CASE("measures count meetings, attendances and contributors per quarter, gaps filled", "[indexes]") {
    Page m1 = page(PageType::Meeting, "m1", "2016-01-10");
    m1.attendees = {ref("/people/ada/", "Ada"), ref("/people/tom/", "Tom")};
    Page m2 = page(PageType::Meeting, "m2", "2016-02-10");
    m2.attendees = {ref("/people/ada/", "Ada"), {"A visitor", 0, 0, "", "A visitor"}};
    m2.roles = {{"facilitator", {ref("/people/lena/", "Lena")}}};
    Page n = page(PageType::Note, "n", "2016-08-01");
    n.authors = {ref("/people/ruth/", "Ruth")};
    n.kind = "story";
    n.domains = {ref("/domains/d/", "D")};
    Page d = page(PageType::Domain, "d");
    d.title = "D";
    auto q = measure_quarters(site_of({m1, m2, n, d}));
    CHECK(q.quarters == std::vector<std::string>{"2016 Q1", "2016 Q2", "2016 Q3"});
    CHECK(q.meetings == std::vector<long>{2, 0, 0});
    CHECK(q.attendees_total == std::vector<long>{4, 0, 0});
    CHECK(q.attendees_distinct == std::vector<long>{3, 0, 0});
    CHECK(q.contributors == std::vector<long>{4, 0, 1});
    auto notes = measure_notes(*cp::links::already_resolved(site_of({m1, m2, n, d})));
    CHECK(notes.domains == std::vector<std::string>{"D"});
    CHECK(notes.counts["D"]["Story"] == 1);
}

TEST_CASE("meetings link to the previous and next of their domain and of their series", "[indexes]") {
    std::vector<Page> pages;
    for (int i = 1; i <= 3; ++i) {
        Page m = page(PageType::Meeting, "huddle-" + std::to_string(i), "2016-0" + std::to_string(i) + "-01");
        m.series = "Huddle";
        m.domains = {ref("/domains/handovers/", "Handovers")};
        pages.push_back(m);
    }
    Page other = page(PageType::Meeting, "workshop", "2016-02-15");
    other.domains = {ref("/domains/handovers/", "Handovers")};
    pages.push_back(other);
    Page d = page(PageType::Domain, "handovers");
    d.title = "Handovers";
    pages.push_back(d);
    auto site = site_of(pages);
    auto resolved = cp::links::already_resolved(site);
    RelatedPages related(*resolved);
    auto find = [&](const std::string& url) {
        for (std::size_t i = 0; i < site.pages.size(); ++i)
            if (site.pages[i].url == url) return i;
        return site.pages.size();
    };
    json ctx = {{"page", json::object()}};
    ctx["page"] = related.fields(find("/meetings/huddle-2/"));
    const json& pager = ctx["page"]["pager"];
    REQUIRE(pager.size() == 2);
    CHECK(pager[0]["label"] == "Series: Huddle");
    CHECK(pager[0]["prev"]["url"] == "../../meetings/huddle-1/");
    CHECK(pager[0]["next"]["url"] == "../../meetings/huddle-3/");
    CHECK(pager[1]["label"] == "Meetings of Handovers");  // by date: huddle 1, huddle 2, workshop, huddle 3
    CHECK(pager[1]["prev"]["url"] == "../../meetings/huddle-1/");
    CHECK(pager[1]["next"]["url"] == "../../meetings/workshop/");

    json first = {{"page", json::object()}};
    first["page"] = related.fields(find("/meetings/huddle-1/"));
    CHECK(first["page"]["pager"][0]["prev"].is_null());

    json domain = {{"page", json::object()}};
    domain["page"] = related.fields(find("/domains/handovers/"));
    CHECK(domain["page"]["domain_meetings"].size() == 4);
    CHECK(domain["page"]["domain_meetings"][0]["title"] == "huddle-3");
    CHECK(domain["page"]["latest_meeting"]["url"] == "../../meetings/huddle-3/");
    CHECK(domain["page"]["timeline"].size() == 4);
}

TEST_CASE("a person's page gathers meetings, roles, notes and actions into their timeline", "[indexes]") {
    Page ada = page(PageType::Person, "ada");
    ada.joined = "2015-03-12";
    Page m = page(PageType::Meeting, "kickoff", "2015-03-12");
    m.attendees = {ref("/people/ada/", "Ada")};
    m.roles = {{"note_taker", {ref("/people/ada/", "Ada")}}};
    m.actions = {{"Find a room", ref("/people/ada/", "Ada"), "2015-04-01", false, 0}};
    Page n = page(PageType::Note, "story", "2015-05-01");
    n.kind = "story";
    n.authors = {ref("/people/ada/", "Ada")};
    auto site = site_of({ada, m, n}, "2015-06-01");
    auto resolved = cp::links::already_resolved(site);
    RelatedPages related(*resolved);
    json ctx = {{"page", json::object()}};
    std::size_t i = 0;
    while (site.pages[i].url != "/people/ada/") ++i;
    ctx["page"] = related.fields(i);
    const json& p = ctx["page"];
    std::vector<std::string> labels;
    for (const auto& e : p["timeline"])
        labels.push_back(e["type_label"].get<std::string>() + " " + e["title"].get<std::string>());
    CHECK(labels ==
          std::vector<std::string>{"Story story", "Joined Joined the community", "Note taker kickoff",
                                   "Action Find a room"});
    CHECK(p["person_meetings"][0]["roles"] == "Note taker");
    CHECK(p["person_actions"][0]["overdue"] == true);
    CHECK(p["person_notes"][0]["url"] == "../../notes/story/");
}

TEST_CASE("the feed, calendar, sitemap, robots.txt and redirects of a small memory", "[indexes]") {
    TempFolder tmp;
    std::map<std::string, std::string> files = {
        {"commonplace.yaml",
         "title: Tiny\nbase_url: https://example.org/tiny/\ntimezone: Europe/London\n"
         "default_visibility: public\n"},
        {"index.md", "# Tiny\n\nHello."},
        {"domains/gardens.md",
         "---\ntitle: Gardens\nstarted: 2016-01-01\naliases: [/old/gardens/, plots.html]\n---\nGrow things."},
        {"meetings/2016-07-07-summer.md",
         "---\ntitle: Summer\ntime: \"10:00\"\nend_time: \"12:30\"\ndomains: [gardens]\n"
         "tags: [Compost]\n---\nWe met [in the garden](../domains/gardens.md)."},
        {"meetings/2016-12-01-winter.md", "---\ntitle: Winter; cold, dark\ndomains: [gardens]\n---\nAll day."},
        {"meetings/2016-09-01-secret.md", "---\ntitle: Secret\nvisibility: community\ntags: [hidden-tag]\n---\nShh."},
        {"notes/compost.md", "---\ndate: 2016-08-01\ntags: [compost]\n---\n# Compost\n\nTurn it weekly."},
    };
    for (int i = 0; i < 55; ++i)
        files["notes/n" + std::to_string(i) + ".md"] =
            "---\ndate: 2015-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "\n---\nA note.";
    cp::testing::write_files(tmp / "memory", files);
    auto options = cp::testing::options_for(tmp / "memory", tmp / "site");
    options.audience = audience::Audience::Public;
    auto run = cp::testing::build_site(options);
    INFO(run.messages);
    REQUIRE(run.status == 0);

    std::string feed = slurp(tmp / "site/feed.xml");
    CHECK(count(feed, "<entry>") == kFeedSize);
    CHECK(
        feed.find(
            "<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/tiny/meetings/2016-12-01-winter/\"/>") <
        feed.find("https://example.org/tiny/notes/compost/\"/>"));
    CHECK(
        feed.find(
            "xml:base=\"https://example.org/tiny/meetings/2016-07-07-summer/\">&lt;p&gt;We met &lt;a href=&quot;../../domains/gardens/&quot;") !=
        std::string::npos);
    CHECK(feed.find("Secret") == std::string::npos);

    std::string ics = slurp(tmp / "site/meetings.ics");
    CHECK(ics.find("DTSTART:20160707T090000Z\r\nDTEND:20160707T113000Z\r\n") != std::string::npos);
    CHECK(ics.find("DTSTART;VALUE=DATE:20161201\r\nDTEND;VALUE=DATE:20161202\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Winter\\; cold\\, dark\r\n") != std::string::npos);
    CHECK(ics.find("UID:meeting-2016-07-07-summer@example.org/tiny\r\n") != std::string::npos);
    CHECK(count(ics, "BEGIN:VEVENT") == 2);  // the community meeting stays out of the public calendar

    std::string sitemap = slurp(tmp / "site/sitemap.xml");
    CHECK(sitemap.find("<loc>https://example.org/tiny/timeline/</loc>") != std::string::npos);
    CHECK(sitemap.find("404") == std::string::npos);
    CHECK(sitemap.find("old/gardens") == std::string::npos);
    CHECK(sitemap.find("secret") == std::string::npos);
    CHECK(slurp(tmp / "site/robots.txt") == "User-agent: *\nAllow: /\nSitemap: https://example.org/tiny/sitemap.xml\n");

    std::string redirect = slurp(tmp / "site/old/gardens/index.html");
    CHECK(redirect.find("<meta http-equiv=\"refresh\" content=\"0; url=../../domains/gardens/\">") !=
          std::string::npos);
    CHECK(slurp(tmp / "site/plots.html").find("url=domains/gardens/") != std::string::npos);
    CHECK(slurp(tmp / "site/404.html").find("href=\"https://example.org/tiny/search/\"") != std::string::npos);

    CHECK(std::filesystem::exists(tmp / "site/tags/compost/index.html"));
    CHECK_FALSE(std::filesystem::exists(tmp / "site/tags/hidden-tag"));
    std::string tags = slurp(tmp / "site/tags/index.html");
    CHECK(tags.find("<a href=\"../tags/compost/\">Compost</a> <span class=\"count\">2</span>") != std::string::npos);
    std::string timeline = slurp(tmp / "site/timeline/index.html");
    CHECK(count(timeline, "data-entry=\"") == 55 + 1 + 2 + 1);  // notes, compost, meetings, domain start
    CHECK(timeline.find("secret") == std::string::npos);
    std::string stats = slurp(tmp / "site/stats/index.html");
    CHECK(stats.find("2016 Q3: 1</title>") != std::string::npos);  // the summer meeting; the secret one is not counted
}

TEST_CASE("an alias outside the site is refused with a warning, and the indexes stay deterministic", "[indexes]") {
    TempFolder tmp;
    cp::testing::write_files(
        tmp / "memory",
        {
            {"notes/x.md", "---\ndate: 2016-01-01\naliases: [/a//b/, /old/x/]\ntags: [t]\n---\nText."},
            {"meetings/2016-02-02-m.md",
             "---\ntime: \"09:00\"\nactions: [{action: Do it, due: 2016-01-15}]\n---\nMet."},
        });
    auto options = cp::testing::options_for(tmp / "memory", tmp / "one");
    options.quiet = false;
    auto run = cp::testing::build_site(options);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    // The loader refuses aliases that climb out ("../"); an empty folder name is caught here.
    CHECK(run.messages.find("notes/x.md: warning: alias '/a//b/' is not an address inside the site") !=
          std::string::npos);
    CHECK_FALSE(std::filesystem::exists(tmp / "one/a"));
    CHECK(std::filesystem::exists(tmp / "one/old/x/index.html"));
    auto again = cp::testing::build_site(cp::testing::options_for(tmp / "memory", tmp / "two"));
    REQUIRE(again.status == 0);
    CHECK(cp::testing::read_tree(tmp / "one") == cp::testing::read_tree(tmp / "two"));
}
