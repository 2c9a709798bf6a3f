#include <catch2/catch.hpp>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "audience/filter.hpp"
#include "diag/diagnostic.hpp"
#include "example_contexts.hpp"
#include "links/resolve.hpp"
#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "site_fixture.hpp"
#include "theme/mustache.hpp"
#include "theme/theme.hpp"
#include "views/context.hpp"
#include "views/output_item.hpp"

// Differential tests of cp::theme::Template against its reference, kainjow::mustache 4.1
// (header-only, Debian's libkainjow-mustache-dev), which rendered the theme before it.
// The templates were written against kainjow's behaviour, so our renderer must give the
// same bytes for the same JSON: first for every template of the default theme against
// the real contexts of the example memory, then for a fixed-seed generated corpus of
// templates and contexts. Everything here is deterministic (std::mt19937 with a fixed
// seed; the distributions are libstdc++'s); a mismatch prints the template, the context
// and both outputs, and the run stops after the first few.
//
// The one deliberate difference, excluded on purpose: a partial tag left in the text
// after expand_partials ({{> name}} naming no template) renders nothing in ours, while
// kainjow looked `name` up in the data and, when it found a string there, parsed and
// rendered that string as a template. So partial tags are only generated with names
// that are never in a context ("p", "q"), and the theme's templates must have none left
// after expansion.

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using kainjow::mustache::data;

// THE REFERENCE SEMANTICS: the theme's old conversion of a page's JSON to kainjow data
// (a test-only copy of to_data from generator/theme/theme.cpp before our own renderer).
// What it does is what the theme's templates mean:
//   object -> object (a has_x flag is an ordinary member: contexts carry their own, see
//             views::flag_lists);
//   array -> list; string -> string, but "" -> false; bool -> bool;
//   numbers -> their JSON text (j.dump()); null -> false.
data to_data(const json& j) {
    switch (j.type()) {
        case json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) d[it.key()] = to_data(it.value());
            return d;
        }
        case json::value_t::array: {
            kainjow::mustache::list items;
            items.reserve(j.size());
            for (const auto& item : j) items.push_back(to_data(item));
            return data{items};
        }
        case json::value_t::string: {
            const auto& str = j.get_ref<const std::string&>();
            return str.empty() ? data{data::type::bool_false} : data{str};
        }
        case json::value_t::boolean:
            return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
        case json::value_t::number_float:
            return data{j.dump()};
        default:
            return data{data::type::bool_false};
    }
}

// kainjow renders a page as the old Theme::render_page did: the page's template on the
// converted context, then "base" with `content` set to that HTML on the same data.
struct Reference {
    std::string inner;
    std::string page;
};

Reference reference_page(kainjow::mustache::mustache& page_tmpl, kainjow::mustache::mustache& base, const json& ctx) {
    data d = to_data(ctx);
    Reference r;
    r.inner = page_tmpl.render(d);
    d["content"] = data{r.inner};
    r.page = base.render(d);
    return r;
}

// A text as a JSON string literal: line breaks, tabs and carriage returns made visible.
std::string shown(const std::string& s) { return json(s).dump(-1, ' ', false, json::error_handler_t::replace); }

// Where two outputs first differ, with a little of each around that byte.
std::string first_difference(const std::string& expect, const std::string& got) {
    std::size_t i = 0;
    while (i < expect.size() && i < got.size() && expect[i] == got[i]) ++i;
    std::size_t from = i > 60 ? i - 60 : 0;
    return "first difference at byte " + std::to_string(i) + ": kainjow " + shown(expect.substr(from, 120)) +
        " / ours " + shown(got.substr(from, 120));
}

// Up to this many mismatches are reported by each test; then it stops.
constexpr int kMaxReported = 3;

// ---- the default theme against the example memory's real contexts ----

fs::path default_templates() { return fs::path(COMMONPLACE_SOURCE_DIR) / "themes" / "default" / "templates"; }

