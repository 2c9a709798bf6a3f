// The fast front-matter parser: wherever it takes a text, the tree and the problems reported must
// be exactly those of the yaml-cpp path, checked on the example memory, on tricky hand-written
// cases and on thousands of generated ones; and it must take the front matter real memories hold.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "frontmatter/simple_yaml.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "text/files.hpp"
#include "yaml_describe.hpp"

using namespace cp;
using namespace cp::frontmatter;
using cp::testing::describe;
using cp::testing::outcome;
namespace fs = std::filesystem;

namespace {

struct Comparison {
    bool handled = false;  // whether the fast path took the text
    std::string fast, yaml_cpp;
};

// Parses `yaml` both ways (parse_yaml tries the fast path first).
Comparison compare(const std::string& yaml, int first_line = 2) {
    Comparison c;
    c.handled = parse_simple_yaml(yaml, first_line, {}).has_value();
    diag::Sink fast_sink, slow_sink;
    auto fast = parse_yaml(yaml, first_line, "a.md", fast_sink);
    auto slow = parse_yaml_with_yaml_cpp(yaml, first_line, "a.md", slow_sink);
    c.fast = outcome(fast, fast_sink);
    c.yaml_cpp = outcome(slow, slow_sink);
    return c;
}

// Checks that both paths agree on `yaml`, showing it when they do not; returns whether it was handled.
bool check_same(const std::string& yaml) {
    Comparison c = compare(yaml);
    INFO("front matter:\n" << yaml);
    CHECK(c.fast == c.yaml_cpp);
    return c.handled;
}

// Random front matter from the shapes real front matter takes, with the characters that make
// YAML hard (':', '#', quotes, brackets, commas, '-') mixed into its text.
class FrontMatterGenerator {
public:
    explicit FrontMatterGenerator(unsigned seed) : random_(seed) {}

    std::string front_matter() {
        out_.clear();
        // Half the documents keep to text and shapes real front matter has, so that most of them
        // are taken by the fast path; the other half mix in everything it must leave to yaml-cpp.
        hostile_ = chance(50);
        mapping(0, 0, "");
        return out_;
    }

private:
    std::mt19937 random_;
    std::string out_;
    bool hostile_ = false;

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }
    bool chance(int percent) { return pick(100) < percent; }
    // A chance of something outside the fast path's subset, only in hostile documents.
    bool odd(int percent) { return hostile_ && chance(percent); }

    std::string key() {
        static const char* keys[] = {"title", "tags", "a",    "b",     "date",   "time",      "x-y",    "_k",
                                     "9",     "null", "Null", "roles", "agenda", "attendees", "status", "q"};
        if (odd(3)) {
            static const char* odd_keys[] = {"a b", "\"q\"", "'q'", "-k", "? k", "k ", "[k]", "~"};
            return odd_keys[pick(8)];
        }
        return keys[pick(16)];
    }

    std::string text() {
        // The first eleven are within the fast path's subset.
        static const char* words[] = {"null", "~",    "yes",  "14:30",       "2021-03-04", "https://example.org/a#b",
                                      "3.5",  "NULL", "true", "caf\xC3\xA9", "a #b",       "-1",
                                      "a: b", "x:"};
        if (chance(hostile_ ? 15 : 5)) return words[pick(hostile_ ? 14 : 11)];
        // Mostly text that real front matter holds, some with every character YAML treats specially.
        static const std::string mild = "abcdefgh xyz  :#'\",-0189./";
        static const std::string hostile = "abcdefgh xyz  ::##''\"\",,[]{}--0189~?!&*|>%@`.\\/";
        const std::string& alphabet = hostile_ ? hostile : mild;
        std::string s(1, static_cast<char>('a' + pick(26)));
        if (chance(20)) s.clear();
        int length = 1 + pick(chance(70) ? 6 : 14);
        for (int i = 0; i < length; ++i)
            s += chance(60) ? static_cast<char>('a' + pick(26))
                            : alphabet[static_cast<std::size_t>(pick(static_cast<int>(alphabet.size())))];
        return s;
    }

