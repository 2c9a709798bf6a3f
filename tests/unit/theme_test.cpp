#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "diag/diagnostic.hpp"
#include "site_fixture.hpp"
#include "theme/mustache.hpp"
#include "theme/theme.hpp"
#include "views/json_object.hpp"

// The expected strings are what kainjow::mustache 4.1 rendered from the same JSON after
// the theme's old conversion to kainjow data: the templates were written against it, so
// the renderer must keep every one of these rules byte for byte.

using cp::theme::Template;
using json = nlohmann::json;

namespace {

std::string render(const std::string& text, const json& context) {
    Template t(text);
    REQUIRE(t.ok());
    std::string out;
    t.render(context, out);
    return out;
}

std::string render_layout(const std::string& text, const json& context, const std::string& content) {
    Template t(text);
    REQUIRE(t.ok());
    std::string out;
    t.render_layout(context, content, out);
    return out;
}

}  // namespace

TEST_CASE("mustache: a variable prints strings and numbers, HTML-escaped", "[theme][mustache]") {
    CHECK(render("<p>{{x}}</p>", {{"x", "a & b < c > d \" e ' f"}}) ==
          "<p>a &amp; b &lt; c &gt; d &quot; e &apos; f</p>");
    CHECK(render("{{{x}}}|{{& x}}|{{&x}}", {{"x", "<b>&'"}}) == "<b>&'|<b>&'|<b>&'");
    CHECK(render("{{ x }}", {{"x", "spaces around the name"}}) == "spaces around the name");
    CHECK(render("{{n}} {{m}} {{u}} {{f}}", {{"n", 42}, {"m", -3}, {"u", 18446744073709551615ull}, {"f", 1.5}}) ==
          "42 -3 18446744073709551615 1.5");
    CHECK(render("café {{x}}", {{"x", "naïve"}}) == "café naïve");
}

TEST_CASE("mustache: bools, null, empty strings, lists, objects and missing names print nothing", "[theme][mustache]") {
    json ctx = {{"t", true}, {"f", false}, {"z", nullptr}, {"e", ""}, {"l", {1, 2}}, {"o", {{"a", "b"}}}};
    CHECK(render("[{{t}}][{{f}}][{{z}}][{{e}}][{{l}}][{{o}}][{{missing}}][{{{t}}}][{{}}]", ctx) ==
          "[][][][][][][][][]");
}

TEST_CASE("mustache: false, null, empty strings, empty lists and missing names hide a section", "[theme][mustache]") {
    json ctx = {{"f", false}, {"z", nullptr}, {"e", ""}, {"l", json::array()}};
    CHECK(render("a{{#f}}1{{/f}}{{#z}}2{{/z}}{{#e}}3{{/e}}{{#l}}4{{/l}}{{#missing}}5{{/missing}}b", ctx) == "ab");
    CHECK(render("a{{^f}}1{{/f}}{{^z}}2{{/z}}{{^e}}3{{/e}}{{^l}}4{{/l}}{{^missing}}5{{/missing}}b", ctx) == "a12345b");
}

TEST_CASE("mustache: numbers (0 too), objects ({} too), true and strings show a section once", "[theme][mustache]") {
    json ctx = {{"zero", 0}, {"empty_object", json::object()}, {"t", true}, {"s", "x"}, {"f", 0.0}};
    CHECK(render("{{#zero}}a{{/zero}}{{#empty_object}}b{{/empty_object}}{{#t}}c{{/t}}{{#s}}d{{/s}}{{#f}}e{{/f}}",
                 ctx) == "abcde");
    CHECK(render("{{^zero}}a{{/zero}}{{^empty_object}}b{{/empty_object}}{{^t}}c{{/t}}{{^s}}d{{/s}}|", ctx) == "|");
}

TEST_CASE("mustache: a section pushes its value, so {{.}} prints a string or a number", "[theme][mustache]") {
    json ctx = {{"s", "text<"}, {"n", 0}, {"t", true}, {"o", {{"name", "inner"}}}, {"name", "outer"}};
    CHECK(render("{{#s}}[{{.}}]{{/s}}", ctx) == "[text&lt;]");
    CHECK(render("{{#s}}[{{{.}}}]{{/s}}", ctx) == "[text<]");
    CHECK(render("{{#n}}[{{.}}]{{/n}}", ctx) == "[0]");
    CHECK(render("{{#t}}[{{.}}|{{name}}]{{/t}}", ctx) == "[|outer]");
    CHECK(render("{{#o}}[{{name}}]{{/o}}", ctx) == "[inner]");
    CHECK(render("{{#s}}[{{name}}]{{/s}}", ctx) == "[outer]");  // a string has no members: the outer context answers
    CHECK(render("[{{.}}]", ctx) == "[]");                      // the root is an object: prints nothing
}

