// Links: every form a member may write (relative .md paths with anchors, [[wikilinks]]
// in each shape, site addresses), front-matter references to people, and backlinks,
// resolved on a site model built in memory.
#include <catch2/catch.hpp>

#include <functional>

#include "links/resolve.hpp"
#include "links/resolved_site.hpp"
#include "model/folders.hpp"
#include "model/loader.hpp"
#include "parallel/pool.hpp"
#include "site_fixture.hpp"

using namespace cp;

namespace {

struct Resolved {
    std::unique_ptr<const links::ResolvedSite> resolved;
    const model::Site& site() const { return resolved->site(); }
    const std::vector<links::RenderedPage>& bodies() const { return resolved->bodies(); }
    std::vector<std::string> messages;
    std::size_t errors = 0;

    std::size_t index_of(const std::string& source) const {
        for (std::size_t i = 0; i < site().pages.size(); ++i)
            if (site().pages[i].source_path == source) return i;
        FAIL("no page " << source);
        return 0;
    }
    std::string html(const std::string& source) const { return bodies()[index_of(source)].body->html(); }
    const model::Page& page(const std::string& source) const { return site().pages[index_of(source)]; }
    std::vector<std::string> backlinks(const std::string& source) const {
        std::vector<std::string> out;
        for (std::size_t i : bodies()[index_of(source)].backlinks) out.push_back(site().pages[i].source_path);
        return out;
    }
};

// Loads, resolves and renders a memory of path -> text, as check does (community audience).
Resolved resolve(const std::map<std::string, std::string>& files,
                 links::Strictness strictness = links::Strictness::Check) {
    source::Snapshot snapshot;
    for (const auto& [path, text] : files) {
        source::SourceFile f;
        f.path = path;
        f.content = text;
        f.size = text.size();
        snapshot.files.push_back(f);
    }
    diag::Sink sink;
    Resolved r;
    parallel::Pool pool(2);
    model::Site site = model::load_site(snapshot, {}, history::History{}, {}, pool, sink);
    site.words = testing::english_words();
    auto catalogue = links::catalogue_of(site);
    links::ResolveOptions options;
    options.strictness = strictness;
    r.resolved = links::resolve(std::move(site), catalogue, options, pool, sink);
    for (const auto& d : sink.sorted())
        r.messages.push_back(d.path + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
    r.errors = sink.error_count();
    return r;
}

const std::map<std::string, std::string> kMemory = {
    {"people/ada.md", "---\ntitle: Ada Okafor\n---\n"},
    {"people/bo.md", "---\ntitle: Bo\n---\n"},
    {"domains/handovers.md", "---\ntitle: Safer handovers\n---\n# Night handovers\n\nText.\n"},
    {"guides/setup.md", "# Setting up\n"},
    {"assets/card.svg", "<svg/>"},
    {"notes/who.md", "---\nauthors: [ada, bo]\n---\n"},  // so nobody is unreferenced
};

std::map<std::string, std::string> with(std::map<std::string, std::string> more) {
    more.insert(kMemory.begin(), kMemory.end());
    return more;
}

}  // namespace

TEST_CASE("every link form becomes the page's address, relative to the linking page", "[links]") {
    auto r = resolve(with({{"notes/n.md",
                            "[rel](../domains/handovers.md#night-handovers) "
                            "[[handovers]] "
                            "[[domain/handovers|the domain]] "
                            "[[domains/handovers]] "
                            "[[person/ada]] [[people/bo]] "
                            "[[handovers#Night handovers]] "
                            "[[guides/setup]] "
                            "[[Ada]] "
                            "[site](/domains/handovers/) "
                            "[tl](/timeline/) "
                            "[ext](https://example.org/x.md) "
                            "![card](../assets/card.svg)\n"}}));
    CHECK(r.messages.empty());
    const std::string& html = r.html("notes/n.md");
    CHECK(html.find("<a href=\"../../domains/handovers/#night-handovers\">rel</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../domains/handovers/\">Safer handovers</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../domains/handovers/\">the domain</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../people/ada/\">Ada Okafor</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../people/bo/\">Bo</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../domains/handovers/#night-handovers\">Safer handovers</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../guides/setup/\">Setting up</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../people/ada/\">Ada Okafor</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../domains/handovers/\">site</a>") != std::string::npos);
    CHECK(html.find("<a href=\"../../timeline/\">tl</a>") != std::string::npos);
    CHECK(html.find("<a href=\"https://example.org/x.md\">ext</a>") != std::string::npos);
    CHECK(html.find("<img src=\"../../assets/card.svg\" alt=\"card\" loading=\"lazy\" />") != std::string::npos);
    // [[Ada]] names the slug "ada": a wikilink's text is slugified.
    CHECK(html.find("[[") == std::string::npos);
}

TEST_CASE("links to nothing are reported and shown as marked text", "[links]") {
    auto r = resolve(with(
        {{"notes/n.md", "---\ntitle: N\n---\n[x](gone.md) [[gone]] [[note/gone]] [[recipes/x]] [o](../../x.md)\n"}}));
    CHECK(r.messages ==
          std::vector<std::string>{
              "notes/n.md:4:1 broken link: 'gone.md' (no file notes/gone.md)",
              "notes/n.md:4:14 wikilink [[gone]] leads to no page: no file is named gone.md",
              "notes/n.md:4:23 wikilink [[note/gone]] leads to no page: there is no notes/gone.md",
              "notes/n.md:4:37 wikilink [[recipes/x]] leads to no page: there is no recipes/x.md",
              "notes/n.md:4:51 link '../../x.md' points outside the memory",
          });
    const std::string& html = r.html("notes/n.md");
    CHECK(html.find("<span class=\"broken-link\" title=\"This link leads nowhere in this build\">x</span>") !=
          std::string::npos);
    // An unresolved wikilink keeps what was written, brackets and all.
    CHECK(html.find("<span class=\"broken-link\" title=\"This link leads nowhere in this build\">[[gone]]</span>") !=
          std::string::npos);
    CHECK(html.find("<a ") == std::string::npos);
}

TEST_CASE("a link's position is the file's, past escapes and entities", "[links]") {
    auto r = resolve(with({{"notes/n.md", "---\ntitle: N\n---\nTom &amp; \\[Jo\\] met [[nobody]] and [[nobody]].\n"}}));
    CHECK(r.messages ==
          std::vector<std::string>{
              "notes/n.md:4:22 wikilink [[nobody]] leads to no page: no file is named nobody.md",
              "notes/n.md:4:37 wikilink [[nobody]] leads to no page: no file is named nobody.md",
          });
}

TEST_CASE("a build warns where check errs", "[links]") {
    auto build = resolve(with({{"notes/n.md", "[[gone]]\n"}}), links::Strictness::Build);
    CHECK(build.messages ==
          std::vector<std::string>{"notes/n.md:1:1 wikilink [[gone]] leads to no page: no file is named gone.md"});
    CHECK(build.errors == 0);
    CHECK(build.html("notes/n.md").find("broken-link") != std::string::npos);
    auto check = resolve(with({{"notes/n.md", "[[gone]]\n"}}), links::Strictness::Check);
    CHECK(check.messages == build.messages);
    CHECK(check.errors == 1);
}

TEST_CASE("front-matter people link to their pages, free names stay text", "[links]") {
    auto r = resolve(with({{"meetings/2016-01-01-m.md",
                            "---\nattendees: [ada, Bob Smith, Bo]\nroles:\n  convener: bo\nactions:\n"
                            "  - action: Write\n    owner: ada\nauthors: [ada]\n---\n"}}));
    CHECK(r.messages.empty());
    const auto& m = r.page("meetings/2016-01-01-m.md");
    REQUIRE(m.attendees.size() == 3);
    CHECK(m.attendees[0].url == "/people/ada/");
    CHECK(m.attendees[0].label == "Ada Okafor");
    CHECK(m.attendees[1].url == "");
    CHECK(m.attendees[1].label == "Bob Smith");
    CHECK(m.attendees[2].url == "/people/bo/");  // a member's name links to their profile too
    CHECK(m.roles[0].people[0].url == "/people/bo/");
    CHECK(m.actions[0].owner.url == "/people/ada/");
    CHECK(m.authors[0].url == "/people/ada/");
}

TEST_CASE("every page lists the pages that link to it", "[links]") {
    auto r = resolve(with({
        {"notes/a.md", "See [[handovers]] and [[b]] and [[b]] again.\n"},
        {"notes/b.md", "See [the domain](../domains/handovers.md) and [[person/ada]].\n"},
        {"notes/c.md", "Myself: [[c]].\n"},
    }));
    CHECK(r.backlinks("domains/handovers.md") == std::vector<std::string>{"notes/a.md", "notes/b.md"});
    CHECK(r.backlinks("notes/b.md") == std::vector<std::string>{"notes/a.md"});
    CHECK(r.backlinks("people/ada.md") == std::vector<std::string>{"notes/b.md"});
    CHECK(r.backlinks("notes/c.md").empty());  // a page does not back-link to itself
    CHECK(r.backlinks("notes/a.md").empty());
}

TEST_CASE("people nobody names or links to are warned about", "[links]") {
    auto r = resolve({
        {"people/ada.md", "Ada\n"},
        {"people/bo.md", "Bo\n"},
        {"people/cy.md", "Cy, see [[people/cy]]\n"},
        {"people/dee.md", "Dee\n"},
        {"notes/n.md", "---\nauthors: [bo]\n---\nAsk [[dee]].\n"},
    });
    CHECK(r.messages ==
          std::vector<std::string>{
              "people/ada.md:1:1 no page refers to this person: name 'ada' as an attendee, author, "
              "convener, owner or role, or link to the profile",
              "people/cy.md:1:1 no page refers to this person: name 'cy' as an attendee, author, "
              "convener, owner or role, or link to the profile",
          });
}

TEST_CASE("a page's summary is its first paragraph as plain text, unless it gives one", "[links]") {
    std::string long_text;
    for (int i = 0; i < 60; ++i) long_text += "word ";
    auto r = resolve(with({
        {"notes/a.md", "# Title\n\nThe *first* [[handovers]] paragraph.\n\nThe second.\n"},
        {"notes/b.md", "---\nsummary: Given.\n---\nThe first paragraph.\n"},
        {"notes/c.md", long_text + "\n"},
    }));
    CHECK(r.page("notes/a.md").summary == "The first Safer handovers paragraph.");
    CHECK(r.page("notes/b.md").summary == "Given.");
    const std::string& cut = r.page("notes/c.md").summary;
    CHECK(cut.size() <= 200 + std::string("…").size());
    CHECK(cut.substr(cut.size() - std::string("…").size()) == "…");
    CHECK(cut.rfind("word word", 0) == 0);
}

TEST_CASE("generated addresses", "[links]") {
    links::Catalogue c;
    c.tags = {"night-shift"};
    for (const std::string url : {"/", "/timeline/", "/timeline/2016/", "/tags/", "/tags/night-shift/", "/feed.xml",
                                  "/meetings.ics", "/actions/", "/agenda/", "/stats/", "/search/", "/changes/"})
        CHECK(links::is_generated_address(url, c));
    for (const std::string url : {"/tags/day-shift/", "/timeline", "/notes/x/", "/feed.atom"})
        CHECK_FALSE(links::is_generated_address(url, c));
}

namespace {

bool same_catalogue(const links::Catalogue& a, const links::Catalogue& b) {
    return a.keys == b.keys && a.community == b.community && a.aliases == b.aliases && a.tags == b.tags &&
        a.folders == b.folders;
}

}  // namespace

// serve keeps the catalogue between rebuilds while its key is the same: every change to what
// catalogue_of reads must change the key, or a rebuild would resolve links against the old one.
TEST_CASE("The catalogue's key changes whenever the catalogue would", "[links]") {
    model::Site base;
    model::Page note;
    note.type = model::PageType::Note;
    note.slug = "handover";
    note.source_path = "notes/handover.md";
    note.url = "/notes/handover/";
    note.visibility = model::Visibility::Public;
    note.tags = {"nights"};
    note.aliases = {"old-handover"};
    model::Page guide;
    guide.type = model::PageType::Page;
    guide.slug = "setup";
    guide.source_path = "guides/setup.md";
    guide.url = "/guides/setup/";
    base.pages = {note, guide};
    base.assets.push_back({"assets/card.png", "/assets/card.png"});
    const auto key = links::catalogue_key(base);
    const auto catalogue = links::catalogue_of(base);
    CHECK(links::catalogue_key(base) == key);

    const std::vector<std::pair<std::string, std::function<void(model::Site&)>>> changes = {
        {"a slug", [](model::Site& s) { s.pages[0].slug = "handovers"; }},
        {"a source path", [](model::Site& s) { s.pages[1].source_path = "guides/more/setup.md"; }},
        {"an address", [](model::Site& s) { s.pages[0].url = "/notes/handovers/"; }},
        {"a type", [](model::Site& s) { s.pages[0].type = model::PageType::Meeting; }},
        {"a visibility", [](model::Site& s) { s.pages[0].visibility = model::Visibility::Community; }},
        {"a draft", [](model::Site& s) { s.pages[0].draft = true; }},
        {"an alias", [](model::Site& s) { s.pages[0].aliases[0] = "older-handover"; }},
        {"a tag", [](model::Site& s) { s.pages[0].tags[0] = "days"; }},
        {"an asset", [](model::Site& s) { s.assets[0].source_path = "assets/map.png"; }},
        {"a page gone", [](model::Site& s) { s.pages.pop_back(); }},
    };
    for (const auto& [what, change] : changes) {
        INFO("changed: " << what);
        model::Site changed = base;
        change(changed);
        CHECK_FALSE(same_catalogue(links::catalogue_of(changed), catalogue));  // the change matters...
        CHECK(links::catalogue_key(changed) != key);                           // ...and the key says so
    }
}

// The catalogue is made in two halves on two cores, and each folder above the pages is looked
// at once: the same catalogue as made in one pass, folder by folder for every page (the first
// type to name a folder's address keeps it).
TEST_CASE("the catalogue made on two threads is the one made in one pass", "[links]") {
    model::Site site;
    const std::vector<std::pair<model::PageType, std::string>> files = {
        {model::PageType::Meeting, "meetings/2019/03/2019-03-04-ward.md"},
        {model::PageType::Meeting, "meetings/2019/03/2019-03-11-ward.md"},
        {model::PageType::Note, "meetings/2019/notes-in-the-wrong-place.md"},  // meetings/2019/ is the meetings'
        {model::PageType::Note, "notes/Nights/handover.md"},
        {model::PageType::Person, "notes/nights/ada.md"},  // another spelling of the same folder
        {model::PageType::Page, "guides/setup/index.md"},
        {model::PageType::Domain, "domains/falls.md"},
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        model::Page p;
        p.type = files[i].first;
        p.source_path = files[i].second;
        p.slug = "page-" + std::to_string(i);
        p.url = "/" + std::string(model::type_folder(p.type)) + "/" + p.slug + "/";
        p.visibility = i % 2 ? model::Visibility::Public : model::Visibility::Community;
        p.tags = {"Nights", "handover"};
        if (i == 3) p.aliases = {"old-handover"};
        site.pages.push_back(p);
    }
    site.assets.push_back({"assets/card.png", "/assets/card.png"});
    parallel::Pool pool(2);
    const auto one = links::catalogue_of(site);
    const auto two = links::catalogue_of(site, links::catalogue_key(site), &pool);
    CHECK(same_catalogue(one, two));
    // The folders, as every page's every folder was once added, each time.
    std::unordered_map<std::string, std::string> folders;
    for (const auto& [path, folder] : model::page_folders(site.pages)) folders.emplace(folder.url, folder.url);
    for (const auto& p : site.pages) {
        if (p.type == model::PageType::Page) continue;
        for (auto slash = p.source_path.find('/'); slash != std::string::npos;
             slash = p.source_path.find('/', slash + 1))
            folders.emplace(model::folder_url(p.source_path.substr(0, slash)),
                            "/" + std::string(model::type_folder(p.type)) + "/");
    }
    CHECK(two.folders == folders);
    CHECK(two.folders.at("/meetings/2019/") == "/meetings/");
    CHECK(two.keys.count("path:assets/card.png") == 1);
    CHECK(two.community.count("path:meetings/2019/03/2019-03-04-ward.md") == 1);
    CHECK(two.community.count("path:meetings/2019/03/2019-03-11-ward.md") == 0);  // a public page
    CHECK(two.aliases.size() == 1);
}

TEST_CASE("the links step holds each page's HTML and words packed, and gives them back whole", "[links]") {
    std::string text = "---\ntitle: Long\n---\n";
    for (int i = 0; i < 100; ++i) text += "The night handover moved to the ward, week " + std::to_string(i) + ".\n\n";
    Resolved r = resolve({{"notes/long.md", text}, {"notes/short.md", "The handover moved to the ward.\n"}});
    const links::PageBody& body = *r.bodies()[r.index_of("notes/long.md")].body;
    const std::string html = body.html();
    CHECK(html.rfind("<p>The night handover moved to the ward, week 0.</p>\n", 0) == 0);
    CHECK(html.find("week 99.</p>") != std::string::npos);
    CHECK(html.find("week 99.\n") == std::string::npos);  // the words are not read with it
    const std::string words = body.plain_text();
    CHECK(words.rfind("The night handover moved to the ward, week 0.", 0) == 0);
    CHECK(words.find("week 42.") != std::string::npos);
    CHECK(words.find("<p>") == std::string::npos);
    CHECK(body.packed().unpacked() == html + words);
    CHECK(body.words_from() == html.size());
    // What a build saves: a 50,000-note memory's renderings held as they are were a quarter of
    // it. Packed together, the words cost little beside the HTML.
    CHECK(body.packed().held_bytes() * 4 < html.size() + words.size());
    // A page too short to pack on its own is as it was.
    const links::PageBody& short_body = *r.bodies()[r.index_of("notes/short.md")].body;
    CHECK(short_body.html() == "<p>The handover moved to the ward.</p>\n");
    CHECK(short_body.plain_text().find("The handover moved to the ward.") == 0);
}