    std::string quoted() {
        std::string s = text();
        if (chance(50)) {
            std::string out = "'";
            for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
            return out + "'";
        }
        std::string out = "\"";
        for (char c : s) {
            if ((c == '"' || c == '\\') && chance(90)) out += '\\';
            out += c;
        }
        return out + "\"";
    }

    std::string scalar() {
        if (chance(30)) return quoted();
        return text();
    }

    std::string flow() {
        if (chance(15)) return "[]";
        std::string s = "[";
        int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) {
            if (i > 0) s += chance(80) ? ", " : (chance(50) ? "," : " , ");
            s += chance(30) ? quoted() : text();
        }
        if (odd(5)) s += ",";
        return s + (chance(10) ? " ]" : "]");
    }

    // Spaces, a comment or nothing at the end of a line.
    std::string line_end() {
        if (chance(8)) return " # a note: [x]";
        if (chance(5)) return "  ";
        if (odd(3)) return "#x";
        return "";
    }

    void maybe_noise(int indent) {
        if (chance(6)) out_ += "\n";
        if (chance(5)) out_ += std::string(static_cast<std::size_t>(pick(indent + 4)), ' ') + "# comment: - [x]\n";
    }

    // Now and then a line that continues a plain scalar (or breaks the indentation).
    void maybe_continuation(int indent) {
        if (odd(4)) out_ += std::string(static_cast<std::size_t>(indent + 1 + pick(3)), ' ') + text() + "\n";
    }

    void inline_value() {
        int shape = pick(100);
        if (shape < 55)
            out_ += scalar();
        else if (shape < 90)
            out_ += flow();
        else if (shape < 98 || !hostile_)
            out_ += "{}";
        else
            out_ += "[a, [b]]";
    }

    // What follows "key:" in a mapping at column `indent`, to the end of the value.
    void value(int indent, int depth) {
        int shape = depth >= 4 ? pick(2) : pick(6);
        if (shape == 0) {
            out_ += " ";
            inline_value();
            out_ += line_end() + "\n";
            maybe_continuation(indent);
        } else if (shape == 1) {
            out_ += line_end() + "\n";  // no value
        } else if (shape == 2 || shape == 3) {
            out_ += line_end() + "\n";
            maybe_noise(indent);
            int step = chance(90) ? 2 : 1 + pick(4);
            sequence(chance(25) ? indent : indent + step, depth + 1);
        } else {
            out_ += line_end() + "\n";
            maybe_noise(indent);
            int step = chance(90) ? 2 : 1 + pick(4);
            mapping(indent + step, depth + 1, "");
        }
    }

    // Keys at `indent`; `first` (e.g. "- ") replaces the indent of the first key's line.
    void mapping(int indent, int depth, const std::string& first) {
        int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) {
            if (i > 0 || first.empty()) {
                maybe_noise(indent);
                out_ += std::string(static_cast<std::size_t>(indent), ' ');
            } else {
                out_ += first;
            }
            if (odd(3) && indent > 0) out_ += " ";  // a wrong indent
            out_ += key() + ":";
            value(indent, depth);
        }
    }

    void sequence(int indent, int depth) {
        int n = 1 + pick(4);
        for (int i = 0; i < n; ++i) {
            if (i > 0) maybe_noise(indent);
            std::string dash = std::string(static_cast<std::size_t>(indent), ' ') + (chance(90) ? "- " : "-   ");
            int shape = pick(20);
            if (depth >= 4 || shape < 10) {
                out_ += dash + (shape < 3 ? flow() : scalar()) + line_end() + "\n";
                maybe_continuation(indent);
            } else if (shape < 19 || !hostile_) {
                mapping(static_cast<int>(dash.size()), depth + 1, dash);
            } else {
                out_ += dash + (chance(50) ? "" : "- x") + "\n";  // shapes left to yaml-cpp
            }
        }
    }
};

}  // namespace