// Every template of the default theme, name -> text with its partials put in, as theme.cpp does.
std::map<std::string, std::string> expanded_default_theme() {
    std::map<std::string, std::string> texts;
    for (const auto& e : fs::directory_iterator(default_templates()))
        if (e.path().extension() == ".mustache") texts[e.path().stem().string()] = cp::testing::read_file(e.path());
    std::map<std::string, std::string> out;
    for (const auto& [name, text] : texts) out[name] = cp::theme::expand_partials(text, texts);
    return out;
}

using cp::testing::PageCase;

// The example's pages, and in `globals` what the build gives every template besides the page's
// context (the words, `t`).
std::vector<PageCase> example_pages(cp::audience::Audience audience, nlohmann::json& globals) {
    return cp::testing::pages_of(cp::testing::example_memory(), audience, "", &globals);
}

}  // namespace

TEST_CASE("mustache reference: every default-theme template renders as kainjow did, on the example's real contexts",
          "[theme][mustache][reference]") {
    const auto templates = expanded_default_theme();
    REQUIRE(templates.size() >= 20);
    REQUIRE(templates.count("base") == 1);

    std::map<std::string, cp::theme::Template> ours;
    std::map<std::string, kainjow::mustache::mustache> theirs;
    for (const auto& [name, text] : templates) {
        INFO("template " << name);
        // A partial tag left after expansion is where the two differ on purpose (see the top).
        CHECK(text.find("{{>") == std::string::npos);
        ours.emplace(name, cp::theme::Template(text));
        theirs.emplace(name, kainjow::mustache::mustache(text));
        REQUIRE(ours.at(name).ok());
        REQUIRE(theirs.at(name).is_valid());
    }
    const auto& base = ours.at("base");

    // The production path too: the theme as the build loads it.
    cp::diag::Sink sink;
    cp::theme::Theme theme(default_templates().parent_path(), {}, sink);
    REQUIRE_FALSE(sink.has_errors());
    nlohmann::json globals;

    int reported = 0;
    auto mismatch = [&](const std::string& what, const std::string& name, const PageCase& c, const std::string& expect,
                        const std::string& got) {
        ++reported;
        INFO(what << " of template " << name << " on the context of " << c.url
                  << " (its page template: " << c.template_name << ")");
        INFO("template text: " << shown(templates.at(name)));
        INFO("context: " << c.context.dump());
        INFO("kainjow: " << shown(expect));
        INFO("ours:    " << shown(got));
        FAIL_CHECK(first_difference(expect, got));
    };

    std::map<std::string, int> as_page;  // template -> pages rendered with it
    std::size_t renders = 0;
    for (auto audience : {cp::audience::Audience::Community, cp::audience::Audience::Public}) {
        const auto pages = example_pages(audience, globals);
        REQUIRE(pages.size() >= 30);
        REQUIRE(globals["t"]["nav"]["domains"] == "Domains");
        theme.set_globals(globals);
        for (const auto& c : pages) {
            if (reported >= kMaxReported) break;
            REQUIRE(templates.count(c.template_name) == 1);
            ++as_page[c.template_name];
            // kainjow has no globals: it is given them merged into the context, which must
            // not have a member of the same name (the two would then differ).
            REQUIRE_FALSE(c.context.contains("t"));
            nlohmann::json merged = c.context;
            merged.update(globals);
            // The page as the build renders it: its template, then the base layout around it.
            Reference expect = reference_page(theirs.at(c.template_name), theirs.at("base"), merged);
            std::string inner, page;
            ours.at(c.template_name).render(c.context, inner, &globals);
            base.render_layout(c.context, inner, page, &globals);
            renders += 2;
            if (inner != expect.inner)
                mismatch("render", c.template_name, c, expect.inner, inner);
            else if (page != expect.page)
                mismatch("render_layout", "base", c, expect.page, page);
            else if (theme.render_page(c.template_name, c.context) != expect.page)
                mismatch("Theme::render_page", c.template_name, c, expect.page,
                         theme.render_page(c.template_name, c.context));
            // Every other template (the partials alone too) on this real context: each
            // template's sections meet data shaped like what the build gives them.
            const data converted = to_data(merged);
            for (auto& [name, tmpl] : ours) {
                if (reported >= kMaxReported) break;
                if (name == c.template_name) continue;
                std::string expect_other = theirs.at(name).render(converted);
                std::string got;
                tmpl.render(c.context, got, &globals);
                ++renders;
                if (got != expect_other) mismatch("render", name, c, expect_other, got);
            }
        }
    }
    // Most of the theme is reached as a page's own template; the rest are partials, and
    // rendered inside those (and alone, above).
    std::string reached;
    for (const auto& [name, n] : as_page) reached += name + " x" + std::to_string(n) + " ";
    INFO("templates used as pages: " << reached << "; renders compared: " << renders);
    CHECK(as_page.size() >= 15);
    REQUIRE(reported == 0);
}