TEST_CASE("mustache: a list section repeats for every item, false ones included", "[theme][mustache]") {
    CHECK(render("{{#l}}<{{.}}>{{/l}}", {{"l", {"a", "b&", 3}}}) == "<a><b&amp;><3>");
    CHECK(render("{{#l}}[{{.}}]{{/l}}", {{"l", {false, "", nullptr, "x", json::array()}}}) == "[][][][x][]");
    CHECK(render("{{#l}}{{name}}{{^last}}, {{/last}}{{/l}}",
                 {{"l", {{{"name", "Ada"}}, {{"name", "Bo"}}, {{"name", "Cy"}, {"last", true}}}}}) == "Ada, Bo, Cy");
    CHECK(render("{{#l}}({{#.}}{{.}}{{/.}}){{/l}}", {{"l", {{1, 2}, json::array(), {3}}}}) == "(12)()(3)");
}

TEST_CASE("mustache: an inverted section over a false value pushes it, over a missing name it does not",
          "[theme][mustache]") {
    json ctx = {{"s", "outer"}, {"f", false}, {"l", json::array()}};
    CHECK(render("{{#s}}{{^f}}[{{.}}]{{/f}}{{/s}}", ctx) == "[]");  // {{.}} is the false value
    CHECK(render("{{#s}}{{^l}}[{{.}}]{{/l}}{{/s}}", ctx) == "[]");  // {{.}} is the empty list
    CHECK(render("{{#s}}{{^missing}}[{{.}}]{{/missing}}{{/s}}", ctx) == "[outer]");
}

TEST_CASE("mustache: has_x is an ordinary name: the renderer makes up no flag for a list", "[theme][mustache]") {
    json ctx = {{"tags", {"a"}}, {"own", {1}}, {"has_own", false}, {"page", {{"authors", {"Ada"}}}}};
    CHECK(render("{{#has_tags}}tags{{/has_tags}}{{^has_tags}}none{{/has_tags}}|{{#has_own}}own{{/has_own}}", ctx) ==
          "none|");
    CHECK(render("{{#page.has_authors}}A{{/page.has_authors}}", ctx) == "");
}

TEST_CASE("views::flag_lists gives an object a has_x for each of its lists, keeping its own", "[theme][views]") {
    json ctx = {{"tags", {"a"}},    {"none", json::array()}, {"own", {1}},
                {"has_own", false}, {"text", "not a list"},  {"page", {{"authors", {"Ada"}}}}};
    cp::views::flag_lists(ctx);
    CHECK(ctx["has_tags"] == true);
    CHECK(ctx["has_none"] == false);
    CHECK(ctx["has_own"] == false);
    CHECK_FALSE(ctx.contains("has_text"));
    CHECK_FALSE(ctx["page"].contains("has_authors"));  // nested objects are flagged where they are made
    CHECK(render("{{#has_tags}}tags{{/has_tags}}|{{^has_none}}none{{/has_none}}|{{#has_own}}own{{/has_own}}", ctx) ==
          "tags|none|");
}

TEST_CASE("mustache: names are looked up from the innermost context out, dotted names whole in each",
          "[theme][mustache]") {
    json ctx = {{"title", "outer"},
                {"site", {{"title", "Site"}, {"nested", {{"deep", "D"}}}}},
                {"a", {{"b", "outer a.b"}}},
                {"items", {{{"title", "inner"}}, {{"a", json::object()}}, {{"a", {{"b", "inner a.b"}}}}}}};
    CHECK(render("{{site.title}} {{site.nested.deep}}", ctx) == "Site D");
    CHECK(render("{{#items}}[{{title}}]{{/items}}", ctx) == "[inner][outer][outer]");
    // "a" is found in the second item but "a.b" is not: the next context out is asked.
    CHECK(render("{{#items}}[{{a.b}}]{{/items}}", ctx) == "[outer a.b][outer a.b][inner a.b]");
    CHECK(render("[{{site.missing}}][{{title.length}}][{{site.nested.deep.more}}]", ctx) == "[][][]");
    CHECK(render("[{{site.}}][{{a.b.}}]", ctx) == "[][outer a.b]");  // a last empty part is dropped
    CHECK(render("{{#site.nested}}{{deep}}{{/site.nested}}", ctx) == "D");
}

