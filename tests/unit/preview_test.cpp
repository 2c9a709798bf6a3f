// serve's preview (site/preview.hpp) against fresh builds: after every kind of change a
// reporter makes (a note's text, its title, a new note, a rename, a deletion, a domain, a
// person, a picture), every file the preview shows is byte for byte what `commonplace build`
// writes for the same files, and it shows no file the build does not write. This is where
// partial rebuilds go stale; the preview reuses what did not change (site::BuildCache), so
// each step is checked against a build that reuses nothing.
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/watch.hpp"
#include "git_fixture.hpp"
#include "site/preview.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

MemoryFiles starting_memory() {
    MemoryFiles m;
    m["commonplace.yaml"] = "title: Ward memory\nbase_url: https://example.org/memory/\ntimezone: Europe/London\n";
    m["domains/handover.md"] =
        "---\ntitle: Night handover\nconveners: [ada-okafor]\nphase: maturing\npractices: [SBAR]\n"
        "visibility: public\nlearning_agenda:\n  - question: What makes a handover safe?\n---\n"
        "How we hand over at night. See [[first-sbar-trial]].\n";
    m["domains/falls.md"] = "---\ntitle: Falls\nvisibility: public\n---\nFalls on the ward.\n";
    m["people/ada-okafor.md"] = "---\ntitle: Ada Okafor\nroles: [member]\nvisibility: public\n---\nSister on Ward 7.\n";
    m["people/tom-bramley.md"] = "---\ntitle: Tom Bramley\nroles: [member]\n---\nCharge nurse.\n";
    m["meetings/2024-03-05-handover-review.md"] =
        "---\ntitle: Handover review\ndate: 2024-03-05\ndomains: [handover]\nattendees: [ada-okafor, tom-bramley]\n"
        "actions:\n  - action: Try SBAR for a month\n    owner: tom-bramley\n    due: 2024-04-05\n---\n"
        "We looked at [the first trial](../notes/first-sbar-trial.md).\n";
    m["notes/first-sbar-trial.md"] =
        "---\ntitle: First SBAR trial\ndate: 2024-02-10\ndomains: [handover]\ntags: [sbar, nights]\n"
        "authors: [ada-okafor]\nvisibility: public\n---\nWe tried SBAR on three nights.\n\n![The card](card.png)\n";
    m["notes/card.png"] = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x08\x08\x02\0\0\0", 29);
    m["notes/falls-audit.md"] =
        "---\ntitle: Falls audit\ndate: 2023-11-02\ndomains: [falls]\ntags: [audit]\n---\n"
        "Twelve falls in a quarter. Compare [[first-sbar-trial]].\n";
    m["notes/bed-rails.md"] = "# Bed rails\n\nA note with no front matter, about [[falls-audit]].\n";
    return m;
}

// The memory in a git repository with two commits (so pages have history and versions), and
// the working tree holding the second.
struct RepoMemory {
    TempMemory memory;
    explicit RepoMemory(const MemoryFiles& files) : memory(files) {
        GitRepo repo(memory.root());
        MemoryFiles first = files;
        first["notes/first-sbar-trial.md"] =
            "---\ntitle: First SBAR trial\ndate: 2024-02-10\ndomains: [handover]\nvisibility: public\n---\nA draft.\n";
        first.erase("notes/bed-rails.md");
        Signature ada{"Ada Okafor", "ada@example.org", utc("2024-02-11"), 0};
        Signature tom{"Tom Bramley", "tom@example.org", utc("2024-03-06"), 0};
        std::string one = repo.commit(text_files(first), {}, ada, "First notes", "HEAD");
        repo.commit(text_files(files), {one}, tom, "The handover review", "HEAD");
    }
};

site::BuildOptions options_of(const TempMemory& memory, const fs::path& out, audience::Audience audience) {
    auto options = options_for(memory.root(), out);
    options.audience = audience;
    return options;
}

// Every file of a fresh build against the preview's: the same paths and the same bytes.
void check_same_as_build(site::Preview& preview, const TempMemory& memory, audience::Audience audience,
                         const std::string& step) {
    INFO("after: " << step);
    TempFolder out;
    auto run = build_site(options_of(memory, out.path() / "site", audience));
    REQUIRE(run.status == site::kExitOk);
    auto built = read_tree(out.path() / "site");
    REQUIRE(built.size() > 20);
    std::vector<std::string> built_paths;
    built_paths.reserve(built.size());
    for (const auto& [path, bytes] : built) built_paths.push_back(path);
    CHECK(preview.paths() == built_paths);
    std::size_t differ = 0;
    for (const auto& [path, bytes] : built) {
        auto shown = preview.file(path);
        if (!shown || *shown != bytes) {
            ++differ;
            UNSCOPED_INFO("differs: " << path);
        }
    }
    CHECK(differ == 0);
}

