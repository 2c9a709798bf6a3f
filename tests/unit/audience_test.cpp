// The audience filter, the community blocks, e-mail addresses, and the public build's
// audit (its text normalisation, its matcher, its facts and its reading of files).
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "audience/audit.hpp"
#include "audience/audit_facts.hpp"
#include "audience/emails.hpp"
#include "audience/filter.hpp"
#include "model/page_reader.hpp"
#include "model/slug.hpp"
#include "output/writer.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "site_fixture.hpp"

using namespace cp;
using audience::Audience;

namespace {

model::Page page(const std::string& path, model::Visibility visibility, const std::string& body = {}) {
    model::Page p;
    p.source_path = path;
    p.slug = model::slugify(model::stem_of(path));
    p.url = "/notes/" + p.slug + "/";
    p.type = model::PageType::Note;
    p.title = "Title of " + p.slug;
    p.title_from_front_matter = true;
    p.visibility = visibility;
    p.body = body;
    return p;
}

std::vector<std::size_t> found_in(const audience::Matcher& m, const std::string& text) {
    std::vector<std::size_t> out;
    m.scan(text, [&](std::size_t i) { out.push_back(i); });
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("community blocks: found, closed, unclosed and nested", "[audience]") {
    auto blocks = audience::community_blocks("a\n:::community\nsecret\nmore\n:::\nb\n::: Community only\nx\n");
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].first_line == 1);
    CHECK(blocks[0].end_line == 4);
    CHECK(blocks[0].text == "secret\nmore");
    CHECK(blocks[1].first_line == 6);
    CHECK(blocks[1].end_line == 8);  // unclosed: runs to the end
    CHECK(blocks[1].text == "x");

    // A nested :::note's closing line does not end the community block.
    auto nested = audience::community_blocks(":::community\n:::note\ninner\n:::\nstill secret\n:::\nopen\n");
    REQUIRE(nested.size() == 1);
    CHECK(nested[0].end_line == 5);
    CHECK(nested[0].text.find("still secret") != std::string::npos);

    for (const std::string opener :
         {":::community", "::: community", "::::Community", "  :::COMMUNITY  ", "::: {.community}"}) {
        INFO(opener);
        CHECK(audience::community_blocks(opener + "\nhidden\n:::\n").size() == 1);
    }
    CHECK(audience::community_blocks(":::note\ntext\n:::\n").empty());
    CHECK(audience::community_blocks("text :::community\nmore\n").empty());
}

TEST_CASE("community blocks: removed from a public body, marked in a community one, lines kept", "[audience]") {
    std::string body = "open\n:::community\nsecret\n:::\nafter\n";
    CHECK(audience::filter_community_blocks(body, Audience::Public) == "open\n\n\n\nafter\n");
    CHECK(audience::filter_community_blocks(body, Audience::Community) ==
          "open\n<!--cp:community-->\nsecret\n<!--cp:end-->\nafter\n");
    // Unclosed: the rest of the file is gone, fail closed.
    CHECK(audience::filter_community_blocks("open\n:::community\nsecret\nmore", Audience::Public) == "open\n\n\n");
    CHECK(audience::filter_community_blocks("open\n:::community\nsecret", Audience::Community) ==
          "open\n<!--cp:community-->\nsecret\n<!--cp:end-->\n");
    CHECK(audience::filter_community_blocks("no blocks\n", Audience::Public) == "no blocks\n");
}

TEST_CASE("keeps: only exact public pages in a public build, no drafts without --drafts", "[audience]") {
    using model::Visibility;
    audience::FilterOptions open{Audience::Public, false}, members{Audience::Community, false},
        open_drafts{Audience::Public, true};
    auto pub = page("notes/a.md", Visibility::Public), com = page("notes/b.md", Visibility::Community);
    CHECK(audience::keeps(pub, open));
    CHECK_FALSE(audience::keeps(com, open));
    CHECK(audience::keeps(com, members));
    pub.draft = com.draft = true;
    CHECK_FALSE(audience::keeps(pub, open));
    CHECK_FALSE(audience::keeps(com, members));
    CHECK(audience::keeps(pub, open_drafts));
    CHECK_FALSE(audience::keeps(com, open_drafts));
}

