// Whole builds of the example memory and of small inline memories: every source
// becomes a page, every link resolves, output is deterministic and atomic.
#include <catch2/catch.hpp>

#include <set>

#include "prepared_example.hpp"

#include "site_fixture.hpp"
#include "test_support.hpp"

using namespace cp::testing;

namespace {

// The address a source file's page is written to, as the contract lays out.
std::string expected_output(const std::string& source) {
    std::string stem = fs::path(source).stem().string();
    std::string slug;
    bool dash = false;
    for (char c : stem) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            if (dash && !slug.empty()) slug += '-';
            dash = false;
            slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            dash = true;
        }
    }
    for (const std::string folder : {"domains", "meetings", "notes", "people"})
        if (source.rfind(folder + "/", 0) == 0) return folder + "/" + slug + "/index.html";
    if (source == "index.md") return "index.html";
    return slug + "/index.html";
}

}  // namespace

TEST_CASE("the example memory builds, every source becomes a page and every link resolves", "[site]") {
    TempFolder tmp;
    auto run = build_site(options_for(example_memory(), tmp / "site"));
    INFO(run.messages);
    REQUIRE(run.status == 0);
    auto files = read_tree(tmp / "site");

    std::size_t sources = 0;
    for (const auto& e : fs::recursive_directory_iterator(example_memory())) {
        std::string rel = fs::relative(e.path(), example_memory()).generic_string();
        if (!e.is_regular_file() || e.path().extension() != ".md") continue;
        std::string text = read_file(e.path());
        if (text.find("\ndraft: true") != std::string::npos) {
            CHECK(files.count(expected_output(rel)) == 0);  // drafts stay out without --drafts
            continue;
        }
        ++sources;
        INFO(rel);
        CHECK(files.count(expected_output(rel)) == 1);
    }
    CHECK(sources >= 60);

    std::size_t checked = 0;
    for (const auto& [path, content] : files) {
        if (path.size() < 5 || path.substr(path.size() - 5) != ".html") continue;
        for (const auto& link : links_in(content)) {
            std::string target = link_target(path, link);
            if (target.empty()) continue;
            INFO(path << " links to " << link);
            CHECK(files.count(target) == 1);
            ++checked;
        }
    }
    CHECK(checked > 500);
    // The images the example uses are copied.
    CHECK(files.count("assets/images/sbar-handover-card.svg") == 1);
    CHECK(files.count("static/style.css") == 1);
}

TEST_CASE("two builds of the same memory are byte-identical", "[site]") {
    TempFolder tmp;
    REQUIRE(build_site(options_for(example_memory(), tmp / "a")).status == 0);
    auto opts = options_for(example_memory(), tmp / "b");
    opts.jobs = 1;  // a different thread count must not change a byte either
    REQUIRE(build_site(opts).status == 0);
    auto a = read_tree(tmp / "a");
    auto b = read_tree(tmp / "b");
    REQUIRE(a.size() == b.size());
    for (const auto& [path, bytes] : a) {
        INFO(path);
        REQUIRE(b.count(path) == 1);
        CHECK(b.at(path) == bytes);
    }
}