// Gives every file written in the last minute a modification time an hour ago (a second apart
// each time), as files saved a while before a rebuild have: the preview reads again only
// files whose size or time changed, and trusts none changed in the last two seconds.
void settle(const TempMemory& memory) {
    static int tick = 0;
    const auto now = fs::file_time_type::clock::now();
    for (const auto& e : fs::recursive_directory_iterator(memory.root())) {
        if (!e.is_regular_file() || e.path().string().find("/.git/") != std::string::npos) continue;
        if (e.last_write_time() > now - std::chrono::minutes(1))
            fs::last_write_time(e.path(), now - std::chrono::hours(1) + std::chrono::seconds(++tick));
    }
}

// How a rebuild learns what changed: it walks every folder again, or (as serve does) it is told
// the paths serve's watcher saw, and looks at those alone.
enum class Told { Nothing, ByWatcher };

void rebuild(site::Preview& preview, cli::SourceWatcher* watcher = nullptr) {
    std::ostringstream err;
    std::optional<std::vector<std::string>> changed;
    if (watcher) {
        watcher->wait_for_change(std::chrono::milliseconds(100));  // the events are queued by now
        changed = watcher->take_changes();
    }
    bool ok = preview.rebuild(err, changed);
    INFO(err.str());
    REQUIRE(ok);
}

}  // namespace