TEST_CASE("mustache: comments print nothing and do not make a line standalone", "[theme][mustache]") {
    CHECK(render("a{{! a comment }}b", json::object()) == "ab");
    CHECK(render("a{{! spans\ntwo lines }}b", json::object()) == "ab");
    CHECK(render("a\n{{! c }}\nb", json::object()) == "a\n\nb");
    CHECK(render("  {{! c }}  \nb", json::object()) == "    \nb");
}

TEST_CASE("mustache: delimiters can be changed", "[theme][mustache]") {
    json ctx = {{"a", "x"}, {"l", {1, 2}}};
    CHECK(render("{{=<% %>=}}<% a %> {{a}} <%#l%><%.%><%/l%><%={{ }}=%> {{a}}", ctx) == "x {{a}} 12 x");
    CHECK(render("{{=| |=}}|a| {a}", ctx) == "x {a}");
}

TEST_CASE("mustache: an output line that a section opened or closed on and that is blank is dropped",
          "[theme][mustache]") {
    json t = {{"a", true}, {"f", false}, {"l", {"x", "y"}}, {"space", " "}, {"word", "w"}};
    // A section's own lines go, the lines inside stay.
    CHECK(render("{{#a}}\nin\n{{/a}}\nafter\n", t) == "in\nafter\n");
    CHECK(render("  {{#a}}\n  in\n  {{/a}}\n", t) == "  in\n");
    CHECK(render("<ul>\n{{#l}}\n  <li>{{.}}</li>\n{{/l}}\n</ul>\n", t) == "<ul>\n  <li>x</li>\n  <li>y</li>\n</ul>\n");
    CHECK(render("{{#a}}\r\nin\r\n{{/a}}\r\n", t) == "in\r\n");
    // A section that did not render does not count: its line's break stays.
    CHECK(render("{{#f}}\nin\n{{/f}}\nafter", t) == "\nafter");
    CHECK(render("{{^a}}\nin\n{{/a}}\nafter", t) == "\nafter");
    CHECK(render("{{^f}}\nin\n{{/f}}\nafter", t) == "in\nafter");
    // The line is judged as rendered: a variable that prints blanks keeps it blank...
    CHECK(render("  {{#a}}{{space}}{{/a}}  \nnext", t) == "next");
    CHECK(render("  {{#a}}{{word}}{{/a}}  \nnext", t) == "  w  \nnext");
    CHECK(render("{{#a}}{{/a}}\t \nnext", t) == "next");
    // ...and text on the line keeps it.
    CHECK(render("{{#a}}x{{/a}}\n", t) == "x\n");
    CHECK(render("<p>{{#f}}x{{/f}}</p>\n", t) == "<p></p>\n");
    // Lines without a section are never dropped.
    CHECK(render("a\n\n  \n{{space}}\nb", t) == "a\n\n  \n \nb");
    // The last line has no line break and goes on the same terms.
    CHECK(render("x\n{{#a}}  {{/a}}", t) == "x\n");
    CHECK(render("x\n  {{#a}}y{{/a}}", t) == "x\n  y");
    // A lone "\r" ends a line too.
    CHECK(render("{{#a}}\rin\r{{/a}}\r", t) == "in\r");
}

TEST_CASE("mustache: a layout reads its content from beside the context, which is not copied", "[theme][mustache]") {
    json ctx = {{"title", "T"}, {"content", "the context's own"}};
    CHECK(render_layout("{{title}}:{{{content}}}", ctx, "<p>page</p>") == "T:<p>page</p>");
    CHECK(render_layout("{{content}}", ctx, "<p>") == "&lt;p&gt;");
    CHECK(ctx["content"] == "the context's own");
    // The content counts as true even when empty (it was a string, not an empty field).
    CHECK(render_layout("{{#content}}yes{{/content}}{{^content}}no{{/content}}", ctx, "") == "yes");
    CHECK(render_layout("{{#content}}[{{.}}]{{/content}}", ctx, "c") == "[c]");
    // It stands in for the root's member only.
    CHECK(render_layout("{{#o}}{{{content}}}{{/o}}|{{{content}}}", {{"o", {{"content", "o's"}}}}, "page") ==
          "o's|page");
    CHECK(render_layout("{{#o}}{{{content}}}{{/o}}", {{"o", {{"content", "o's"}}}}, "page") == "o's");
    CHECK(render_layout("{{#o}}{{{content}}}{{/o}}", {{"o", {{"x", 1}}}}, "page") == "page");
    CHECK(render_layout("{{#.}}{{{content}}}{{/.}}", ctx, "page") == "page");
}