TEST_CASE("a failing build leaves the earlier output untouched", "[site]") {
    TempFolder tmp;
    write_files(tmp / "memory", {{"notes/first.md", "---\ntitle: First\n---\nHello.\n"}});
    auto opts = options_for(tmp / "memory", tmp / "site");
    REQUIRE(build_site(opts).status == 0);
    auto before = read_tree(tmp / "site");
    REQUIRE(before.count("notes/first/index.html") == 1);

    write_file(tmp / "memory/notes/broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    write_file(tmp / "memory/notes/first.md", "---\ntitle: First, edited\n---\nHello again.\n");
    auto run = build_site(opts);
    CHECK(run.status == 1);
    CHECK(run.messages.find("notes/broken.md:2:8: error: front matter does not parse") != std::string::npos);
    CHECK(read_tree(tmp / "site") == before);
    // No staging folder is left behind beside the output.
    for (const auto& e : fs::directory_iterator(tmp.path()))
        CHECK(e.path().filename().string().find(".building-") == std::string::npos);
}

TEST_CASE("a successful build replaces the earlier output whole", "[site]") {
    TempFolder tmp;
    write_files(tmp / "memory", {{"notes/first.md", "# First\n\nHello.\n"}, {"notes/second.md", "# Second\n"}});
    auto opts = options_for(tmp / "memory", tmp / "site");
    REQUIRE(build_site(opts).status == 0);
    fs::remove(tmp / "memory/notes/second.md");
    REQUIRE(build_site(opts).status == 0);
    CHECK(fs::exists(tmp / "site/notes/first/index.html"));
    CHECK_FALSE(fs::exists(tmp / "site/notes/second/index.html"));  // no stale page survives
}

TEST_CASE("a memory's layouts folder overrides one template of the theme", "[site][theme]") {
    TempFolder tmp;
    write_files(tmp / "memory",
                {
                    {"notes/tip.md", "---\ntitle: A tip\nkind: tip\n---\nUse the card.\n"},
                    {"layouts/note.mustache", "<p class=\"custom-note\">{{page.title}} / {{page.kind}}</p>"},
                });
    REQUIRE(build_site(options_for(tmp / "memory", tmp / "site")).status == 0);
    std::string html = read_file(tmp / "site/notes/tip/index.html");
    CHECK(html.find("<p class=\"custom-note\">A tip / tip</p>") != std::string::npos);
    CHECK(html.find("<header class=\"site-header\">") != std::string::npos);  // the base layout still wraps it
}

TEST_CASE("the example's pages show their type's fields", "[site][theme]") {
    TempFolder tmp;
    REQUIRE(build_site(options_for(example_memory(), tmp / "site")).status == 0);
    std::string meeting = read_file(tmp / "site/meetings/2015-03-12-kickoff/index.html");
    CHECK(meeting.find("12 March 2015</time>, 13:30–16:30") != std::string::npos);
    CHECK(meeting.find("Attendees (6)") != std::string::npos);
    CHECK(meeting.find("<a href=\"../../people/ada-okafor/\">Ada Okafor</a>") != std::string::npos);
    CHECK(meeting.find("Two student nurses from Northbridge University") != std::string::npos);  // a free name, as text
    CHECK(meeting.find("<h2>Actions</h2>") != std::string::npos);
    CHECK(meeting.find("What went well") != std::string::npos);
    std::string domain = read_file(tmp / "site/domains/safer-handovers/index.html");
    CHECK(domain.find("Learning agenda") != std::string::npos);
    CHECK(domain.find("Conveners") != std::string::npos);
    std::string person = read_file(tmp / "site/people/ada-okafor/index.html");
    CHECK(person.find("Can help with") != std::string::npos);
    // The header carries the community's name and the navigation.
    CHECK(person.find("Safer Care Community of Practice</a>") != std::string::npos);
    for (const std::string label : {"Domains", "Meetings", "Notes", "People", "Timeline", "Search"})
        CHECK(person.find(">" + label + "</a>") != std::string::npos);
    // Raw HTML in Markdown is never let through.
    CHECK(person.find("<script") == std::string::npos);
}

TEST_CASE("the problems a build prints quote their source lines, though it lets the pages' texts go", "[site]") {
    // Warnings from the links step, one a file; the build frees every page's text but those the
    // printed problems quote.
    MemoryFiles files{{"notes/secret.md", "---\nvisibility: community\n---\nShh\n"}};
    for (const std::string name : {"a", "b", "c", "d"})
        files["notes/" + name + ".md"] = "---\nvisibility: public\n---\nFrom " + name + ", see [[secret]].\n";
    TempMemory memory(files);
    auto options = options_for(memory.root(), memory.output());
    options.audience = cp::audience::Audience::Public;
    options.max_problems = 2;
    BuildRun capped = build_site(options);
    REQUIRE(capped.status == 0);
    CHECK(capped.messages.find("notes/a.md:4:13: warning: this public page links to a community page") !=
          std::string::npos);
    CHECK(capped.messages.find("    From a, see [[secret]].\n") != std::string::npos);
    CHECK(capped.messages.find("    From b, see [[secret]].\n") != std::string::npos);
    CHECK(capped.messages.find("From c") == std::string::npos);
    CHECK(capped.messages.find("... and 2 more problems not shown") != std::string::npos);

    options.max_problems = 0;  // all of them, each with its line
    BuildRun all = build_site(options);
    REQUIRE(all.status == 0);
    for (const std::string name : {"a", "b", "c", "d"})
        CHECK(all.messages.find("    From " + name + ", see [[secret]].\n") != std::string::npos);
}

TEST_CASE("a build makes each file it writes as it writes it, the same as the list serve holds", "[site]") {
    // A build no longer holds the list of every file's name and producer through its write step
    // (24 MB at 50,000 notes): output_file(k) is made when file k is written.
    PreparedExample example;
    const auto& prepared = example.prepared;
    REQUIRE(prepared->resolved);
    const auto& site = prepared->resolved->site();
    const auto& theme = *prepared->loaded.theme;
    auto listed = cp::site::output_files(site, prepared->outputs, theme);
    REQUIRE(cp::site::output_file_count(site, prepared->outputs) == listed.size());
    REQUIRE(listed.size() > site.pages.size());  // the site's pages, and the lists and files besides
    for (std::size_t k = 0; k < listed.size(); ++k) {
        auto made = cp::site::output_file(site, prepared->outputs, theme, k);
        CHECK(made.path == listed[k].path);
        CHECK(made.origin == listed[k].origin);
        std::string a, b;
        made.produce([&](std::string_view piece) { a.append(piece); });
        listed[k].produce([&](std::string_view piece) { b.append(piece); });
        CHECK(a == b);
    }
}
