#include <catch2/catch.hpp>

#include <sstream>

#include "cli/app.hpp"
#include "cli/scaffold.hpp"
#include "site_fixture.hpp"

using namespace cp::testing;

namespace {

int run_cli(std::vector<std::string> args, std::string* err_text = nullptr) {
    std::vector<char*> argv;
    args.insert(args.begin(), "commonplace");
    for (auto& a : args) argv.push_back(a.data());
    std::ostringstream out, err;
    int status = cp::cli::run(static_cast<int>(argv.size()), argv.data(), out, err);
    if (err_text) *err_text = err.str();
    return status;
}

}  // namespace

TEST_CASE("a wrong command line exits 2", "[cli]") {
    CHECK(run_cli({}) == 2);
    CHECK(run_cli({"frobnicate"}) == 2);
    CHECK(run_cli({"build", "--audience", "everyone"}) == 2);
    CHECK(run_cli({"new", "minutes", "Title"}) == 2);
}

TEST_CASE("init starts a memory that checks clean, and new lays out each type", "[cli]") {
    TempFolder tmp;
    fs::path memory = tmp / "memory";
    REQUIRE(run_cli({"init", memory.string()}) == 0);
    CHECK(fs::exists(memory / "commonplace.yaml"));
    CHECK(fs::exists(memory / ".git"));
    CHECK(fs::exists(memory / "domains/our-first-domain.md"));
    CHECK(run_cli({"init", memory.string()}) == 1);  // never over an existing memory

    REQUIRE(run_cli({"new", "meeting", "Handover huddle: nights", "--date", "2016-05-04", "--domain",
                     "our-first-domain", "-C", memory.string()}) == 0);
    REQUIRE(run_cli({"new", "person", "Ada Okafor", "-C", memory.string()}) == 0);
    REQUIRE(run_cli({"new", "note", "The missing sheet", "--date", "2016-05-05", "-C", memory.string()}) == 0);
    fs::path meeting = memory / "meetings/2016/2016-05-04-handover-huddle-nights.md";
    REQUIRE(fs::exists(meeting));
    std::string text = read_file(meeting);
    CHECK(text.find("title: \"Handover huddle: nights\"") != std::string::npos);
    CHECK(text.find("domains: [our-first-domain]") != std::string::npos);
    CHECK(fs::exists(memory / "people/ada-okafor.md"));
    CHECK(fs::exists(memory / "notes/the-missing-sheet.md"));
    // The same title again is refused, not overwritten.
    CHECK(run_cli({"new", "person", "Ada Okafor", "-C", memory.string()}) == 1);
    CHECK(run_cli({"new", "note", "x", "--date", "2016-13-01", "-C", memory.string()}) == 2);

    std::string err;
    CHECK(run_cli({"check", memory.string()}, &err) == 0);
    INFO(err);
    CHECK(err.find(": error:") == std::string::npos);
}