// ---- a generated corpus ----

namespace {

// Templates and contexts drawn from a small grammar, with a fixed seed: the names overlap
// between the two so that lookups hit, miss, walk dotted paths and meet has_ flags; the
// text is full of line breaks, indentation and tags alone on their lines, where the
// standalone-line rules apply.
class Corpus {
public:
    explicit Corpus(std::uint32_t seed) : rng_(seed) {}

    json context() { return object(0, 7); }

    std::string templ() {
        open_ = "{{";
        close_ = "}}";
        return pick(3) == 0 ? lines(0) : sequence(0);
    }

private:
    std::mt19937 rng_;
    std::string open_, close_;  // the delimiters in force where the text is being made

    int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

    // An object holding each of the names used in contexts with a chance of `in` in 10.
    // "" is a name too; "p" and "q" never are (they name partials).
    json object(int depth, int in) {
        static const char* keys[] = {"a", "b", "c", "x", "has_a", "has_b", "has_x", "content", "has_content", ""};
        json o = json::object();
        for (const char* key : keys)
            if (pick(10) < in) o[key] = value(depth);
        return o;
    }

    // Names in tags: mostly the contexts' keys, then ".", dotted paths, names that are in
    // no context, and odd spellings.
    std::string name() {
        static const char* keys[] = {"a", "b", "c", "x", "has_a", "has_b", "has_x", "content", "has_content"};
        static const char* odd[] = {"a.", "..", ".a", "a..b", " a ", "a b", "has_", "b.", "", "has_a.b", "a.has_b"};
        auto k9 = [&] { return std::string(keys[pick(9)]); };
        int k = pick(17);
        if (k < 8) return k9();
        if (k < 10) return ".";
        if (k < 12) return k9() + "." + k9();
        if (k == 12) return k9() + "." + k9() + "." + k9();
        if (k == 13) return " " + k9() + (pick(2) ? "  " : "\t");
        if (k == 14) return pick(2) ? "y" : "has_c";
        return odd[pick(11)];
    }

    json value(int depth) {
        int k = pick(depth > 2 ? 10 : 15);
        switch (k) {
            case 0:
                return nullptr;
            case 1:
                return pick(2) == 0;
            case 2:
                return std::string();
            case 3: {
                static const char* texts[] = {" ",     "x<&>\"'y", "\t",    "a\nb", "\n",  "  \n",
                                              "{{a}}", "café",     "&amp;", "s'1",  "<s2>"};
                return std::string(texts[pick(11)]);
            }
            case 4:
                return pick(4) - 1;
            case 5: {
                switch (pick(6)) {
                    case 0:
                        return 1.5;
                    case 1:
                        return 0.0;
                    case 2:
                        return -2.25e-7;
                    case 3:
                        return 1e21;
                    case 4:
                        return 18446744073709551615ull;
                    default:
                        return -9007199254740993ll;
                }
            }
            case 6:
            case 7:
            case 8:
                return std::string("s") + std::to_string(pick(5));
            case 9:
                return json::array();
            case 10:
            case 11:
                return object(depth + 1, 3);
            default: {
                json a = json::array();
                int n = 1 + pick(3);
                for (int i = 0; i < n; ++i) a.push_back(value(depth + 1));
                return a;
            }
        }
    }

    std::string tag(const std::string& inside) { return open_ + inside + close_; }

