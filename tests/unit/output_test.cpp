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

TEST_CASE("a file written in pieces holds them all, in order, whatever their sizes", "[output]") {
    // Small pieces are gathered before they are written, one of 64 KB or more goes as it comes:
    // pieces on both sides of that size, and at it, each filled with a letter of its own.
    const std::vector<std::size_t> sizes = {10,    70000, 5,  65536, 65530, 6,    1,     0,
                                            65535, 65537, 20, 40000, 30000, 1000, 200000};
    std::string expected;
    for (std::size_t i = 0; i < sizes.size(); ++i) expected += std::string(sizes[i], static_cast<char>('a' + i));
    TempFolder tmp;
    SiteWriter writer(tmp / "site");
    REQUIRE(writer.write_pieces("big/index.html", "a test", [&](const SiteWriter::Piece& piece) {
        for (std::size_t i = 0; i < sizes.size(); ++i) piece(std::string(sizes[i], static_cast<char>('a' + i)));
    }));
    REQUIRE(writer.write_pieces("empty.html", "a test", [](const SiteWriter::Piece&) {}));
    writer.commit();
    CHECK(read_file(tmp / "site" / "big" / "index.html") == expected);
    CHECK(fs::exists(tmp / "site" / "empty.html"));
    CHECK(read_file(tmp / "site" / "empty.html").empty());
}