TEST_CASE("the fast YAML path reads the example memory's front matter as yaml-cpp does", "[frontmatter]") {
    int files = 0, handled = 0;
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(COMMONPLACE_SOURCE_DIR) / "content-example")) {
        std::string extension = entry.path().extension().string();
        if (!entry.is_regular_file() || (extension != ".md" && extension != ".yaml")) continue;
        std::string text = text::read_file_or_empty(entry.path());
        std::string yaml = text;
        if (extension == ".md") {
            diag::Sink sink;
            auto split_file = split(text, entry.path().string(), sink);
            if (!split_file || !split_file->has_front_matter) continue;
            yaml = split_file->yaml;
        }
        INFO(entry.path().string());
        ++files;
        if (check_same(yaml)) ++handled;
    }
    // Those left to yaml-cpp hold folded text (">-") or flow mappings with content ("{a: b}").
    INFO(handled << " of " << files << " handled by the fast path");
    CHECK(files > 50);
    CHECK(handled * 10 >= files * 8);
}

TEST_CASE("the fast YAML path takes meeting front matter", "[frontmatter]") {
    const std::string meeting =
        "title: \"Reading group: the shared inbox needed more preparation than planned\"\n"
        "time: \"14:30\"\nend_time: \"15:30\"\nlocation: Cafe Nero, upstairs\nformat: hybrid\n"
        "series: Reading group\ndomains: [circular-media]\n"
        "attendees:\n  - luca-mansour\n  - rachel-hussein\n"
        "apologies: [joan-hussein, lukas-siddiqui, joao-iyer]\n"
        "roles:\n  convener: luca-mansour\n  agenda_activist:\n    - ciaran-choi\n    - valentina-fraser\n"
        "agenda:\n  - Welcome and check-in\n"
        "decisions:\n  - We will archive the compost rota on the shared drive.\n"
        "actions:\n  - who: luca-mansour\n    what: Draft the agenda\n    due: 2019-04-01\n"
        "tags: [video, Tenants]\nvisibility: public\n";
    CHECK(check_same(meeting));
    auto tree = parse_simple_yaml(meeting, 2, {});
    REQUIRE(tree);
    const YamlNode* title = tree->find("title");
    REQUIRE(title);
    CHECK(title->scalar == "Reading group: the shared inbox needed more preparation than planned");
    CHECK(title->quoted);
    CHECK(title->line == 2);
    CHECK(title->column == 8);
    const YamlNode* activists = tree->find("roles")->find("agenda_activist");
    REQUIRE(activists);
    REQUIRE(activists->items.size() == 2);
    CHECK(activists->items[1].scalar == "valentina-fraser");
    CHECK(activists->items[1].line == 17);
    CHECK(activists->items[1].column == 7);
}

