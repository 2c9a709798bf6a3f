// Front matter: splitting a file into YAML and Markdown with file line numbers, the
// YAML copied into a safe tree, and the readers for each shape a field can take.
#include <catch2/catch.hpp>

#include "frontmatter/fields.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"

using namespace cp;
using namespace cp::frontmatter;

namespace {

std::vector<std::string> messages(const diag::Sink& sink) {
    std::vector<std::string> out;
    for (const auto& d : sink.sorted())
        out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message);
    return out;
}

}  // namespace

TEST_CASE("split keeps the file's line numbers for the YAML and the body", "[frontmatter]") {
    diag::Sink sink;
    SECTION("no front matter") {
        auto s = split("# Title\n\nText\n", "a.md", sink);
        REQUIRE(s);
        CHECK_FALSE(s->has_front_matter);
        CHECK(s->body == "# Title\n\nText\n");
        CHECK(s->body_first_line == 1);
    }
    SECTION("front matter closed by --- or ...") {
        for (const std::string fence : {"---", "..."}) {
            auto s = split("---\ntitle: A\ndate: 2016-01-01\n" + fence + "\nBody\n", "a.md", sink);
            REQUIRE(s);
            CHECK(s->has_front_matter);
            CHECK(s->yaml == "title: A\ndate: 2016-01-01\n");
            CHECK(s->yaml_first_line == 2);
            CHECK(s->body == "Body\n");
            CHECK(s->body_first_line == 5);
        }
    }
    SECTION("a byte-order mark and Windows line endings") {
        auto s = split("\xEF\xBB\xBF---\r\ntitle: A\r\n---\r\nBody\r\n", "a.md", sink);
        REQUIRE(s);
        CHECK(s->yaml == "title: A\n");
        CHECK(s->body == "Body\n");
        CHECK(s->body_first_line == 4);
    }
    SECTION("empty front matter") {
        auto s = split("---\n---\nBody", "a.md", sink);
        REQUIRE(s);
        CHECK(s->yaml.empty());
        CHECK(s->body == "Body");
        CHECK(s->body_first_line == 3);
    }
    CHECK(messages(sink).empty());
}

TEST_CASE("split refuses unclosed front matter, binary files and invalid UTF-8", "[frontmatter]") {
    struct Bad {
        std::string text, expected;
    };
    for (const auto& [text, expected] : std::vector<Bad>{
             {"---", "1:1 front matter is not closed: the first line is '---' but no line '---' or '...' ends it"},
             {"---\ntitle: x\n\nText\n",
              "1:1 front matter is not closed: the first line is '---' but no line '---' or '...' ends it"},
             {std::string("ab\ncd\0", 6), "2:3 file holds a NUL byte: it is binary, not Markdown text"},
             {"ok\nna\xC3\xAFve caf\xE9", "2:11 file is not valid UTF-8 text: save it as UTF-8"},
             {"\xED\xA0\x80", "1:1 file is not valid UTF-8 text: save it as UTF-8"},  // a UTF-16 surrogate
         }) {
        diag::Sink sink;
        CHECK_FALSE(split(text, "a.md", sink));
        CHECK(messages(sink) == std::vector<std::string>{expected});
    }
}

TEST_CASE("YAML nodes carry their line and column in the file", "[frontmatter]") {
    diag::Sink sink;
    auto tree = parse_yaml("title: \"true\"\ntags:\n  - a\n  - b\nempty:\n", 2, "a.md", sink);
    REQUIRE(tree);
    REQUIRE(tree->is_mapping());
    const YamlNode* title = tree->find("title");
    REQUIRE(title);
    CHECK(title->scalar == "true");
    CHECK(title->quoted);
    CHECK(title->line == 2);
    CHECK(title->column == 8);
    const YamlNode* tags = tree->find("tags");
    REQUIRE(tags);
    REQUIRE(tags->items.size() == 2);
    CHECK(tags->items[1].line == 5);
    CHECK(tags->items[1].column == 5);
    CHECK(tree->entries[0].first.line == 2);
    CHECK(tree->entries[0].first.column == 1);
    CHECK(tree->find("empty")->is_null());
    CHECK(tree->find("missing") == nullptr);
    CHECK(messages(sink).empty());
}

TEST_CASE("YAML problems: each reported where it is, none crashes", "[frontmatter]") {
    struct Bad {
        const char* name;
        std::string yaml;
        std::vector<std::string> expected;
        bool tree;  // whether a tree still comes back
    };
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'h'; ++c)
        bomb += std::string(1, c) + ": &" + c + " [*" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) +
            ", *" + static_cast<char>(c - 1) + ", *" + static_cast<char>(c - 1) + "]\n";
    for (const auto& c : std::vector<Bad>{
             {"duplicate keys are reported and the first kept",
              "a: 1\nb: 2\na: 3\nb: 4\n",
              {"4:1 duplicate key 'a': the field is given twice; keep one",
               "5:1 duplicate key 'b': the field is given twice; keep one"},
              true},
             {"a key that is a list",
              "? [a, b]\n: c\nd: e\n",
              {"2:3 a field name must be a plain name, not a list"},
              true},
             {"a self-referencing alias",
              "a: &x [*x]\n",
              {"2:4 front matter refers to itself through an alias (a cycle)"},
              false},
             {"a self-referencing mapping",
              "a: &x {b: *x}\n",
              {"2:4 front matter refers to itself through an alias (a cycle)"},
              false},
             {"an alias bomb",
              bomb,
              {"2:20 front matter is too large (more than 100000 values, perhaps an alias bomb)"},
              false},
             {"an undefined alias",
              "a: *nothing\n",
              {"2:4 front matter does not parse: an alias (*name) refers to no anchor (&name)"},
              false},
             {"flow nested past the limit",
              "a: " + std::string(65, '[') + std::string(65, ']') + "\n",
              {"2:68 front matter is nested too deeply (more than 64 levels)"},
              false},
             {"an unclosed mapping",
              "a: {b: c\nd: e\n",
              {"2:4 front matter does not parse: a mapping opened with '{' is not closed with '}'"},
              false},
             {"a bracket in quotes is text",
              "a: '[[['\nb: [\n",
              {"3:4 front matter does not parse: a list opened with '[' is not closed with ']'"},
              false},
         }) {
        SECTION(c.name) {
            diag::Sink sink;
            auto tree = parse_yaml(c.yaml, 2, "a.md", sink);
            CHECK(messages(sink) == c.expected);
            CHECK(tree.has_value() == c.tree);
            if (tree && std::string(c.name).rfind("duplicate", 0) == 0) {
                REQUIRE(tree->entries.size() == 2);
                CHECK(tree->find("a")->scalar == "1");
                CHECK(tree->find("b")->scalar == "2");
            }
        }
    }
}