TEST_CASE("The preview shows what a fresh build writes, after every kind of change", "[preview]") {
    for (auto told : {Told::Nothing, Told::ByWatcher})
        for (auto audience : {audience::Audience::Community, audience::Audience::Public}) {
            INFO("audience: " << model::audience_name(audience)
                              << (told == Told::ByWatcher ? ", told by the watcher" : ""));
            RepoMemory repo(starting_memory());
            const TempMemory& memory = repo.memory;
            settle(memory);
            TempFolder unused;
            site::Preview preview(options_of(memory, unused.path() / "never-written", audience));
            std::unique_ptr<cli::SourceWatcher> watcher;
            if (told == Told::ByWatcher) watcher = std::make_unique<cli::SourceWatcher>(memory.root());
            rebuild(preview);
            check_same_as_build(preview, memory, audience, "the first build");
            // The 404 page at an unknown address leads into the preview, not to the published site.
            auto not_found = preview.not_found_page();
            REQUIRE(not_found);
            CHECK(not_found->find("https://example.org/memory/") == std::string::npos);
            CHECK(not_found->find("href=\"/static/style.css\"") != std::string::npos);
            CHECK(preview.file("404.html")->find("https://example.org/memory/static/style.css") != std::string::npos);
            // Pages asked for before a change must not be shown stale after it.
            REQUIRE(preview.file("notes/first-sbar-trial/index.html"));
            REQUIRE(preview.file("index.html"));

            auto change = [&](const std::string& step, const std::function<void()>& edit) {
                edit();
                settle(memory);
                rebuild(preview, watcher.get());
                check_same_as_build(preview, memory, audience, step);
            };
            change("nothing changed", [] {});
            change("a note's text edited", [&] {
                memory.write(
                    "notes/first-sbar-trial.md",
                    "---\ntitle: First SBAR trial\ndate: 2024-02-10\ndomains: [handover]\ntags: [sbar, nights]\n"
                    "authors: [ada-okafor]\nvisibility: public\n---\nWe tried SBAR on five nights; it held.\n\n"
                    "![The card](card.png)\n");
            });
            change("a note's text edited, its size the same", [&] {
                std::string text = read_file(memory.root() / "notes/bed-rails.md");
                auto at = text.find("A note");
                REQUIRE(at != std::string::npos);
                text.replace(at, 6, "One no");
                memory.write("notes/bed-rails.md", text);
            });
            change("a note's title and tags edited", [&] {
                memory.write("notes/falls-audit.md",
                             "---\ntitle: The falls audit of 2023\ndate: 2023-11-02\n"
                             "domains: [falls]\ntags: [audit, quarterly]\nvisibility: public\n---\n"
                             "Twelve falls in a quarter. Compare [[first-sbar-trial]].\n");
            });
            change("a note added, linking to others", [&] {
                memory.write("notes/sbar-card-v2.md",
                             "---\ntitle: SBAR card, second version\ndate: 2024-05-01\n"
                             "domains: [handover]\ntags: [sbar]\nvisibility: public\n---\n"
                             "Builds on [[first-sbar-trial]] and [[falls-audit]].\n");
            });
            change("a note renamed", [&] {
                fs::rename(memory.root() / "notes/bed-rails.md", memory.root() / "notes/bed-rails-and-falls.md");
            });
            change("a note deleted (others linked to it)", [&] { fs::remove(memory.root() / "notes/falls-audit.md"); });
            change("a domain edited", [&] {
                memory.write("domains/handover.md",
                             "---\ntitle: Night handover\nconveners: [ada-okafor, tom-bramley]\nphase: stewardship\n"
                             "practices: [SBAR, safety huddle]\nvisibility: public\nlearning_agenda:\n"
                             "  - question: What makes a handover safe?\n    status: answered\n"
                             "    answered_in: sbar-card-v2\n---\nHow we hand over at night.\n");
            });
            change("a person added and one edited", [&] {
                memory.write("people/grace-hopper.md",
                             "---\ntitle: Grace Hopper\nroles: [member]\nvisibility: public\n---\n"
                             "Joined from the falls team.\n");
                memory.write(
                    "people/tom-bramley.md",
                    "---\ntitle: Tom Bramley\nroles: [member]\nvisibility: public\n---\nCharge nurse, nights.\n");
            });
            change("a picture replaced and a meeting's attendees changed", [&] {
                memory.write("notes/card.png",
                             std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x20\0\0\0\x10\x08\x02\0\0\0", 29));
                memory.write("meetings/2024-03-05-handover-review.md",
                             "---\ntitle: Handover review\ndate: 2024-03-05\ndomains: [handover]\n"
                             "attendees: [ada-okafor, grace-hopper]\nvisibility: public\n---\nShort this time.\n");
            });
            // The facts read from a meeting's minutes are kept with the text they were read from.
            change("a meeting's minutes written", [&] {
                memory.write(
                    "meetings/2024-03-05-handover-review.md",
                    "---\ntitle: Handover review\ndate: 2024-03-05\ndomains: [handover]\nvisibility: public\n---\n"
                    "## Present\n\nAda Okafor, Tom Bramley\n\n## Decisions\n\n- Keep SBAR on nights.\n");
            });
            change("who came, in the minutes, changed", [&] {
                memory.write(
                    "meetings/2024-03-05-handover-review.md",
                    "---\ntitle: Handover review\ndate: 2024-03-05\ndomains: [handover]\nvisibility: public\n---\n"
                    "## Present\n\nAda Okafor, Grace Hopper\n\n## Decisions\n\n- Keep SBAR on days too.\n");
            });
            // Told by the watcher, no save so far needed a walk of every folder.
            if (watcher) CHECK(preview.folder_walks() == 1);
            // The config's text is what parsed pages are kept with: a default that changes every page.
            change("the config's default visibility changed", [&] {
                memory.write("commonplace.yaml",
                             "title: Ward memory\nbase_url: https://example.org/memory/\n"
                             "timezone: Europe/London\ndefault_visibility: public\n");
            });
            // What git ignores is asked of it again only when a file its rules come from changed.
            change("a .gitignore added that leaves a note out",
                   [&] { memory.write(".gitignore", "notes/sbar-card-v2.md\n"); });
            change("a folder's .gitignore leaves another out",
                   [&] { memory.write("notes/.gitignore", "bed-rails-and-falls.md\n"); });
            change("the .gitignore edited to let the first note back", [&] { memory.write(".gitignore", "# none\n"); });
            change("the repository's info/exclude leaves a person out", [&] {
                fs::create_directories(memory.root() / ".git/info");
                std::ofstream(memory.root() / ".git/info/exclude") << "people/grace-hopper.md\n";
            });
            // A new folder, and a file in it, which the watcher cannot name: every folder is walked.
            change("a note in a new folder", [&] {
                memory.write(
                    "notes/2024/night-checklist.md",
                    "---\ntitle: Night checklist\ndate: 2024-06-01\nvisibility: public\n---\nSee [[first-sbar-trial]].\n");
            });
            if (watcher) CHECK(preview.folder_walks() > 1);

            // A save with an error keeps the site shown before.
            auto before = preview.file("notes/first-sbar-trial/index.html");
            memory.write("notes/first-sbar-trial.md", "---\ntitle: [unclosed\n---\nBroken.\n");
            std::ostringstream err;
            CHECK_FALSE(preview.rebuild(err));
            CHECK(err.str().find("notes/first-sbar-trial.md") != std::string::npos);
            CHECK(preview.file("notes/first-sbar-trial/index.html") == before);
        }
}
