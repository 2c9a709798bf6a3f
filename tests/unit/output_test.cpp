#include <catch2/catch.hpp>

#include "output/writer.hpp"
#include "site_fixture.hpp"

using namespace cp::testing;
using cp::output::SiteWriter;

TEST_CASE("unsafe output paths are refused", "[output]") {
    using cp::output::is_safe_relative_path;
    CHECK(is_safe_relative_path("notes/x/index.html"));
    CHECK_FALSE(is_safe_relative_path("../x"));
    CHECK_FALSE(is_safe_relative_path("a/../../x"));
    CHECK_FALSE(is_safe_relative_path("/etc/passwd"));
    CHECK_FALSE(is_safe_relative_path("a//b"));
    CHECK_FALSE(is_safe_relative_path(".git/config"));
    CHECK_FALSE(is_safe_relative_path(""));
}

TEST_CASE("the writer never lets one file overwrite another", "[output]") {
    TempFolder tmp;
    SiteWriter writer(tmp / "site");
    CHECK(writer.write("a/index.html", "one", "notes/a.md"));
    CHECK_FALSE(writer.write("a/index.html", "two", "pages/a.md"));
    CHECK(writer.origin_of("a/index.html") == "notes/a.md");
    writer.commit();
    CHECK(read_file(tmp / "site/a/index.html") == "one");
}

TEST_CASE("an uncommitted writer leaves the earlier output and no staging folder", "[output]") {
    TempFolder tmp;
    write_file(tmp / "site/old.html", "old");
    {
        SiteWriter writer(tmp / "site");
        writer.write("new.html", "new", "test");
    }
    CHECK(read_file(tmp / "site/old.html") == "old");
    CHECK_FALSE(fs::exists(tmp / "site/new.html"));
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 1);
}