TEST_CASE("public names: full, or initials of every part, whole UTF-8 characters", "[audience]") {
    CHECK(audience::public_name("Ada Okafor", "full") == "Ada Okafor");
    CHECK(audience::public_name("Ada Okafor", "initials") == "A.O.");
    CHECK(audience::public_name("Émile Saint-Zola", "initials") == "É.S.Z.");
    CHECK(audience::public_name("Ōta", "initials") == "Ō.");
}

TEST_CASE("e-mail addresses are found and hidden", "[audience]") {
    CHECK(audience::without_email_addresses("mail ada.okafor+x@nhs.example.org. Thanks") ==
          "mail (e-mail hidden). Thanks");
    CHECK(audience::without_email_addresses("no @ here, or a@b, or @handle") == "no @ here, or a@b, or @handle");
    auto found = audience::find_email_addresses("x <a@b.io> y c.d@e-f.co.uk");
    REQUIRE(found.size() == 2);
    CHECK(found[0] == std::make_pair(std::size_t{3}, std::size_t{6}));
    CHECK(found[1] == std::make_pair(std::size_t{13}, std::size_t{13}));
}

TEST_CASE("filter: removes community pages, names hidden people, strips blocks and addresses", "[audience]") {
    using model::Visibility;
    model::Site site;
    site.config.public_names = "initials";
    auto note = page("notes/open.md", Visibility::Public, ":::community\n# Secret heading\n:::\nText.\n");
    note.title_from_front_matter = false;
    note.title = "Secret heading";
    note.params = {{"contact", "write to ada@example.org"}, {"list", {"b@example.org"}}};
    note.location = "Call ada@example.org";
    note.attendees.push_back({"ada@example.org", 3, 1, {}, {}});
    auto person = page("people/ada.md", Visibility::Community);
    person.type = model::PageType::Person;
    person.title = "Ada Okafor";
    site.pages = {note, person, page("notes/secret.md", Visibility::Community)};

    parallel::Pool pool(2);
    auto open = audience::filter(site, {Audience::Public, false}, pool);
    REQUIRE(open.pages.size() == 1);
    const auto& p = open.pages[0];
    CHECK(open.audience == Audience::Public);
    CHECK(p.body == "\n\n\nText.\n");
    CHECK(p.title == "Open");  // the heading was inside the block: the file name gives the title
    CHECK(p.params["contact"] == "write to (e-mail hidden)");
    CHECK(p.params["list"][0] == "(e-mail hidden)");
    CHECK(p.location == "Call (e-mail hidden)");
    CHECK(p.attendees[0].text == "(e-mail hidden)");
    CHECK(open.hidden_people.at("ada") == "A.O.");

    auto members = audience::filter(site, {Audience::Community, false}, pool);
    CHECK(members.pages.size() == 3);
    CHECK(members.pages[0].title == "Secret heading");
    CHECK(members.hidden_people.empty());
}