TEST_CASE("the fast YAML path agrees with yaml-cpp on tricky front matter or leaves it alone", "[frontmatter]") {
    enum class Expect { Handled, Declined, Either };
    struct Case {
        std::string yaml;
        Expect expect;
    };
    const std::vector<Case> cases = {
        {"a:\n", Expect::Handled},
        {"a:", Expect::Handled},
        {"a:   ", Expect::Handled},
        {"a:\nb: x\n", Expect::Handled},
        {"a:\n\n\n", Expect::Handled},
        {"a:  # c\n  # x\n\nb: 1\n", Expect::Handled},
        {"x:\n  a:\n  # c\n\ny: 1\n", Expect::Handled},
        {"n: ~\nN: null\nu: Null\nU: NULL\nq: \"~\"\nnot: nULL\n", Expect::Handled},
        {"null: 3\nb: 4\n", Expect::Handled},
        {"a: 'it''s'\nb: \"say \\\"hi\\\" \\\\ bye\"\nc: ''\nd: \"\"\n", Expect::Handled},
        {"a: \"tab\\there\"\n", Expect::Declined},
        {"a: \"line\\nbreak\"\n", Expect::Declined},
        {"a: [a, \"b, c\", 'd']\n", Expect::Handled},
        {"a: [ x , y ]\nb: [x,y]\nc: [~, null, \"null\", 'x' , \"y\" ]\n", Expect::Handled},
        {"a: [x, ]\n", Expect::Declined},
        {"a: [x, , y]\n", Expect::Declined},
        {"a: [x?]\n", Expect::Declined},
        {"a: [x:y, z:]\n", Expect::Declined},
        {"a: [a, [b]]\n", Expect::Declined},
        {"a: [a,\n  b]\n", Expect::Declined},
        {"a: b # comment\n# own line\n  # indented\nc: d # e: f\n", Expect::Handled},
        {"\n\n# leading comment\n\ntitle: x\n\n\n", Expect::Handled},
        {"k:\n- a\n- b\nl: 1\n", Expect::Handled},
        {"roles:\n  agenda:\n  - x\n  - y\n  other: 1\n", Expect::Handled},
        {"a:\n  - k: v\n    l: w\n  - m: 1\n  -   n: 2\n      o: [3]\n", Expect::Handled},
        {"- a: 1\n", Expect::Declined},
        {"a:\n  - b:\n    - c\n    d: e\n", Expect::Handled},
        {"a: 1\nb: 2\na: 3\nb: 4\n", Expect::Handled},
        {"a:\n  x: 1\n  x: 2\n  y:\n    - z: 1\n      z: 2\na: 3\n", Expect::Handled},
        {"a:\n  - x: 1\n    x:\n      x: 2\n      x: 3\n", Expect::Handled},
        {"key: value: other\n", Expect::Declined},
        {"title: a # not a comment?\nb: a#b\n", Expect::Handled},
        {"title: trailing spaces   \nb: 'q'   \nc: [x]  \n", Expect::Handled},
        {"n: 42\nf: -1.5\ng: 3.5\nd: 2021-03-04\ne: 2016-03-02T14:30:00+01:00\ny: yes\nb: true\n", Expect::Either},
        {"time: 14:30\n", Expect::Handled},
        {"title: caf\xC3\xA9 \xF0\x9F\x98\x80\nb: [\xC3\xA9, x]\n\xC3\xA9: 1\n", Expect::Either},
        {"url: https://example.org/a#b\n", Expect::Handled},
        {"a: []\nb: {}\nc: { }\n", Expect::Either},
        {"a: {}\nb: []\n", Expect::Handled},
        {"a: {b: c}\n", Expect::Declined},
        {"roles:\n  convener: x\n  agenda:\n    - a\n    - b\n  deep:\n    deeper:\n      deepest: [x]\n",
         Expect::Handled},
        {"a: # comment\n  b: 1\nc: # comment\n  - x\n", Expect::Handled},
        {"a: x\n  b\n", Expect::Declined},
        {"a: x\n  #c\n  y\n", Expect::Declined},
        {"a: x\n\n  y\n", Expect::Declined},
        {"a: |\n  x\n", Expect::Declined},
        {"a: >-\n  x\n", Expect::Declined},
        {"a: &x 1\nb: *x\n", Expect::Declined},
        {"a: !tag x\n", Expect::Declined},
        {"%YAML 1.2\n---\na: 1\n", Expect::Declined},
        {"a: 1\n---\nb: 2\n", Expect::Declined},
        {"a: 1\n...\n", Expect::Declined},
        {"a:\n\t- x\n", Expect::Declined},
        {"a: x\r\n", Expect::Declined},
        {"\"a\": 1\n", Expect::Declined},
        {"? a\n: 1\n", Expect::Declined},
        {"a b: 1\n", Expect::Declined},
        {"a:b\n", Expect::Declined},
        {"  a: 1\n  b: 2\n", Expect::Declined},
        {"a: 1\n  b: 2\n", Expect::Declined},
        {"k:\n  - a\n - b\n", Expect::Declined},
        {"a:\n  - x\n  # c\n- y\n", Expect::Declined},
        {"a:\n  -\n    x\n", Expect::Declined},
        {"a:\n  - - x\n", Expect::Declined},
        {"a:\n  value\n", Expect::Declined},
        {"a: x:\n", Expect::Declined},
        {"a: 'x'y\n", Expect::Declined},
        {"a: \"x\"# c\n", Expect::Declined},
        {"a: \"unclosed\n", Expect::Declined},
        {"a: 'two\n  lines'\n", Expect::Declined},
        {"a: -x\nb: ?x\nc: :x\n", Expect::Declined},
        {"a: x, [y] {z}\nb: x ? y?\nc: x - y -\nd: x :y\ne: a|b>c 50% x!y&z*w @q `t\nf: x ,y\n", Expect::Handled},
        {"a: [a\"b, c \"d\" e, it's]\n", Expect::Handled},
        {"", Expect::Declined},
        {"   \n\n", Expect::Declined},
        {"# only a comment\n", Expect::Declined},
        {"- a\n- b\n", Expect::Declined},
        {"just text\n", Expect::Declined},
        {std::string(1024, 'k') + ": 1\n", Expect::Handled},  // yaml-cpp's longest key
        {std::string(1025, 'k') + ": 1\n", Expect::Declined},
        // Found by tests/fuzz/fuzz_frontmatter: braces, brackets and quotes inside a plain
        // scalar are text, not 70 levels of nesting, and "it's" opens no quote.
        {"t: i0" + std::string(70, '{') + "\n", Expect::Handled},
        {"t: a[b" + std::string(70, '[') + "\nu: x#" + std::string(70, '{') + "\n", Expect::Handled},
        {"t: it's\nu: " + std::string(70, '[') + std::string(70, ']') + "\n", Expect::Declined},
    };
    for (const auto& c : cases) {
        INFO("front matter:\n" << c.yaml);
        bool handled = check_same(c.yaml);
        if (c.expect == Expect::Handled) CHECK(handled);
        if (c.expect == Expect::Declined) CHECK_FALSE(handled);
    }
}