    // {{=<% %>=}}: the delimiters change from here on (the section closes in whatever is in force).
    std::string set_delimiters() {
        static const std::pair<const char*, const char*> sets[] = {{"<%", "%>"}, {"|", "|"},   {"[[", "]]"},
                                                                   {"{{", "}}"}, {"<<", ">>"}, {"{%", "%}"}};
        auto [o, c] = sets[pick(6)];
        std::string t = tag(std::string("=") + (pick(3) ? "" : " ") + o + " " + c + (pick(3) ? "" : " ") + "=");
        open_ = o;
        close_ = c;
        return t;
    }

    std::string variable() {
        int k = pick(10);
        if (k < 5) return tag(name());
        if (k < 7 && open_ == "{{") return "{{{" + name() + "}}}";
        if (k < 7) return tag("{" + name() + "}");
        return tag(std::string("&") + (pick(2) ? " " : "") + name() + (pick(2) ? " " : ""));
    }

    std::string section(int depth, bool by_lines) {
        std::string nm = name();
        std::string sig = pick(3) ? "#" : "^";
        std::string t = tag(sig + nm);
        if (by_lines)
            t += "\n" + lines(depth + 1) + indent();
        else
            t += std::string(pick(2) ? "\n" : "") + sequence(depth + 1) + (pick(2) ? "  \n" : "");
        return t + tag("/" + nm);
    }

    std::string indent() {
        switch (pick(5)) {
            case 0:
                return "  ";
            case 1:
                return "\t";
            case 2:
                return " \t ";
            default:
                return "";
        }
    }

    std::string line_break() {
        int k = pick(10);
        return k == 0 ? "\r\n" : k == 1 ? "\r" : "\n";
    }

    // Text made of lines, most holding one tag alone with indentation: the standalone cases.
    std::string lines(int depth) {
        std::string t;
        int n = (depth == 0 ? 1 : 0) + pick(5);
        for (int i = 0; i < n; ++i) {
            t += indent();
            int k = pick(12);
            if (k < 4 && depth < 4)
                t += section(depth, true);
            else if (k < 6)
                t += variable();
            else if (k == 6)
                t += tag("! a comment" + std::string(pick(2) ? "\n spanning lines " : ""));
            else if (k == 7)
                t += set_delimiters();
            else if (k == 8)
                t += tag(std::string("> ") + (pick(2) ? "p" : "q"));
            else if (k == 9)
                t += "text " + variable();
            else if (k == 10)
                t += variable() + " " + variable();
            // k == 11: a blank or whitespace-only line
            t += indent();
            if (pick(6)) t += line_break();
        }
        return t;
    }

    // Free text: tags, words and whitespace in any order, now and then a malformed tag.
    std::string sequence(int depth) {
        std::string t;
        int n = (depth == 0 ? 1 : 0) + pick(7);
        for (int i = 0; i < n; ++i) {
            switch (pick(22)) {
                case 0:
                    t += "\n";
                    break;
                case 1:
                    t += " ";
                    break;
                case 2:
                    t += "\t";
                    break;
                case 3:
                    t += "\r\n";
                    break;
                case 4:
                    t += "\r";
                    break;
                case 5:
                    t += "txt";
                    break;
                case 6:
                case 7:
                    t += variable();
                    break;
                case 8:
                    t += tag("! comment\n ");
                    break;
                case 9:
                case 10:
                case 11:
                case 12:
                    if (depth < 4) t += std::string(pick(2) ? "  " : "") + section(depth, false);
                    break;
                case 13:
                    if (pick(40) == 0) t += tag("/" + name());
                    break;  // stray close
                case 14:
                    if (pick(40) == 0) t += tag("#" + name());
                    break;  // never closed
                case 15:
                    if (pick(40) == 0) t += open_ + " oops";
                    break;  // never ends
                case 16:
                    if (pick(4) == 0) t += set_delimiters();
                    break;
                case 17:
                    t += pick(2) ? "{" : "}";
                    break;
                case 18:
                    t += "\n" + indent() + section(depth + 1, false) + indent() + "\n";
                    break;
                case 19:
                    t += indent() + tag("!c") + indent() + "\n";
                    break;
                case 20:
                    t += tag(std::string(">") + (pick(2) ? " p" : "q"));
                    break;
                default:
                    t += pick(2) ? "<%" : "|";
                    break;
            }
        }
        return t;
    }
};

}  // namespace

