#include <catch2/catch.hpp>

#include <optional>
#include <string>

#include "text/url_policy.hpp"

using namespace cp::text;

namespace {

std::optional<std::string> none() { return std::nullopt; }

}  // namespace

TEST_CASE("script URLs in disguise are seen for what they are", "[url_policy]") {
    for (std::string url : {"java\tscript:alert(1)", "java\nscript:alert(1)", "java\rscript:alert(1)",
                            " JaVaScRiPt:alert(1)", "\x01\x1F javascript:alert(1)", "javascript:alert(1)\x00",
                            "JAVASCRIPT:alert(1)", "j\ta\nv\ra script:alert(1)", "\tjavascript:alert(1)\n"}) {
        // "j\ta\nv\ra script:" holds a space inside: that is not a scheme, and a browser reads it as relative.
        if (url.find("a script") != std::string::npos) {
            CHECK(url_scheme(url) == none());
            CHECK(url_allowed(url));
            continue;
        }
        INFO(quoted_url(url));
        CHECK(url_scheme(url) == std::optional<std::string>("javascript"));
        CHECK_FALSE(url_allowed(url, UrlUse::Link));
        CHECK_FALSE(url_allowed(url, UrlUse::Media));
    }
    CHECK(url_scheme("data:text/html,<script>alert(1)</script>") == std::optional<std::string>("data"));
    CHECK_FALSE(url_allowed("data:text/html,<script>alert(1)</script>"));
    CHECK_FALSE(url_allowed("data:image/svg+xml;base64,PHN2Zz4=", UrlUse::Media));
    CHECK_FALSE(url_allowed(" vbscript:msgbox(1)"));
    CHECK_FALSE(url_allowed("file:///etc/passwd"));
}

TEST_CASE("relative URLs, http, https and mailto are allowed; mailto only for links", "[url_policy]") {
    for (const char* url : {"", "../notes/x/", "x.md#part", "#part", "?q=1", "/assets/a.png", "//example.org/x",
                            "notes/a:b", "https://example.org/", "HTTP://example.org/", "http:example.org",
                            " https://example.org/a b ", "mailto:ada@example.org"}) {
        INFO(url);
        CHECK(url_allowed(url, UrlUse::Link));
    }
    CHECK(url_allowed("https://example.org/a.png", UrlUse::Media));
    CHECK(url_allowed("../assets/a.png", UrlUse::Media));
    CHECK_FALSE(url_allowed("mailto:ada@example.org", UrlUse::Media));
    REQUIRE(refuse_url("javascript:x"));
    CHECK(*refuse_url("javascript:x") ==
          "uses the scheme 'javascript', which this site never writes (a browser may run it as a script): only "
          "http, https and mailto addresses and the site's own files are written; it is shown as text");
}

// Inputs from the WHATWG URL standard's test data (urltestdata.json), with the scheme its
// parser gives each (the protocol without ':'), or none where it parses as relative to a base.
TEST_CASE("the scheme is read as the WHATWG URL parser reads it", "[url_policy]") {
    struct Vector {
        const char* input;
        std::optional<std::string> scheme;
    };
    const Vector vectors[] = {
        {"\t   :foo.com   \n", std::nullopt},
        {" foo.com  ", std::nullopt},
        {"a:\t foo.com", "a"},
        {"http://f:21/ b ? d # e ", "http"},
        {"lolscheme:x x#x x", "lolscheme"},
        {"http:foo.com", "http"},
        {"\t   :foo.com   \n", std::nullopt},
        {":foo.com/", std::nullopt},
        {":", std::nullopt},
        {":a", std::nullopt},
        {":#", std::nullopt},
        {"#", std::nullopt},
        {"#/", std::nullopt},
        {"#\\", std::nullopt},
        {"#;?", std::nullopt},
        {"?", std::nullopt},
        {"/", std::nullopt},
        {":23", std::nullopt},
        {"/:23", std::nullopt},
        {"\\x", std::nullopt},
        {"\\\\x\\hello", std::nullopt},
        {"::", std::nullopt},
        {"::23", std::nullopt},
        {"foo://", "foo"},
        {"http://a:b@c:29/d", "http"},
        {"http::@c:29", "http"},
        {"http://&a:foo(b]c@d:2/", "http"},
        {"http:\\\\www.google.com\\foo", "http"},
        {"HTTP://www.example.com/", "http"},
        {"sc://\xC3\xB1", "sc"},
        {"a1234567890-+.:foo/bar", "a1234567890-+."},
        {"ftp:/example.com/", "ftp"},
        {"madeupscheme:/example.com/", "madeupscheme"},
        {"file:/example.com/", "file"},
        {"data:text/html,test#test", "data"},
        {"javascript:/../", "javascript"},
        {"mailto:/../", "mailto"},
        {"non-spec:/.//", "non-spec"},
        {"\x00\x1F!\x00\x1F", std::nullopt},
        {"test-a-colon.html", std::nullopt},
        {"i", std::nullopt},
        {"..", std::nullopt},
        {"//example.com/foo", std::nullopt},
        {"/\t\n\rfoo", std::nullopt},
        {"h\tt\nt\rp://h\to\ns\rt:9\t0\n0\r/p\ta\nt\rh?q\tu\ne\rry#f\tr\na\rg", "http"},
        {"  \t  javascript:alert(1)", "javascript"},
        {"-a:b", std::nullopt},
        {"+a:b", std::nullopt},
        {"1a:b", std::nullopt},
        {"%61:b", std::nullopt},
        {"a b:c", std::nullopt},
        {"\xC3\xA4:b", std::nullopt},
        {"\x7Fjavascript:alert(1)", std::nullopt},  // DEL is neither a C0 control nor a space: not stripped
    };
    for (const auto& v : vectors) {
        std::string input = v.input;
        if (std::string_view(v.input).substr(0, 1) == std::string_view("\0", 1))
            input = std::string("\x00\x1F!\x00\x1F", 5);
        INFO(quoted_url(input));
        CHECK(url_scheme(input) == v.scheme);
    }
}

TEST_CASE("a quoted URL shows its control characters", "[url_policy]") {
    CHECK(quoted_url("java\tscript:\n\x01") == "java\\tscript:\\n\\x01");
    CHECK(quoted_url(std::string(100, 'a')) == std::string(80, 'a') + "…");
}