TEST_CASE("YAML nested 10,000 deep is refused without recursing", "[frontmatter][hostile]") {
    diag::Sink sink;
    CHECK_FALSE(parse_yaml("x: " + std::string(10000, '[') + std::string(10000, ']'), 2, "a.md", sink));
    CHECK(messages(sink) == std::vector<std::string>{"2:68 front matter is nested too deeply (more than 64 levels)"});
    diag::Sink sink2;
    CHECK_FALSE(parse_yaml("x: " + std::string(10000, '{'), 2, "a.md", sink2));
    CHECK(messages(sink2) == std::vector<std::string>{"2:68 front matter is nested too deeply (more than 64 levels)"});
}

TEST_CASE("field readers accept each shape and report the rest at the value", "[frontmatter]") {
    diag::Sink sink;
    auto tree = parse_yaml(
        "d1: 2016-02-29\nd2: 2015-02-29\nd3: 2016-03-02T14:30:00+01:00\nd4: 2016-3-2\n"
        "t1: \"09:05\"\nt2: 9:05\nb1: true\nb2: \"true\"\nb3: yes\n"
        "s1: one\ns2: [a, b]\ns3: [a, [b]]\nf: online\ng: zoom\n",
        1, "a.md", sink);
    REQUIRE(tree);
    FieldReader read("a.md", sink);
    CHECK(read.date(*tree->find("d1"), "date") == std::optional<std::string>("2016-02-29"));
    CHECK(read.date(*tree->find("d2"), "date") == std::nullopt);
    CHECK(read.date(*tree->find("d3"), "date") == std::optional<std::string>("2016-03-02T14:30:00+01:00"));
    CHECK(read.date(*tree->find("d4"), "date") == std::nullopt);
    CHECK(read.time(*tree->find("t1"), "time") == std::optional<std::string>("09:05"));
    CHECK(read.time(*tree->find("t2"), "time") == std::nullopt);
    CHECK(read.boolean(*tree->find("b1"), "draft") == std::optional<bool>(true));
    CHECK(read.boolean(*tree->find("b2"), "draft") == std::nullopt);
    CHECK(read.boolean(*tree->find("b3"), "draft") == std::nullopt);
    CHECK(read.string_list(*tree->find("s1"), "tags") == std::optional<std::vector<std::string>>({"one"}));
    CHECK(read.string_list(*tree->find("s2"), "tags") == std::optional<std::vector<std::string>>({"a", "b"}));
    CHECK(read.string_list(*tree->find("s3"), "tags") == std::nullopt);
    CHECK(read.one_of(*tree->find("f"), "format", {"online", "call"}) == std::optional<std::string>("online"));
    CHECK(read.one_of(*tree->find("g"), "format", {"online", "call"}) == std::nullopt);
    CHECK(messages(sink) ==
          std::vector<std::string>{
              "2:5 'date' is not a valid date: '2015-02-29' (write YYYY-MM-DD, e.g. 2016-03-02)",
              "4:5 'date' is not a valid date: '2016-3-2' (write YYYY-MM-DD, e.g. 2016-03-02)",
              "6:5 'time' is not a valid time: '9:05' (write HH:MM on a 24-hour clock, e.g. \"14:30\")",
              "8:5 'draft' must be true or false, not 'true'",
              "9:5 'draft' must be true or false, not 'yes'",
              "12:9 each item of 'tags' must be a single value, not a list",
              "14:4 'format' must be one of online, call, not 'zoom'",
          });
}

TEST_CASE("dates and date-times", "[frontmatter]") {
    CHECK(is_valid_date("2016-03-02"));
    CHECK(is_valid_date("2000-02-29"));
    CHECK_FALSE(is_valid_date("1900-02-29"));
    CHECK_FALSE(is_valid_date("2016-13-45"));
    CHECK_FALSE(is_valid_date("2016-04-31"));
    CHECK_FALSE(is_valid_date("16-03-02"));
    CHECK(is_valid_date_or_datetime("2016-03-02T14:30Z"));
    CHECK(is_valid_date_or_datetime("2016-03-02 14:30:59.5-05:00"));
    CHECK_FALSE(is_valid_date_or_datetime("2016-03-02T24:00"));
    CHECK_FALSE(is_valid_date_or_datetime("2016-03-02T14:30+1"));
}