TEST_CASE("mustache: render appends to the output it is given", "[theme][mustache]") {
    Template t("{{#a}}\n{{x}}\n{{/a}}\n");
    REQUIRE(t.ok());
    std::string out = "before ";
    t.render({{"a", true}, {"x", "y"}}, out);
    CHECK(out == "before y\n");
}

TEST_CASE("mustache: a text that does not parse names the line and column of the problem", "[theme][mustache]") {
    struct Case {
        std::string text;
        std::string error;
        int line;
        int column;
    };
    auto c = GENERATE(
        Case{"<ul>\n  {{#items}}<li>{{.}}</li>\n</ul>\n",
             "line 2, column 3: {{#items}} is never closed: no {{/items}} after it", 2, 3},
        Case{"{{^x}}", "line 1, column 1: {{^x}} is never closed: no {{/x}} after it", 1, 1},
        Case{"{{#a}}\n {{#b}}\n{{/a}}{{/b}}",
             "line 3, column 1: {{/a}} does not match {{#b}} opened at line 2, column 2, which must be closed first", 3,
             1},
        Case{"a\nb {{/a}}", "line 2, column 3: {{/a}} closes no section: none is open here", 2, 3},
        Case{"<p>{{title</p>\n", "line 1, column 4: '{{' is not closed: no '}}' after it", 1, 4},
        Case{"x\n\n  {{{title}}\n", "line 3, column 3: '{{{' is not closed: no '}}}' after it", 3, 3},
        Case{"x {{", "line 1, column 3: '{{' is not closed: no '}}' after it", 1, 3},
        Case{"{{=<%%>=}}",
             "line 1, column 1: {{=<%%>=}} does not set delimiters: write two delimiters between '=' signs, separated "
             "by a space, without spaces or '=' in them, as {{=<% %>=}}",
             1, 1});
    Template t(c.text);
    CHECK_FALSE(t.ok());
    CHECK(t.error() == c.error);
    CHECK(t.error_line() == c.line);
    CHECK(t.error_column() == c.column);
    std::string out;
    t.render({{"items", {1}}}, out);
    CHECK(out.empty());  // a template that does not parse renders nothing
}

TEST_CASE("mustache: sections nest only so deep, so a render's recursion is bounded", "[theme][mustache]") {
    auto nested = [](int depth) {
        std::string text;
        for (int i = 0; i < depth; ++i) text += "{{#a}}";
        text += "x";
        for (int i = 0; i < depth; ++i) text += "{{/a}}";
        return text;
    };
    Template deepest(nested(Template::kMaxNesting));
    REQUIRE(deepest.ok());
    std::string out;
    deepest.render({{"a", true}}, out);
    CHECK(out == "x");
    Template too_deep(nested(Template::kMaxNesting + 1));
    CHECK_FALSE(too_deep.ok());
    CHECK(too_deep.error() ==
          "line 1, column " + std::to_string(Template::kMaxNesting * 6 + 1) + ": sections are nested more than " +
              std::to_string(Template::kMaxNesting) + " deep");
}

TEST_CASE("mustache: a partial left in the text prints nothing", "[theme][mustache]") {
    // The theme puts partials in before parsing; one it did not know is gone, one it
    // could not reach (written "{{ >name}}") prints nothing, whatever the context holds.
    // Not as kainjow, deliberately: it rendered a string of the context by that name as a
    // template, which would have let a page's text run template code.
    CHECK(render("a{{ > p}}b", {{"p", "{{x}}"}, {"x", "no"}}) == "ab");
}