TEST_CASE("filter: history keeps only what touched kept pages, subjects only when clean", "[audience]") {
    using model::Visibility;
    model::Site site;
    site.pages = {page("notes/open.md", Visibility::Public), page("notes/secret.md", Visibility::Community)};
    auto commit = [](std::string id, std::string subject, std::vector<std::string> paths) {
        history::Commit c;
        c.id = std::move(id);
        c.subject = std::move(subject);
        c.paths = std::move(paths);
        return c;
    };
    site.history.recent = {
        commit("c1", "secret only", {"notes/secret.md"}), commit("c2", "both", {"notes/open.md", "notes/secret.md"}),
        commit("c3", "open only", {"notes/open.md"}), commit("c4", "Merge branch 'sponsor-talks'", {})};
    history::Revision r2, r3, old;
    auto facts = [](const std::string& id, const std::string& subject) {
        history::CommitFacts f;
        f.commit = id;
        f.subject = subject;
        return std::make_shared<const history::CommitFacts>(f);
    };
    r2.facts = facts("c2", "both");
    r3.facts = facts("c3", "open only");
    old.facts = facts("c0", "too old to know");
    site.history.files["notes/open.md"].revisions = {r3, r2, old};
    site.history.files["notes/secret.md"].revisions = {r2};

    parallel::Pool pool(2);
    auto open = audience::filter(site, {Audience::Public, false}, pool);
    REQUIRE(open.history.recent.size() == 2);
    CHECK(open.history.recent[0].id == "c2");
    CHECK(open.history.recent[0].subject.empty());
    CHECK(open.history.recent[0].paths == std::vector<std::string>{"notes/open.md"});
    CHECK(open.history.recent[1].subject == "open only");
    CHECK(open.history.files.count("notes/secret.md") == 0);
    const auto& revs = open.history.files.at("notes/open.md").revisions;
    CHECK(revs[0].subject() == "open only");
    CHECK(revs[1].subject().empty());
    CHECK(revs[2].subject().empty());  // not among the recent commits: not known to be clean
    // Hidden from this build, not from the commit's facts, which the history it was made from shares.
    CHECK(r2.subject() == "both");
    CHECK(revs[1].facts->subject == "both");

    // A commit that touched no page (a merge) is never in a public build: its subject may name anything.
    for (const auto& c : open.history.recent) CHECK(c.id != "c4");

    auto members = audience::filter(site, {Audience::Community, false}, pool);
    CHECK(members.history.recent.size() == 4);
    CHECK(members.history.recent[1].subject == "both");
    CHECK(members.history.recent[3].subject == "Merge branch 'sponsor-talks'");
}

TEST_CASE("visibility: only the exact values count, anything else is an error and community", "[audience]") {
    config::Config public_default;
    public_default.default_visibility = "public";
    for (const std::string value : {"Public", "yes", "private", "true", "[public]", "public "}) {
        INFO(value);
        diag::Sink sink;
        source::SourceFile f;
        f.path = "notes/a.md";
        f.content = "---\ntitle: A\nvisibility: " + value + "\n---\nText.\n";
        auto p = model::read_page(f, public_default, sink);
        REQUIRE(p);
        bool quoted_exact = value == "public ";  // YAML drops the trailing space: exactly "public"
        CHECK(p->visibility == (quoted_exact ? model::Visibility::Public : model::Visibility::Community));
        CHECK(sink.has_errors() != quoted_exact);
        if (!quoted_exact) {
            auto d = sink.sorted();
            CHECK(d[0].line == 3);
            CHECK(d[0].column == 13);
        }
    }
}

TEST_CASE("audit text: entities and escapes decoded, lower-cased, white space folded", "[audience]") {
    using audience::audit_text;
    CHECK(audit_text("Ada&#39;s  &amp;\n<b>Tea</b>") == "ada's & <b>tea</b>");
    CHECK(audit_text("\"Ada\\u0027s \\\"notes\\\"\\nmore\"") == "\"ada's \"notes\" more\"");
    CHECK(audit_text("caf\\u00e9 &#x2014; &#8212; &nbsp;x") == "caf\xc3\xa9 \xe2\x80\x94 \xe2\x80\x94 x");
    CHECK(audit_text("\\*not emphasis\\*") == "*not emphasis*");
    CHECK(audit_text("&unknown; &") == "&unknown; &");
}

