#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "example_contexts.hpp"
#include "git_fixture.hpp"
#include "i18n/load.hpp"
#include "markdown/render.hpp"
#include "site_fixture.hpp"
#include "test_support.hpp"
#include "views/context.hpp"

// The theme contract: docs/theme.md lists every variable each template receives. A template
// that uses a name the document does not list fails here, and so does a documented name that
// no context of the example memory provides (in either audience), so the document cannot drift
// from the code in either direction.

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

fs::path source_dir() { return fs::path(COMMONPLACE_SOURCE_DIR); }

// "attendees[].label" -> "attendees.label": the document marks lists, Mustache does not.
std::string normalised(std::string path) {
    for (auto pos = path.find("[]"); pos != std::string::npos; pos = path.find("[]")) path.erase(pos, 2);
    return path;
}

// The sections of docs/theme.md: each heading "### `name`" opens the table of template `name`
// (or of `frame`, the variables every page has); each table row "| `path` | ..." documents one.
std::map<std::string, std::set<std::string>> documented() {
    std::map<std::string, std::set<std::string>> out;
    std::string text = cp::testing::read_file(source_dir() / "docs" / "theme.md");
    std::regex heading(R"(^###\s+`([a-z_]+)`)");
    std::regex row(R"(^\|\s*`([^`]+)`\s*\|)");
    std::string current;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        std::smatch m;
        if (std::regex_search(line, m, heading)) {
            current = m[1];
            out[current];
        } else if (line.rfind("## ", 0) == 0) {
            current.clear();
        } else if (!current.empty() && std::regex_search(line, m, row)) {
            out[current].insert(normalised(m[1]));
        }
    }
    return out;
}

struct Use {
    std::string name;    // as written in the tag: "page.title", "."
    bool opens = false;  // a section ({{#name}} or {{^name}}), closed by a later Use with `closes`
    bool closes = false;
};

// Every variable and section name a template uses, in order, with the sections' ends.
// Comments and partials are not uses. (The theme changes no delimiters; a template that does
// is reported.)
std::vector<Use> uses_of(const std::string& text, const std::string& template_name) {
    std::vector<Use> out;
    std::vector<std::string> open;
    std::size_t pos = 0;
    auto trim = [](std::string s) {
        s.erase(0, s.find_first_not_of(" \t\n"));
        s.erase(s.find_last_not_of(" \t\n") + 1);
        return s;
    };
    while ((pos = text.find("{{", pos)) != std::string::npos) {
        bool triple = text.compare(pos, 3, "{{{") == 0;
        std::size_t close = text.find(triple ? "}}}" : "}}", pos);
        REQUIRE(close != std::string::npos);
        std::string inner = trim(text.substr(pos + (triple ? 3 : 2), close - pos - (triple ? 3 : 2)));
        pos = close + (triple ? 3 : 2);
        if (inner.empty()) continue;
        char sigil = inner[0];
        INFO("template " << template_name << ": {{" << inner << "}}");
        REQUIRE(sigil != '=');
        if (sigil == '!' || sigil == '>') continue;
        bool named = sigil == '#' || sigil == '^' || sigil == '/' || sigil == '&';
        std::string name = named ? trim(inner.substr(1)) : inner;
        if (sigil == '/') {
            REQUIRE(!open.empty());
            REQUIRE(open.back() == name);
            open.pop_back();
            out.push_back({name, false, true});
            continue;
        }
        bool opens = sigil == '#' || sigil == '^';
        if (opens) open.push_back(name);
        out.push_back({name, opens, false});
    }
    REQUIRE(open.empty());
    return out;
}

// Whether `path` names something in `value`: each part a member of an object, looked for in
// every item of a list on the way.
bool provides(const json& value, const std::vector<std::string>& parts, std::size_t i = 0) {
    if (i == parts.size()) return true;
    if (value.is_array()) {
        for (const auto& item : value)
            if (provides(item, parts, i)) return true;
        return false;
    }
    if (!value.is_object()) return false;
    auto it = value.find(parts[i]);
    return it != value.end() && provides(*it, parts, i + 1);
}

