// Hostile memories, built as an attacker or a careless editor would write them (issue #21):
// script URLs in disguise, a config that is input too, front matter that must fail closed.
#include <catch2/catch.hpp>

#include "config/config.hpp"
#include "site_fixture.hpp"
#include "text/url_policy.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

// Every href and src the build wrote whose scheme the URL policy would refuse, as "file: url".
std::vector<std::string> refused_links(const std::map<std::string, std::string>& site) {
    std::vector<std::string> out;
    for (const auto& [path, bytes] : site) {
        if (path.size() < 5 || (path.compare(path.size() - 5, 5, ".html") != 0 && path != "feed.xml")) continue;
        std::string html = bytes;
        if (path == "feed.xml") {  // the bodies are escaped inside <content>: read them as HTML
            for (auto [from, to] : {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}})
                for (std::size_t at; (at = html.find(from)) != std::string::npos;)
                    html.replace(at, std::strlen(from), to);
        }
        for (const auto& link : links_in(html))
            if (!text::url_allowed(link) && link != "data:,")  // "data:,": the theme's own empty favicon
                out.push_back(path + ": " + text::quoted_url(link));
    }
    return out;
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

const std::string kRefused = "which this site never writes";

}  // namespace

TEST_CASE("hostile: script URLs in disguise in Markdown become text, with a warning at each", "[hostile][url]") {
    TempFolder mem, out;
    write_files(
        mem.path(),
        {
            {"commonplace.yaml", "title: Hostile\nbase_url: https://example.org/\ndefault_visibility: public\n"},
            {"notes/disguises.md",
             "---\ntitle: Disguises\ndate: 2020-01-01\n---\n"                     // lines 1-4
             "[tab](<java\tscript:alert(1)>)\n"                                   // 5
             "[newline](java&#10;script:alert(2))\n"                              // 6
             "[mixed](&#32;JaVaScRiPt:alert(3))\n"                                // 7
             "[data](data:text/html;base64,PHNjcmlwdD4=)\n"                       // 8
             "![image](javascript:alert(4))\n"                                    // 9
             "x [ref] <vbscript:msgbox(5)>\n"                                     // 10
             "\n[ref]: JAVASCRIPT:alert(6)\n"                                     // 11-12
             "[fine](https://example.org/ok) [mail](mailto:ada@example.org)\n"},  // 13
        });
    auto run = build_site(options_for(mem.path(), out / "site"));
    REQUIRE(run.status == 0);
    for (const char* at :
         {"notes/disguises.md:5:1: warning: link 'java\\tscript:alert(1)' uses the scheme 'javascript'",
          "notes/disguises.md:6:1: warning: link 'java\\nscript:alert(2)' uses the scheme 'javascript'",
          "notes/disguises.md:7:1: warning: link ' JaVaScRiPt:alert(3)' uses the scheme 'javascript'",
          "notes/disguises.md:8:1: warning: link 'data:text/html;base64,PHNjcmlwdD4=' uses the scheme 'data'",
          "notes/disguises.md:9:1: warning: image 'javascript:alert(4)' uses the scheme 'javascript'",
          "notes/disguises.md:10:3: warning: link 'JAVASCRIPT:alert(6)' uses the scheme 'javascript'",
          "notes/disguises.md:10:10: warning: link 'vbscript:msgbox(5)' uses the scheme 'vbscript'"})
        CHECK(has(run.messages, at));
    auto site = read_tree(out / "site");
    CHECK(refused_links(site) == std::vector<std::string>{});
    INFO(run.messages);
    const std::string& page = site["notes/disguises/index.html"];
    CHECK(has(page, "<p>tab\nnewline\nmixed\ndata\nimage\nx ref vbscript:msgbox(5)</p>"));
    CHECK(has(page, "<a href=\"https://example.org/ok\">fine</a> <a href=\"mailto:ada@example.org\">mail</a>"));
}