TEST_CASE("mustache reference: a generated corpus renders as kainjow did (fixed seed)",
          "[theme][mustache][reference]") {
    constexpr std::uint32_t kSeed = 20240611;
    constexpr int kCases = 40000;
    Corpus corpus(kSeed);
    std::mt19937 content_rng(kSeed + 1);
    int reported = 0, valid = 0, with_value = 0;
    // Reports one mismatch with all it takes to reproduce it (built only when there is one).
    auto mismatch = [&](int i, const std::string& text, const json& ctx, const std::string& what,
                        const std::string& expect, const std::string& got) {
        ++reported;
        INFO("case " << i << " of seed " << kSeed);
        INFO("template: " << shown(text));
        INFO("context:  " << ctx.dump());
        INFO("kainjow:  " << expect);
        INFO("ours:     " << got);
        FAIL_CHECK(what);
    };
    for (int i = 0; i < kCases && reported < kMaxReported; ++i) {
        const std::string text = corpus.templ();
        const json ctx = corpus.context();
        static const char* contents[] = {"", " ", "in<&>'", "\n", "  \n  "};
        const std::string content = contents[std::uniform_int_distribution<int>(0, 4)(content_rng)];
        kainjow::mustache::mustache reference(text);
        cp::theme::Template ours(text);
        // Both must accept and refuse the same texts.
        if (reference.is_valid() != ours.ok()) {
            mismatch(i, text, ctx, "parse", reference.is_valid() ? "parses" : "error: " + reference.error_message(),
                     ours.ok() ? "parses" : "error: " + ours.error());
            continue;
        }
        if (!ours.ok()) continue;
        ++valid;

        std::string expect = reference.render(to_data(ctx));
        std::string got;
        ours.render(ctx, got);
        if (got != expect) {
            mismatch(i, text, ctx, "render: " + first_difference(expect, got), shown(expect), shown(got));
            continue;
        }
        // Streamed, handed on at the end of every line: the same bytes.
        std::string by_lines;
        ours.render(
            ctx, [&](std::string_view s) { by_lines.append(s); }, nullptr, 1);
        if (by_lines != got) {
            mismatch(i, text, ctx, "streamed render: " + first_difference(got, by_lines), shown(got), shown(by_lines));
            continue;
        }
        // Whether the context made a difference (else the case tested the text alone).
        std::string without;
        ours.render(json::object(), without);
        if (without != got) ++with_value;

        // As a layout: "content" reads as the page rendered first (set on the converted data,
        // as the old render_page did); ours appends to what `out` already holds.
        data d = to_data(ctx);
        d["content"] = data{content};
        std::string expect_layout = "prefix\n" + reference.render(d);
        std::string got_layout = "prefix\n";
        ours.render_layout(ctx, content, got_layout);
        if (got_layout != expect_layout)
            mismatch(
                i, text, ctx,
                "render_layout with content " + shown(content) + ": " + first_difference(expect_layout, got_layout),
                shown(expect_layout), shown(got_layout));
        // As a build writes a page: the same bytes, handed on in pieces.
        std::string streamed = "prefix\n";
        ours.render_layout(ctx, content, [&](std::string_view s) { streamed.append(s); });
        if (streamed != expect_layout)
            mismatch(i, text, ctx,
                     "render_layout in pieces with content " + shown(content) + ": " +
                         first_difference(expect_layout, streamed),
                     shown(expect_layout), shown(streamed));
    }
    INFO(valid << " of " << kCases << " templates parse; the context changes the output of " << with_value
               << " of those");
    REQUIRE(reported == 0);
    // The corpus must keep testing something: most texts parse, and the contexts matter.
    CHECK(valid > kCases / 2);
    CHECK(with_value > valid / 4);
}