TEST_CASE("mustache: one template renders from many threads at once", "[theme][mustache]") {
    Template t(
        "<ul>\n{{#items}}\n  <li>{{name}}{{#has_tags}}: {{#tags}}{{.}} {{/tags}}{{/has_tags}}</li>\n{{/items}}\n</ul>\n");
    REQUIRE(t.ok());
    json ctx = {{"items", json::array()}};
    for (int i = 0; i < 50; ++i)
        ctx["items"].push_back({{"name", "item " + std::to_string(i) + " <&>"},
                                {"tags", i % 3 ? json{"a", "b"} : json::array()},
                                {"has_tags", i % 3 != 0}});
    std::string expected;
    t.render(ctx, expected);
    REQUIRE(expected.find("<li>item 49 &lt;&amp;&gt;: a b </li>") != std::string::npos);

    const int runs = 2000;
    int mismatches[2] = {0, 0};
    auto work = [&](int slot) {
        for (int i = 0; i < runs; ++i) {
            std::string out;
            t.render(ctx, out);
            if (out != expected) ++mismatches[slot];
        }
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    CHECK(mismatches[0] == 0);
    CHECK(mismatches[1] == 0);
}

TEST_CASE("theme: a page renders inside the base layout, which sees the page's context", "[theme]") {
    cp::testing::TempFolder tmp;
    cp::testing::write_files(
        tmp.path(),
        {
            {"templates/base.mustache", "<title>{{title}}</title>\n<main>\n{{{content}}}\n</main>\n"},
            {"templates/note.mustache", "<h1>{{title}}</h1>\n{{#has_tags}}\n{{> tags}}\n{{/has_tags}}\n"},
            {"templates/tags.mustache", "<ul>{{#tags}}<li>{{.}}</li>{{/tags}}</ul>"},
            {"templates/feed.mustache", "<feed>{{title}}</feed>"},
            {"static/style.css", "body{}"},
        });
    cp::diag::Sink sink;
    cp::theme::Theme theme(tmp.path(), {{"feed", "<custom>{{title}}</custom>"}}, sink);
    REQUIRE_FALSE(sink.has_errors());
    json ctx = {{"title", "A & B"}, {"tags", {"x", "y"}}, {"has_tags", true}, {"content", "not this"}};
    CHECK(theme.render_page("note", ctx) ==
          "<title>A &amp; B</title>\n<main>\n<h1>A &amp; B</h1>\n<ul><li>x</li><li>y</li></ul>\n\n</main>\n");
    CHECK(theme.render("feed", ctx) == "<custom>A &amp; B</custom>");  // a memory's layout replaces the theme's
    CHECK(theme.has("tags"));
    CHECK_FALSE(theme.has("missing"));
    CHECK_THROWS_AS(theme.render("missing", ctx), std::runtime_error);
    REQUIRE(theme.static_files().size() == 1);
    CHECK(theme.static_files()[0].path == "static/style.css");
}

TEST_CASE("theme: a template that does not parse is reported where it is and not loaded", "[theme]") {
    cp::testing::TempFolder tmp;
    cp::testing::write_files(tmp.path(),
                             {
                                 {"templates/base.mustache", "{{{content}}}"},
                                 {"templates/plain.mustache", "<p>\n  {{#items}}{{.}}\n</p>\n"},
                                 {"templates/with_partial.mustache", "{{> part}}\n{{#x}}"},
                                 {"templates/part.mustache", "one\ntwo\n"},
                             });
    cp::diag::Sink sink;
    cp::theme::Theme theme(tmp.path(), {}, sink);
    auto problems = sink.sorted();
    REQUIRE(problems.size() == 2);
    // Counted in the file itself...
    CHECK(problems[0].path == (tmp.path() / "templates" / "plain.mustache").string());
    CHECK(problems[0].line == 2);
    CHECK(problems[0].column == 3);
    CHECK(problems[0].message ==
          "template does not parse: line 2, column 3: {{#items}} is never closed: no {{/items}} after it");
    // ...or, once a partial was put in, in the text as parsed (the message says so).
    CHECK(problems[1].path == (tmp.path() / "templates" / "with_partial.mustache").string());
    CHECK(problems[1].line == 0);
    CHECK(problems[1].message ==
          "template does not parse: line 4, column 1: {{#x}} is never closed: no {{/x}} "
          "after it (counted with its partials put in)");
    CHECK_FALSE(theme.has("plain"));
    CHECK(theme.has("part"));
}

TEST_CASE("mustache: a layout hands its content on as it is, between the text around it", "[theme][mustache]") {
    const std::string page = "<main>\n<p>the page</p>\n</main>\n";
    Template layout("<html>{{#title}}<title>{{title}}</title>{{/title}}\n{{{content}}}</html>\n");
    REQUIRE(layout.ok());
    std::vector<std::string> pieces;  // copies: a piece is only valid while it is handed on
    std::vector<const char*> where;
    std::string whole;
    layout.render_layout({{"title", "T"}}, page, [&](std::string_view s) {
        pieces.emplace_back(s);
        where.push_back(s.data());
        whole.append(s);
    });
    CHECK(whole ==
          render_layout("<html>{{#title}}<title>{{title}}</title>{{/title}}\n{{{content}}}</html>\n", {{"title", "T"}},
                        page));
    REQUIRE(pieces.size() == 3);
    CHECK(pieces[0] == "<html><title>T</title>\n");
    CHECK(where[1] == page.data());  // the page itself, never copied
    CHECK(pieces[2] == "</html>\n");

    // Lines a section stands alone on are dropped when blank: the same bytes either way, the
    // content blank or not, on such a line or not, escaped, or met twice.
    for (const std::string text :
         {"{{#a}}\n{{{content}}}\n{{/a}}\n", "  {{#a}}{{{content}}}{{/a}}  \nafter\n", "{{{content}}}|{{content}}",
          "{{#content}}[{{{.}}}]{{/content}}{{{content}}}", "{{^a}}\n  {{{content}}}  \n{{/a}}\n{{{content}}}"})
        for (const std::string content : {"", " ", "\t \t", "page", "a\n", "  x  "}) {
            for (const json& ctx : {json{{"a", true}}, json{{"a", false}}, json::object()}) {
                Template t(text);
                REQUIRE(t.ok());
                std::string streamed;
                t.render_layout(ctx, content, [&](std::string_view s) { streamed.append(s); });
                CHECK(streamed == render_layout(text, ctx, content));
            }
        }
}

TEST_CASE("theme: a page is written into its layout as it is rendered, never held whole", "[theme][mustache]") {
    cp::testing::TempFolder tmp;
    cp::testing::write_files(tmp.path(),
                             {{"templates/base.mustache", "{{{content}}}"}, {"templates/page.mustache", "{{title}}"}});
    // The page held whole and put in its layout: what render_page gave before it streamed.
    auto held = [](const std::string& layout, const std::string& page, const json& ctx) {
        std::string inner, out;
        Template(page).render(ctx, inner);
        Template(layout).render_layout(ctx, inner, out);
        return out;
    };
    auto theme_of = [&](const std::string& layout, const std::string& page) {
        cp::diag::Sink sink;
        auto theme = std::make_unique<cp::theme::Theme>(
            tmp.path(), std::map<std::string, std::string>{{"base", layout}, {"page", page}}, sink);
        REQUIRE_FALSE(sink.has_errors());
        return theme;
    };

    // A list of 20,000 lines: handed on a line-end at a time, past the first 64 KB.
    const std::string layout = "<title>{{title}}</title>\n<main>\n{{{content}}}\n</main>\n";
    const std::string list = "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n</ul>\n";
    json ctx = {{"title", "Every note"}, {"items", json::array()}};
    for (int i = 0; i < 20000; ++i) ctx["items"].push_back("note number " + std::to_string(i));
    auto theme = theme_of(layout, list);
    std::string whole;
    std::size_t pieces = 0, largest = 0;
    theme->render_page("page", ctx, [&](std::string_view s) {
        whole.append(s);
        ++pieces;
        largest = std::max(largest, s.size());
    });
    const std::string expect = held(layout, list, ctx);
    CHECK(expect.size() > 500000);
    CHECK(whole == expect);
    CHECK(pieces > 5);
    CHECK(largest < Template::kStreamFrom + 100);
    CHECK(theme->render_page("page", ctx) == expect);

    // A document of its own (the printed memory) is handed on in pieces too, the same bytes.
    std::string alone;
    pieces = 0;
    largest = 0;
    theme->render("page", ctx, [&](std::string_view s) {
        alone.append(s);
        ++pieces;
        largest = std::max(largest, s.size());
    });
    CHECK(alone == theme->render("page", ctx));
    CHECK(alone.size() > 500000);
    CHECK(pieces > 5);
    CHECK(largest < Template::kStreamFrom + 100);

    // Pages blank or not, on lines a section may drop, the page escaped, met twice, or never:
    // the same bytes as the page held whole.
    for (const std::string lay :
         {"{{#a}}\n{{{content}}}\n{{/a}}\n", "  {{#a}}{{{content}}}{{/a}}  \nafter\n", "{{{content}}}|{{content}}",
          "x{{{content}}}y{{{content}}}z", "{{#content}}[{{{.}}}]{{/content}}", "no page here\n",
          "{{#a}}{{{content}}}{{/a}}{{^a}}-{{/a}}\n"})
        for (const std::string page : {"", " ", "\t \t", "page", "a\n", "  x  ", "{{#a}}\n  \n{{/a}}\n", "\n"})
            for (const json& c : {json{{"a", true}}, json{{"a", false}}}) {
                INFO(lay << " | " << page << " | " << c.dump());
                CHECK(theme_of(lay, page)->render_page("page", c) == held(lay, page, c));
            }
}