TEST_CASE("matcher: many needles at once, whole matches only", "[audience]") {
    using audience::Edge;
    audience::Matcher m;
    m.add("ada okafor", Edge::Word);    // 0
    m.add("night-shift", Edge::Slug);   // 1
    m.add("/notes/x/", Edge::UrlPath);  // 2
    m.add("a@b.org", Edge::Email);      // 3
    m.add("okafor", Edge::Word);        // 4
    m.add("", Edge::Word);              // 5: never matches
    m.build();
    CHECK(found_in(m, "by ada okafor.") == std::vector<std::size_t>{0, 4});
    CHECK(found_in(m, "canada okaforx").empty());
    CHECK(found_in(m, "the night-shift team") == std::vector<std::size_t>{1});
    CHECK(found_in(m, "night-shifts, late-night-shift").empty());
    CHECK(found_in(m, "href=\"../../notes/x/\"") == std::vector<std::size_t>{2});
    CHECK(found_in(m, "/notes/x/index.html /notes/x/#a") == std::vector<std::size_t>{2});
    CHECK(found_in(m, "/notes/x/more/ /notes/x/y.png").empty());
    CHECK(found_in(m, "mail a@b.org.") == std::vector<std::size_t>{3});
    CHECK(found_in(m, "mail da@b.org a@b.orgs").empty());
}

namespace {

// A small memory loaded as the build loads it, for the audit's facts.
struct Loaded {
    testing::TempFolder tmp;
    site::Loaded loaded;
    explicit Loaded(const std::map<std::string, std::string>& files) {
        testing::write_files(tmp / "memory", files);
        diag::Sink sink;
        parallel::Pool pool(2);
        // Loaded as a public build loads: it keeps the front matter its audit reads.
        site::BuildOptions options = testing::options_for(tmp / "memory", tmp / "out");
        options.audience = Audience::Public;
        loaded = site::load(options, pool, sink);
        REQUIRE_FALSE(sink.has_errors());
    }
    audience::AuditFacts facts(bool drafts = false) const {
        return audience::audit_facts(loaded.site, loaded.versions_as_written, loaded.snapshot,
                                     {Audience::Public, drafts});
    }
};

const audience::Forbidden* forbidden(const audience::AuditFacts& facts, const std::string& text) {
    for (const auto& f : facts.forbidden)
        if (f.text == text) return &f;
    return nullptr;
}

}  // namespace

TEST_CASE("matcher: agrees with a plain search on thousands of overlapping needles", "[audience]") {
    // Needles and texts over three letters, a dash and a space share prefixes and suffixes
    // everywhere, so the scan goes through full-table nodes, short edge runs and failure
    // links all the time; a plain find() of each needle, with the same edges, is the answer.
    using audience::Edge;
    std::mt19937 random(20261122);
    auto word = [&](std::size_t min, std::size_t max) {
        static const char letters[] = "ab- c";
        std::string w(std::uniform_int_distribution<std::size_t>(min, max)(random), 'a');
        for (char& c : w) c = letters[std::uniform_int_distribution<int>(0, 4)(random)];
        return w;
    };
    for (int round = 0; round < 20; ++round) {
        audience::Matcher m;
        std::vector<std::string> needles;
        for (int n = 0; n < 300; ++n) {
            needles.push_back(word(1, 7));
            m.add(needles.back(), Edge::Dashed);
        }
        m.build();
        for (int t = 0; t < 20; ++t) {
            std::string text = word(0, 400);
            std::vector<std::size_t> expected;
            for (std::size_t n = 0; n < needles.size(); ++n) {
                for (std::size_t at = text.find(needles[n]); at != std::string::npos;
                     at = text.find(needles[n], at + 1)) {
                    std::size_t end = at + needles[n].size();
                    bool before = at == 0 || text[at - 1] == '-' || text[at - 1] == ' ';
                    bool after = end == text.size() || text[end] == '-' || text[end] == ' ';
                    if (before && after) {
                        expected.push_back(n);
                        break;
                    }
                }
            }
            INFO("round " << round << ", text \"" << text << "\"");
            REQUIRE(found_in(m, text) == expected);
        }
    }
}

