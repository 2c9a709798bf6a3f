// serve's watcher (cli/watch.hpp): it tells of a save anywhere the memory's reader reads,
// attachments in an underscored folder included, and of none where it never reads; it names
// the files saved, or says it cannot (a new folder, a .gitignore), so the build walks them all.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "cli/watch.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;
using namespace std::chrono_literals;

TEST_CASE("serve's watcher sees a save wherever the memory is read, an underscored folder too", "[serve]") {
    TempMemory memory({{"notes/a.md", "# A\n"}, {"_attachments/agenda.txt", "one\n"}, {".drafts/x.md", "x\n"}});
    cli::SourceWatcher watcher(memory.root());
    CHECK_FALSE(watcher.wait_for_change(100ms));

    memory.write("_attachments/agenda.txt", "two\n");  // a file a note may link to, and so is copied
    CHECK(watcher.wait_for_change(3s));

    memory.write(".drafts/x.md", "y\n");  // never read: no rebuild
    CHECK_FALSE(watcher.wait_for_change(700ms));

    memory.write("notes/a.md", "# A\n\nMore.\n");
    CHECK(watcher.wait_for_change(3s));
}

TEST_CASE("serve's watcher names the files saved, and says when it cannot", "[serve]") {
    TempMemory memory({{"notes/a.md", "# A\n"}, {"b.md", "# B\n"}, {"notes/old.md", "# Old\n"}});
    cli::SourceWatcher watcher(memory.root());
    REQUIRE(watcher.immediate());

    memory.write("notes/a.md", "# A\n\nMore.\n");
    memory.write("b.md", "# B\n\nMore.\n");
    fs::rename(memory.root() / "notes/old.md", memory.root() / "notes/new.md");
    REQUIRE(watcher.wait_for_change(3s));
    auto changes = watcher.take_changes();
    REQUIRE(changes);
    CHECK(*changes == std::vector<std::string>{"b.md", "notes/a.md", "notes/new.md", "notes/old.md"});
    changes = watcher.take_changes();  // nothing since
    REQUIRE(changes);
    CHECK(changes->empty());

    memory.write("notes/2024/c.md", "# C\n");  // a new folder
    REQUIRE(watcher.wait_for_change(3s));
    CHECK_FALSE(watcher.take_changes());

    memory.write("notes/2024/c.md", "# C\n\nMore.\n");  // the new folder is watched, its files named
    REQUIRE(watcher.wait_for_change(3s));
    changes = watcher.take_changes();
    REQUIRE(changes);
    CHECK(*changes == std::vector<std::string>{"notes/2024/c.md"});

    memory.write(".gitignore", "b.md\n");  // what is read changes: the build must walk
    REQUIRE(watcher.wait_for_change(3s));
    CHECK_FALSE(watcher.take_changes());
}