// Whether `path` resolves from any object anywhere inside `value` (a partial's names are
// relative to wherever it is included).
bool provides_anywhere(const json& value, const std::vector<std::string>& parts) {
    if (provides(value, parts)) return true;
    if (value.is_array() || value.is_object())
        for (const auto& item : value)
            if (provides_anywhere(item, parts)) return true;
    return false;
}

std::vector<std::string> parts_of(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (std::size_t dot; (dot = path.find('.', start)) != std::string::npos; start = dot + 1)
        parts.push_back(path.substr(start, dot - start));
    parts.push_back(path.substr(start));
    return parts;
}

// A memory with what the example has not: over 400 dated entries (the timeline splits into
// years), a folder of free pages with no page of its own (its index), and a member whose git
// identity wrote pages (their contributions), in a git repository.
void write_wide_memory(const fs::path& dir) {
    std::map<std::string, std::string> files = {
        {"commonplace.yaml", "title: Wide memory\n"},
        {"people/ada.md", "---\ntitle: Ada Lovelace\ngit: [ada@example.org]\n---\nAda.\n"},
        {"guides/first-steps.md", "# First steps\n\nHow to begin.\n"},
        {"guides/second-steps.md", "# Second steps\n\nHow to go on.\n"},
    };
    for (int i = 0; i < 420; ++i) {
        char name[64];
        std::snprintf(name, sizeof name, "meetings/%04d-%02d-%02d-sync.md", 2019 + i / 200, 1 + (i / 17) % 12,
                      1 + i % 17);
        files[name] = "---\nattendees: [ada]\n---\nWe met.\n";
    }
    cp::testing::write_files(dir, files);
    cp::testing::GitRepo repo(dir);
    cp::testing::Signature ada{"Ada Lovelace", "ada@example.org", cp::testing::utc("2020-12-01"), 0};
    std::string first = repo.commit(cp::testing::text_files(files), {}, ada, "The memory");
    files["guides/first-steps.md"] += "\nAnd then.\n";
    cp::testing::write_files(dir, files);
    ada.time = cp::testing::utc("2021-01-05");
    repo.commit(cp::testing::text_files(files), {first}, ada, "More on first steps");
}

std::map<std::string, std::string> theme_templates() {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(source_dir() / "themes" / "default" / "templates"))
        if (e.path().extension() == ".mustache") out[e.path().stem().string()] = cp::testing::read_file(e.path());
    return out;
}

// The templates that other templates include ({{> name}}): their names are relative.
std::set<std::string> partial_names(const std::map<std::string, std::string>& templates) {
    std::set<std::string> out;
    std::regex partial(R"(\{\{>\s*([a-z_]+)\s*\}\})");
    for (const auto& [name, text] : templates)
        for (std::sregex_iterator it(text.begin(), text.end(), partial), end; it != end; ++it) out.insert((*it)[1]);
    return out;
}

}  // namespace

TEST_CASE("theme contract: every name a default-theme template uses is documented in docs/theme.md", "[theme]") {
    const auto docs = documented();
    // The words, {{{t.KEY}}}: documented by the theme's English file, every key of which the
    // build gives every template (docs/theme.md, "The words").
    cp::diag::Sink sink;
    const cp::i18n::Catalog words =
        cp::i18n::load_catalog(source_dir() / "themes" / "default", "en", std::nullopt, sink);
    REQUIRE_FALSE(sink.has_errors());
    auto is_word = [&](const std::string& name) {
        if (name.rfind("t.", 0) != 0) return false;
        const nlohmann::json* node = &words.tree();
        for (const auto& part : parts_of(name.substr(2))) {
            if (!node->is_object() || !node->contains(part)) return false;
            node = &(*node)[part];
        }
        return true;
    };
    REQUIRE(docs.count("frame"));
    const auto& frame = docs.at("frame");
    for (const auto& [name, text] : theme_templates()) {
        INFO("template " << name << ".mustache");
        REQUIRE(docs.count(name));
        const auto& own = docs.at(name);
        // Mustache looks a name up in each enclosing section's value, innermost first, and then
        // in the page's context: `open` holds the documented path of each open section's value
        // ("" for one not found, which then holds nothing documented).
        std::vector<std::string> open;
        for (const Use& use : uses_of(text, name)) {
            if (use.closes) {
                open.pop_back();
                continue;
            }
            if (use.name == ".") {
                if (use.opens) open.push_back(open.empty() ? "" : open.back());
                continue;
            }
            std::string found = is_word(use.name) ? use.name : std::string{};
            for (std::size_t depth = open.size() + 1; depth-- > 0 && found.empty();) {
                if (depth > 0 && open[depth - 1].empty()) continue;
                std::string path = depth > 0 ? open[depth - 1] + "." + use.name : use.name;
                if (own.count(path) || frame.count(path)) found = path;
            }
            INFO("{{" << use.name << "}}" << (open.empty() ? "" : " inside the section of " + open.back()));
            CHECK_FALSE(found.empty());
            if (use.opens) open.push_back(found);
        }
    }
}