TEST_CASE("audit facts: what a public build must not write, and what it may", "[audience]") {
    Loaded m({{"commonplace.yaml", "public_names: full\n"},
              {"people/ada-okafor.md", "---\nname: Ada Okafor\ngit: [ada@example.org]\n---\n"},
              {"people/bo-secret-person.md", "---\nname: Bo Secretperson\n---\n"},
              {"notes/open.md",
               "---\nvisibility: public\nattendees: []\nauthors: [ada-okafor]\ntags: [handover]\n---\n"
               "Open text about the night handover rota.\n\n:::community\n"
               "The sponsor is leaving the trust in May.\nok\n:::\n\n![c](../assets/open.png)\n"},
              {"notes/night-handover-rota.md", "---\ntitle: Night handover rota\n---\n"},
              {"notes/why-incident-reports-dry-up.md",
               "---\ntitle: Why incident reports dry up\ntags: [candid-only-tag, handover]\naliases: [/old/why/]\n"
               "contact: someone@example.net\n---\nSecret.\n"},
              {"notes/x.md", "---\ntitle: X\n---\n"},
              {"assets/open.png", "o"},
              {"assets/secret.png", "s"}});
    auto facts = m.facts();
    auto has = [&](const std::string& text) { return forbidden(facts, text) != nullptr; };
    // Addresses of every page left out, its aliases and tags only it uses, and unused assets.
    CHECK(has("/notes/why-incident-reports-dry-up/"));
    CHECK(has("/notes/x/"));
    CHECK(has("/old/why/"));
    CHECK(has("/tags/candid-only-tag/"));
    CHECK_FALSE(has("/tags/handover/"));
    CHECK(has("/assets/secret.png"));
    CHECK_FALSE(has("/assets/open.png"));
    // Distinctive titles and slugs, unless public text holds them too.
    CHECK(has("why incident reports dry up"));
    CHECK(has("why-incident-reports-dry-up"));
    CHECK_FALSE(has("night handover rota"));  // the public note says it
    CHECK_FALSE(has("night-handover-rota"));
    CHECK_FALSE(has("x"));           // too short to tell from a word
    CHECK(has("bo secretperson"));   // named by no public page
    CHECK_FALSE(has("ada okafor"));  // a public page names her: shown by name
    // The block's text, and every address from git: or front matter.
    CHECK(has("the sponsor is leaving the trust in may"));
    CHECK(has("ada@example.org"));
    CHECK(has("someone@example.net"));
    CHECK(forbidden(facts, "why incident reports dry up")->what ==
          "the title of community page notes/why-incident-reports-dry-up.md");

    // With initials, the full name of a person without a public profile is forbidden too.
    Loaded initials({{"commonplace.yaml", "public_names: initials\n"},
                     {"people/ada-okafor.md", "---\nname: Ada Okafor\n---\n"},
                     {"notes/open.md", "---\nvisibility: public\nauthors: [ada-okafor]\n---\nText.\n"}});
    CHECK(forbidden(initials.facts(), "ada okafor") != nullptr);
}

TEST_CASE("auditor: finds leaks however the output wrote them", "[audience]") {
    audience::AuditFacts facts;
    facts.base_url = "https://example.org/site/";
    facts.forbidden = {{"why incident reports dry up", audience::Edge::Word, "the title"},
                       {"/notes/secret-page/", audience::Edge::UrlPath, "the address"},
                       {"ada@example.org", audience::Edge::Email, "an address"}};
    facts.urls = {"/notes/secret-page/", "/assets/s.png"};
    audience::Auditor auditor(facts);
    auto whats = [&](const std::string& path, const std::string& content) {
        std::vector<std::string> out;
        for (const auto& f : auditor.check(path, content)) out.push_back(f.what + (f.in_name ? " (name)" : ""));
        return out;
    };
    using V = std::vector<std::string>;
    CHECK(whats("index.html", "<p>Nothing here</p>").empty());
    CHECK(whats("index.html", "<h1>Why incident reports dry&#32;up</h1>") == V{"the title"});
    CHECK(whats("search/docs/0.js", "[\"Why incident \\u0072eports dry up\"]") == V{"the title"});
    CHECK(whats("meetings.ics", "SUMMARY:Why incident rep\r\n orts dry up\r\n") == V{"the title"});
    CHECK(whats("notes/secret-page/index.html", "") == V{"the address (name)"});
    CHECK(whats("people/a/index.html", "<a href=\"../../notes/secret-page/#x\">a</a>") ==
          V{"the address", "a link to the address"});
    CHECK(whats("notes/b/index.html", "<a href=\"../secret-page/\">a</a>") == V{"a link to the address"});
    CHECK(whats("notes/b/index.html", "<img src=\"../../assets/s.png\">") ==
          V{"a link to an address this build leaves out"});
    CHECK(whats("feed.xml", "<link href=\"https://example.org/site/notes/secret-page/\"/>") ==
          V{"the address", "a link to the address"});
    CHECK(whats("notes/b/index.html", "write to ADA@example.org").size() == 1);
}

