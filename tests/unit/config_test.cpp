// commonplace.yaml: every key defaulted, every value checked, field_map and exclude read.
#include <catch2/catch.hpp>

#include "config/config.hpp"

using namespace cp;

namespace {

std::vector<std::string> messages(const diag::Sink& sink) {
    std::vector<std::string> out;
    for (const auto& d : sink.sorted())
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                      (d.severity == diag::Severity::Error ? "error: " : "warning: ") + d.message);
    return out;
}

}  // namespace

TEST_CASE("an empty config keeps every default", "[config]") {
    for (const std::string text : {"", "# only a comment\n", "---\n"}) {
        diag::Sink sink;
        auto c = config::parse_config(text, "commonplace.yaml", sink);
        CHECK(messages(sink).empty());
        CHECK(c.title == "Community memory");
        CHECK(c.base_url == "/");
        CHECK(c.language == "en");
        CHECK(c.timezone == "UTC");
        CHECK(c.default_visibility == "community");
        CHECK(c.public_names == "full");
        CHECK(c.theme == "default");
        CHECK(c.exclude.empty());
        CHECK(c.field_map.empty());
        CHECK(c.max_file_size == 4u * 1024 * 1024);
    }
}

TEST_CASE("config values are read", "[config]") {
    diag::Sink sink;
    auto c = config::parse_config(
        "title: Safer Care\nbase_url: https://example.org/safer\ndefault_visibility: public\npublic_names: initials\n"
        "exclude: [drafts/**, '*.tmp']\nfield_map:\n  attendees: [members, other_attendees]\n  tags: keywords\n"
        "max_file_size: 1000000\n",
        "commonplace.yaml", sink);
    CHECK(messages(sink).empty());
    CHECK(c.title == "Safer Care");
    CHECK(c.base_url == "https://example.org/safer/");
    CHECK(c.default_visibility == "public");
    CHECK(c.public_names == "initials");
    CHECK(c.exclude == std::vector<std::string>{"drafts/**", "*.tmp"});
    CHECK(c.field_map.at("attendees") == std::vector<std::string>{"members", "other_attendees"});
    CHECK(c.field_map.at("tags") == std::vector<std::string>{"keywords"});
    CHECK(c.max_file_size == 1000000u);
}

TEST_CASE("config mistakes are reported at their line and column", "[config]") {
    diag::Sink sink;
    auto c = config::parse_config(
        "titel: X\ndefault_visibility: everyone\nmax_file_size: -5\nfield_map: [a]\nexclude: {a: b}\ncolour: red\n",
        "commonplace.yaml", sink);
    CHECK(messages(sink) ==
          std::vector<std::string>{
              "1:1 warning: unknown setting 'titel': did you mean title?",
              "2:21 error: 'default_visibility' must be one of public, community, not 'everyone'",
              "3:16 error: 'max_file_size' must be a whole number of bytes, not '-5'",
              "4:12 error: 'field_map' must be a mapping from a field to its other names",
              "5:10 error: 'exclude' must be a list of values, not a mapping",
              "6:1 warning: unknown setting 'colour'",
          });
    CHECK(c.default_visibility == "community");  // a bad value never makes anything public
    CHECK(c.max_file_size == 4u * 1024 * 1024);
}

TEST_CASE("a config that is not a mapping or does not parse", "[config]") {
    diag::Sink sink;
    config::parse_config("- a\n- b\n", "commonplace.yaml", sink);
    config::parse_config("title: [x\n", "other.yaml", sink);
    auto all = sink.sorted();
    REQUIRE(all.size() == 2);
    CHECK(all[0].path == "commonplace.yaml");
    CHECK(all[0].message == "config must be a mapping of settings, not a list");
    CHECK(all[1].path == "other.yaml");
    CHECK(all[1].line == 1);
    CHECK(all[1].column == 8);
}