TEST_CASE("hostile: a front-matter source in disguise is shown as text, with a warning at its line", "[hostile][url]") {
    TempFolder mem, out;
    write_files(
        mem.path(),
        {
            {"commonplace.yaml", "title: Hostile\n"},
            {"notes/tab.md", "---\ntitle: Tab\nsource: \"java\\tscript:alert(1)\"\n---\nText.\n"},
            {"notes/newline.md", "---\ntitle: Newline\nsource: \"java\\nscript:alert(2)\"\n---\nText.\n"},
            {"notes/mixed.md", "---\ntitle: Mixed\nsource: \" JaVaScRiPt:alert(3)\"\n---\nText.\n"},
            {"notes/data.md", "---\ntitle: Data\nsource: \"data:text/html,<script>alert(4)</script>\"\n---\nText.\n"},
            {"notes/fine.md", "---\ntitle: Fine\nsource: https://example.org/paper\n---\nText.\n"},
        });
    auto run = build_site(options_for(mem.path(), out / "site"));
    REQUIRE(run.status == 0);
    CHECK(has(run.messages, "notes/tab.md:3:9: warning: source 'java\\tscript:alert(1)' uses the scheme 'javascript'"));
    CHECK(has(run.messages,
              "notes/newline.md:3:9: warning: source 'java\\nscript:alert(2)' uses the scheme 'javascript'"));
    CHECK(has(run.messages, "notes/mixed.md:3:9: warning: source ' JaVaScRiPt:alert(3)' uses the scheme 'javascript'"));
    CHECK(has(run.messages,
              "notes/data.md:3:9: warning: source 'data:text/html,<script>alert(4)</script>' uses the scheme 'data'"));
    auto site = read_tree(out / "site");
    CHECK(refused_links(site) == std::vector<std::string>{});
    CHECK(has(site["notes/mixed/index.html"], "<dt>Source</dt><dd> JaVaScRiPt:alert(3)</dd>"));
    CHECK(has(site["notes/fine/index.html"],
              "<dt>Source</dt><dd><a href=\"https://example.org/paper\">https://example.org/paper</a></dd>"));
}

TEST_CASE("hostile: base_url and repo_url must be an http(s) URL or a path; else an error at the config line",
          "[hostile][url][config]") {
    for (const std::string bad :
         {"\"javascript:alert(1)//\"", "\"java\\tscript:alert(1)//\"", "\" JaVaScRiPt:x//\"", "\"data:text/html,x\"",
          "example.org", "\"//example.org/\"", "\"https:///x\"", "\"https://exa mple.org/\""}) {
        INFO(bad);
        for (const std::string key : {"base_url", "repo_url"}) {
            diag::Sink sink;
            auto c = config::parse_config("title: T\n" + key + ": " + bad + "\n", "commonplace.yaml", sink);
            auto found = sink.sorted();
            REQUIRE(found.size() == 1);
            CHECK(found[0].severity == diag::Severity::Error);
            CHECK(found[0].line == 2);
            CHECK(found[0].column == static_cast<int>(key.size()) + 3);
            CHECK(found[0].message.rfind(
                      "'" + key + "' must be an absolute http(s) URL or a path starting with '/', not '", 0) == 0);
            CHECK(c.base_url == "/");
            CHECK(c.repo_url.empty());
        }
    }
    for (const std::string good : {"https://example.org/memory/", "http://localhost:8000/", "/memory/", "/"}) {
        diag::Sink sink;
        auto c =
            config::parse_config("base_url: " + good + "\nrepo_url: " + good + "{path}\n", "commonplace.yaml", sink);
        CHECK(sink.sorted().empty());
        CHECK(c.repo_url == good + "{path}");
    }
}

TEST_CASE("hostile: a script base_url stops the build before it reaches a page or the feed", "[hostile][url][config]") {
    TempFolder mem, out;
    write_files(mem.path(),
                {
                    {"commonplace.yaml", "title: Hostile\nbase_url: \"javascript:alert(document.domain)//\"\n"},
                    {"notes/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nText.\n"},
                });
    auto run = build_site(options_for(mem.path(), out / "site"));
    CHECK(run.status == 1);
    CHECK(has(run.messages, "commonplace.yaml:2:11: error: 'base_url' must be an absolute http(s) URL"));
    CHECK_FALSE(fs::exists(out / "site"));
    auto options = options_for(mem.path(), out / "site");
    write_file(mem / "commonplace.yaml", "title: Hostile\n");
    options.base_url = "java\tscript:alert(1)//";
    run = build_site(options);
    CHECK(run.status == 1);
    CHECK(has(run.messages,
              "error: --base-url must be an absolute http(s) URL or a path starting with '/', not "
              "'java\\tscript:alert(1)//'"));
}

TEST_CASE("hostile: every href and src the site writes passes the URL policy", "[hostile][url]") {
    // Each channel a URL from content travels by, every one in disguise, in one memory.
    TempFolder mem, out;
    write_files(
        mem.path(),
        {
            {"commonplace.yaml",
             "title: Hostile\nbase_url: https://example.org/m/\nrepo_url: https://git.example.org/m/blob/main/{path}\n"},
            {"index.md", "---\ntitle: Home\n---\n[home](<\tjavascript:alert(0)>) <javascript:alert(1)>\n"},
            {"notes/a.md",
             "---\ntitle: A\ndate: 2020-01-01\nsource: \"\\x01javascript:alert(2)\"\ntags: [t]\n---\n"
             "![i](<java\tscript:alert(3)>) [d](data:text/html,x) [[b]] [r]\n\n[r]: <VBScript:x>\n"},
            {"notes/b.md", "---\ntitle: B\ndate: 2020-01-02\n---\n[back](a.md) www.example.org\n"},
        });
    for (const char* audience : {"community", "public"}) {
        auto options = options_for(mem.path(), out / audience);
        if (std::string(audience) == "public") {
            options.audience = audience::Audience::Public;
            write_file(mem / "commonplace.yaml",
                       "title: Hostile\nbase_url: https://example.org/m/\ndefault_visibility: public\n");
        }
        auto run = build_site(options);
        REQUIRE(run.status == 0);
        auto site = read_tree(out / audience);
        CHECK(refused_links(site) == std::vector<std::string>{});
        CHECK(has(site["feed.xml"], "<entry>"));
    }
}