TEST_CASE("audit of written output: each leak is an error naming the file", "[audience]") {
    testing::TempFolder tmp;
    audience::AuditFacts facts;
    facts.forbidden = {{"why incident reports dry up", audience::Edge::Word, "the title of notes/w.md"}};
    diag::Sink sink;
    {
        output::SiteWriter writer(tmp / "site");
        writer.write("index.html", "<p>clean</p>", "test");
        writer.write("notes/a/index.html", "<p>Why incident reports dry up</p>", "test");
        parallel::Pool pool(2);
        site::audit_public_output(writer, facts, pool, sink);
    }
    auto d = sink.sorted();
    REQUIRE(d.size() == 1);
    CHECK(d[0].path == "notes/a/index.html");
    CHECK(d[0].message == "public output leaks the title of notes/w.md: \"why incident reports dry up\"");
}

TEST_CASE("audit facts: subjects of commits that touched pages left out", "[audience]") {
    using model::Visibility;
    model::Site site;
    site.pages = {page("notes/open.md", Visibility::Public), page("notes/secret.md", Visibility::Community)};
    auto commit = [](std::string subject, std::vector<std::string> paths) {
        history::Commit c;
        c.id = "0123456789abcdef";
        c.subject = std::move(subject);
        c.paths = std::move(paths);
        return c;
    };
    site.history.recent = {commit("Move the sponsor's notes", {"notes/open.md", "notes/secret.md"}),
                           commit("Fix typos in two notes", {"notes/secret.md"}),
                           commit("Fix typos in two notes", {"notes/open.md"}),
                           commit("Add the public summary", {"notes/open.md"}), commit("Typo", {"notes/secret.md"})};
    auto facts = audience::audit_facts(site, {}, source::Snapshot{}, {Audience::Public, false});
    std::vector<std::string> subjects;
    for (const auto& f : facts.forbidden)
        if (f.what.rfind("the subject of commit", 0) == 0) subjects.push_back(f.text);
    // A clean commit's subject is shown, so the same words elsewhere are allowed; "Typo" is too short.
    CHECK(subjects == std::vector<std::string>{"move the sponsor's notes"});
}

TEST_CASE("filter: a public build lists only the assets its pages mention", "[audience]") {
    using model::Visibility;
    model::Site site;
    site.pages = {page("notes/open.md", Visibility::Public, "![a](../assets/my%20chart.png)\n"),
                  page("notes/secret.md", Visibility::Community, "![b](../assets/secret.png)\n")};
    site.pages[0].params = {{"image", "../assets/photo.jpg"}};
    site.assets = {{"assets/my chart.png", "/assets/my chart.png"},
                   {"assets/photo.jpg", "/assets/photo.jpg"},
                   {"assets/secret.png", "/assets/secret.png"}};
    parallel::Pool pool(2);
    auto open = audience::filter(site, {Audience::Public, false}, pool);
    REQUIRE(open.assets.size() == 2);
    CHECK(open.assets[0].url == "/assets/my chart.png");
    CHECK(open.assets[1].url == "/assets/photo.jpg");
    CHECK(audience::filter(site, {Audience::Community, false}, pool).assets.size() == 3);
}
