// serve's watcher (cli/watch.hpp): it tells of a save anywhere the memory's reader reads,
// attachments in an underscored folder included, and of none where it never reads.
#include <catch2/catch.hpp>

#include <chrono>

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