TEST_CASE("hostile: front matter with every line ending is recognised, and community stays off the public site",
          "[hostile][frontmatter]") {
    const std::string lines[] = {"---", "title: Hidden plan",         "visibility: community", "date: 2020-01-02",
                                 "---", "The hidden plan zqhiddenzq."};
    struct Form {
        const char* name;
        std::string bom, eol;
    };
    for (const Form& form :
         {Form{"LF", "", "\n"}, Form{"CRLF", "", "\r\n"}, Form{"CR", "", "\r"}, Form{"BOM+LF", "\xEF\xBB\xBF", "\n"},
          Form{"BOM+CRLF", "\xEF\xBB\xBF", "\r\n"}, Form{"BOM+CR", "\xEF\xBB\xBF", "\r"}}) {
        INFO(form.name);
        std::string text = form.bom;
        for (const auto& l : lines) text += l + form.eol;
        TempFolder mem, out;
        write_files(
            mem.path(),
            {
                {"commonplace.yaml", "title: Hostile\nbase_url: https://example.org/\ndefault_visibility: public\n"},
                {"notes/open.md", "---\ntitle: Open\ndate: 2020-01-01\n---\nOpen text.\n"},
                {"notes/hidden.md", text},
            });
        auto options = options_for(mem.path(), out / "site");
        options.audience = audience::Audience::Public;
        auto run = build_site(options);
        REQUIRE(run.status == 0);
        auto site = read_tree(out / "site");
        CHECK(site.count("notes/open/index.html") == 1);
        CHECK(site.count("notes/hidden/index.html") == 0);
        for (const auto& [path, bytes] : site) {
            INFO(path);
            CHECK_FALSE(has(bytes, "zqhiddenzq"));
            CHECK_FALSE(has(bytes, "Hidden plan"));
        }
        CHECK(has(site["feed.xml"], "<title>Open</title>"));
    }
}

TEST_CASE("hostile: front matter that is not understood is an error, and nothing is published",
          "[hostile][frontmatter]") {
    for (const std::string text : {"---\rtitle: Hidden\rvisibility: community\r",  // CR-only, never closed
                                   "\xEF\xBB\xBF---\r\n- visibility: community\r\n---\r\nx\r\n",        // not a mapping
                                   "---\r\ntitle: [unclosed\r\nvisibility: community\r\n---\r\nx\r\n",  // YAML error
                                   "---\rtitle: a: b: c\rvisibility: community\r---\rx\r"}) {
        INFO(text::quoted_url(text));
        TempFolder mem, out;
        write_files(mem.path(),
                    {
                        {"commonplace.yaml", "title: Hostile\ndefault_visibility: public\n"},
                        {"notes/open.md", "---\ntitle: Open\ndate: 2020-01-01\n---\nOpen text.\n"},
                        {"notes/hidden.md", text},
                    });
        auto options = options_for(mem.path(), out / "site");
        options.audience = audience::Audience::Public;
        auto run = build_site(options);
        CHECK(run.status == 1);
        CHECK(has(run.messages, "notes/hidden.md:"));
        CHECK_FALSE(fs::exists(out / "site"));
    }
}

TEST_CASE("hostile: an alias that takes another page's address is reported at the alias, not line 1",
          "[hostile][alias]") {
    TempFolder mem;
    write_files(mem.path(),
                {
                    {"commonplace.yaml", "title: Hostile\n"},
                    {"notes/a.md", "---\ntitle: A\naliases:\n  - /old/a/\n  - /notes/b/\n---\nText.\n"},
                    {"notes/b.md", "---\ntitle: B\n---\nText.\n"},
                    {"notes/c.md", "---\ntitle: C\naliases: [/x/, /old/a/]\n---\nText.\n"},
                });
    auto run = check_site(options_for(mem.path(), mem / "out"));
    CHECK(run.status == 1);
    CHECK(has(run.messages, "notes/a.md:5:5: error: alias /notes/b/ is the address of notes/b.md"));
    INFO(run.messages);
    CHECK(has(run.messages, "notes/c.md:3:16: error: alias /old/a/ is also an alias of notes/a.md"));
}
