// SVGs under assets/ are checked with libxml2 before they are copied (issue #21).
#include <catch2/catch.hpp>

#include "assets/svg_check.hpp"
#include "site_fixture.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

const std::string kHead =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 10 10\">\n";

std::string svg(const std::string& inside) { return kHead + inside + "\n</svg>\n"; }

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("svg: a clean picture passes", "[svg]") {
    for (const std::string& clean :
         {svg("<rect width=\"10\" height=\"10\" fill=\"url(#g)\"/>"),
          svg("<defs><linearGradient id=\"g\"/></defs><use href=\"#g\"/><use xlink:href=\"#g\"/>"),
          svg("<a href=\"https://example.org/\"><text>x</text></a>"),
          svg("<image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"1\" height=\"1\"/>"),
          svg("<image xlink:href=\"../photos/a.jpg\"/><style>rect { fill: url('#g'); }</style>"),
          svg("<animate attributeName=\"opacity\" from=\"0\" to=\"1\" dur=\"1s\"/><!-- a comment -->"),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg("<circle r=\"4\"/>")}) {
        INFO(clean);
        auto r = assets::check_svg(clean, "assets/a.svg");
        CHECK_FALSE(r);
        if (r) INFO(r->message);
    }
}

TEST_CASE("svg: every way to run a script is refused, at its line", "[svg]") {
    struct Case {
        std::string body;
        int line;
        const char* says;
    };
    const Case cases[] = {
        {svg("<script>alert(1)</script>"), 2, "<script> can run a script"},
        {svg("<SCRIPT xlink:href=\"x.js\"/>"), 2, "<SCRIPT> can run a script"},
        {svg("<rect onclick=\"alert(1)\"/>"), 2, "<rect onclick> is an event handler"},
        {svg("<rect\n ONLOAD=\"alert(1)\"/>"), 3, "ONLOAD> is an event handler"},
        {kHead.substr(0, kHead.size() - 2) + " onload=\"alert(1)\">\n</svg>", 1, "<svg onload> is an event handler"},
        {svg("<a href=\"javascript:alert(1)\"><text>x</text></a>"), 2,
         "'javascript:alert(1)' uses the scheme 'javascript'"},
        {svg("<a xlink:href=\"java&#9;script:alert(1)\"><text>x</text></a>"), 2, "uses the scheme 'javascript'"},
        {svg("<a href=\" JaVaScRiPt:alert(1)\"/>"), 2, "uses the scheme 'javascript'"},
        {svg("<image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/>"), 2, "uses the scheme 'data'"},
        {svg("<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>"), 2,
         "<foreignObject>"},
        {svg("<use href=\"https://evil.example/x.svg#a\"/>"), 2,
         "<use href='https://evil.example/x.svg#a'> loads another document"},
        {svg("<use xlink:href=\"other.svg#a\"/>"), 2, "loads another document"},
        {svg("<a><animate attributeName=\"href\" to=\"javascript:alert(1)\"/></a>"), 2, "sets href"},
        {svg("<a><set attributeName=\"xlink:href\" to=\"javascript:alert(1)\"/></a>"), 2, "sets xlink:href"},
        {svg("<rect style=\"fill: url(javascript:alert(1))\"/>"), 2, "style attribute url()"},
        {svg("<rect style=\"fill: u\\72l(x)\"/>"), 2, "CSS escape"},
        {svg("<style>@import 'https://evil.example/x.css';</style>"), 2, "imports another stylesheet"},
        {svg("<rect fill=\"url(javascript:alert(1))\"/>"), 2, "fill attribute url()"},
        {svg("<handler type=\"application/ecmascript\">alert(1)</handler>"), 2, "<handler>"},
        {"<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + svg("<text>&x;</text>"), 1, "has a DOCTYPE"},
        {"<!DOCTYPE svg [<!ENTITY a \"aa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n" + svg("<text>&b;</text>"), 1,
         "has a DOCTYPE"},
        {"<?xml-stylesheet href=\"evil.xsl\" type=\"text/xsl\"?>\n" + svg(""), 1, "processing instruction"},
        {svg("<text>&unknown;</text>"), 2, "does not parse as XML"},
        {svg("<rect>"), 4, "does not parse as XML"},
        {"<html><script>alert(1)</script></html>", 1, "root element is not <svg>"},
        {"", 1, "does not parse as XML"},
    };
    for (const auto& c : cases) {
        INFO(c.body);
        auto r = assets::check_svg(c.body, "assets/x.svg");
        REQUIRE(r);
        INFO(r->message);
        CHECK(r->line == c.line);
        CHECK(has(r->message, c.says));
    }
    auto z = assets::check_svg("anything", "assets/x.SVGZ");
    REQUIRE(z);
    CHECK(has(z->message, "compressed SVG"));
}

TEST_CASE("svg: a scripted SVG under assets/ is an error and is copied in neither audience", "[svg]") {
    TempFolder mem, out;
    write_files(
        mem.path(),
        {
            {"commonplace.yaml", "title: Hostile\ndefault_visibility: public\n"},
            {"notes/a.md",
             "---\ntitle: A\n---\n![clean](../assets/clean.svg) ![evil](../assets/evil.svg) ![e2](../assets/Evil2.SVG)\n"},
            {"assets/clean.svg", svg("<circle r=\"4\"/>")},
            {"assets/evil.svg", svg("<circle r=\"4\" onload=\"alert(document.domain)\"/>")},
            {"assets/Evil2.SVG", svg("<script>alert(1)</script>")},
        });
    for (auto audience : {audience::Audience::Community, audience::Audience::Public}) {
        auto options = options_for(mem.path(), out / "site");
        options.audience = audience;
        auto run = build_site(options);
        CHECK(run.status == 1);
        CHECK(has(run.messages,
                  "assets/evil.svg:2:1: error: SVG refused, and not copied: <circle onload> is an event handler"));
        CHECK(has(run.messages, "assets/Evil2.SVG:2:1: error: SVG refused, and not copied: <script> can run a script"));
        CHECK_FALSE(fs::exists(out / "site"));
    }
    auto run = check_site(options_for(mem.path(), out / "site"));
    CHECK(run.status == 1);
    CHECK(has(run.messages, "assets/evil.svg:2:1: error: SVG refused"));
    // Without the scripted ones, the clean one is copied as it is.
    fs::remove(mem / "assets/evil.svg");
    fs::remove(mem / "assets/Evil2.SVG");
    write_file(mem / "notes/a.md", "---\ntitle: A\n---\n![clean](../assets/clean.svg)\n");
    run = build_site(options_for(mem.path(), out / "site"));
    INFO(run.messages);
    REQUIRE(run.status == 0);
    CHECK(read_file(out / "site/assets/clean.svg") == svg("<circle r=\"4\"/>"));
}