TEST_CASE("flow nesting is measured as YAML reads it", "[frontmatter][fuzz]") {
    diag::Sink plain_sink, deep_sink, quoted_sink;
    // Seventy braces in a string are a string.
    auto plain = parse_yaml_with_yaml_cpp("t: i0" + std::string(70, '{') + "\n", 2, "a.md", plain_sink);
    REQUIRE(plain);
    CHECK(plain->find("t")->scalar == "i0" + std::string(70, '{'));
    CHECK(plain_sink.sorted().empty());
    // Seventy real levels are refused before yaml-cpp recurses, even after an apostrophe in a word.
    auto deep = parse_yaml_with_yaml_cpp("t: it's\nu: " + std::string(70, '[') + std::string(70, ']') + "\n", 2, "a.md",
                                         deep_sink);
    CHECK_FALSE(deep);
    REQUIRE(deep_sink.sorted().size() == 1);
    CHECK(deep_sink.sorted()[0].message == "front matter is nested too deeply (more than 64 levels)");
    CHECK(deep_sink.sorted()[0].line == 3);
    CHECK(deep_sink.sorted()[0].column == 68);
    // Inside double quotes an escaped quote does not end the string.
    auto quoted = parse_yaml_with_yaml_cpp("t: \"a\\\" [[[\"\n", 2, "a.md", quoted_sink);
    REQUIRE(quoted);
    CHECK(quoted->find("t")->scalar == "a\" [[[");
}

TEST_CASE("the fast YAML path respects the limits or leaves the text to yaml-cpp", "[frontmatter]") {
    YamlLimits few_nodes;
    few_nodes.max_nodes = 5;
    CHECK(parse_simple_yaml("a: 1\nb: 2\n", 2, few_nodes));
    CHECK_FALSE(parse_simple_yaml("a: 1\nb: 2\nc: 3\n", 2, few_nodes));
    YamlLimits shallow;
    shallow.max_depth = 2;
    CHECK(parse_simple_yaml("a:\n  b: 1\n", 2, shallow));
    CHECK_FALSE(parse_simple_yaml("a:\n  b: [x]\n", 2, shallow));
    std::string deep, indent;
    for (int i = 0; i < 20; ++i, indent += "  ") deep += indent + "k:\n";
    CHECK_FALSE(parse_simple_yaml(deep, 2, {}));
    CHECK(check_same(deep) == false);
}

TEST_CASE("the fast YAML path agrees with yaml-cpp on generated front matter", "[frontmatter]") {
    FrontMatterGenerator generator(20240611);
    const int total = 8000;
    int handled = 0;
    for (int i = 0; i < total; ++i) {
        std::string yaml = generator.front_matter();
        Comparison c = compare(yaml);
        if (c.handled) ++handled;
        if (c.fast != c.yaml_cpp) {
            INFO("front matter:\n" << yaml << "\nfast path:\n" << c.fast << "\nyaml-cpp:\n" << c.yaml_cpp);
            FAIL("the fast path and yaml-cpp disagree");
        }
    }
    // The generator is meant to produce mostly simple front matter: most must be taken.
    INFO(handled << " of " << total << " handled by the fast path");
    CHECK(handled * 4 >= total);
}