TEST_CASE("theme contract: every name docs/theme.md documents is given by some context of the example memory",
          "[theme]") {
    const auto docs = documented();
    const auto templates = theme_templates();
    const auto partials = partial_names(templates);
    std::map<std::string, std::vector<json>> contexts;  // template -> its contexts
    for (auto audience : {cp::audience::Audience::Community, cp::audience::Audience::Public})
        for (auto& page : cp::testing::example_pages(audience))
            contexts[page.template_name].push_back(std::move(page.context));
    cp::testing::TempFolder wide;
    write_wide_memory(wide.path());
    for (auto& page : cp::testing::pages_of(wide.path(), cp::audience::Audience::Community))
        contexts[page.template_name].push_back(std::move(page.context));
    // The player of a recording (markdown asks for it while it renders a body): a sound recording
    // with captions and a transcript, and a video.
    cp::markdown::MediaEmbed sound{false,          "story.m4a", "audio/mp4",      "story.m4a",
                                   "Lena's story", "story.vtt", "<p>We met.</p>", "We met."};
    cp::markdown::MediaEmbed film{true, "ward.webm", "video/webm", "ward.webm", "", "", "", ""};
    contexts["media"].push_back(cp::views::media_context(sound, "en"));
    contexts["media"].push_back(cp::views::media_context(film, "en"));

    for (const auto& [name, paths] : docs) {
        INFO("section `" << name << "` of docs/theme.md");
        bool is_frame = name == "frame";
        CHECK((is_frame || templates.count(name)));  // a section for a template that no longer exists
        for (const auto& path : paths) {
            INFO("documented: " << path);
            const auto parts = parts_of(path);
            bool found = false;
            if (is_frame || name == "base") {
                // The layout and the frame: every page's context has them ("content" is the
                // page's own HTML, given by the renderer).
                found = path == "content";
                for (const auto& [_, list] : contexts)
                    for (const auto& c : list) found = found || provides(c, parts);
            } else if (partials.count(name)) {
                for (const auto& [_, list] : contexts)
                    for (const auto& c : list) found = found || provides_anywhere(c, parts);
            } else {
                for (const auto& c : contexts[name]) found = found || provides(c, parts);
            }
            CHECK(found);
        }
    }
}

// The printed memory's context is made whole for 50,000 items at a build's peak: each item holds
// what docs/theme.md gives it, and not the summary no template showed (9 MB at 50,000 notes).
TEST_CASE("theme contract: a printed item holds no summary", "[theme][reports]") {
    bool seen = false;
    for (const auto& page : cp::testing::example_pages(cp::audience::Audience::Community)) {
        if (page.url != "/print/") continue;
        seen = true;
        const json& print = page.context.at("print");
        std::size_t items = 0;
        auto check = [&](const json& list) {
            for (const auto& item : list) {
                ++items;
                CHECK(item.contains("anchor"));
                CHECK(item.contains("content"));
                CHECK_FALSE(item.contains("summary"));
            }
        };
        check(print.at("domains"));
        check(print.at("meetings"));
        check(print.at("people"));
        for (const auto& kind : print.at("note_kinds")) check(kind.at("notes"));
        CHECK(items > 20);
    }
    CHECK(seen);
}
