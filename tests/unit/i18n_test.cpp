// The theme's words in the community's language (generator/i18n/): plural rules, dates in each
// shipped language, placeholders, the fallback to English and a memory's own words.
#include <catch2/catch.hpp>

#include <set>

#include "i18n/catalog.hpp"
#include "i18n/load.hpp"
#include "test_support.hpp"

using cp::i18n::Catalog;
using cp::i18n::load_catalog;
using cp::time::Date;

namespace {

const std::filesystem::path kTheme = std::filesystem::path(COMMONPLACE_SOURCE_DIR) / "themes" / "default";

Catalog shipped(const std::string& language) {
    cp::diag::Sink sink;
    Catalog c = load_catalog(kTheme, language, std::nullopt, sink);
    INFO(language);
    CHECK(sink.warning_count() == 0);
    CHECK(sink.error_count() == 0);
    return c;
}

std::vector<std::string> messages(const cp::diag::Sink& sink) {
    std::vector<std::string> out;
    for (const auto& d : sink.sorted()) out.push_back(d.path + ":" + std::to_string(d.line) + ": " + d.message);
    return out;
}

}  // namespace

TEST_CASE("plural forms follow CLDR for the shipped languages", "[i18n]") {
    using cp::i18n::plural_form;
    for (const char* lang : {"en", "es", "de", "pt-PT-x"}) {
        INFO(lang);
        if (std::string(lang).rfind("pt", 0) == 0) continue;
        CHECK(plural_form(lang, 0) == "other");
        CHECK(plural_form(lang, 1) == "one");
        CHECK(plural_form(lang, 2) == "other");
    }
    for (const char* lang : {"fr", "pt", "pt-BR", "fr_CA"}) {
        INFO(lang);
        CHECK(plural_form(lang, 0) == "one");
        CHECK(plural_form(lang, 1) == "one");
        CHECK(plural_form(lang, 2) == "other");
        CHECK(plural_form(lang, 11) == "other");
    }
}

TEST_CASE("counts take the language's plural form", "[i18n]") {
    CHECK(shipped("en").plural("counts.meetings", 1) == "1 meeting");
    CHECK(shipped("en").plural("counts.meetings", 0) == "0 meetings");
    CHECK(shipped("fr").plural("counts.meetings", 0) == "0 réunion");
    CHECK(shipped("fr").plural("counts.meetings", 2) == "2 réunions");
    CHECK(shipped("es").plural("counts.meetings", 0) == "0 reuniones");
    CHECK(shipped("es").plural("counts.meetings", 1) == "1 reunión");
    CHECK(shipped("pt").plural("counts.meetings", 1) == "1 reunião");
    CHECK(shipped("pt").plural("counts.meetings", 3) == "3 reuniões");
}

TEST_CASE("dates are written in each shipped language", "[i18n]") {
    const Date d{2016, 3, 2}, first{2016, 3, 1}, q{2016, 2, 10};
    CHECK(shipped("en").date(d) == "2 March 2016");
    CHECK(shipped("en").date(first) == "1 March 2016");
    CHECK(shipped("en").month_year(d) == "March 2016");
    CHECK(shipped("en").quarter(q) == "2016 Q1");
    CHECK(shipped("fr").date(d) == "2 mars 2016");
    CHECK(shipped("fr").date(first) == "1er mars 2016");
    CHECK(shipped("fr").month_year(d) == "mars 2016");
    CHECK(shipped("fr").quarter(q) == "T1 2016");
    CHECK(shipped("es").date(d) == "2 de marzo de 2016");
    CHECK(shipped("es").month_year(d) == "marzo de 2016");
    CHECK(shipped("es").quarter(q) == "T1 2016");
    CHECK(shipped("pt").date(d) == "2 de março de 2016");
    CHECK(shipped("pt").month_year(d) == "março de 2016");
    CHECK(shipped("pt").quarter(q) == "1º trim. 2016");
    CHECK(shipped("en").date(std::string_view("2016-03-02T10:00:00Z")) == "2 March 2016");
    CHECK(shipped("fr").date(std::string_view("soon")) == "soon");
    CHECK(shipped("fr").month(12) == "décembre");
    CHECK(shipped("fr").month(13).empty());
}

TEST_CASE("placeholders are filled by name, and unknown ones are left as written", "[i18n]") {
    CHECK(cp::i18n::fill("{n} of {total}", {{"n", "3"}, {"total", "9"}}) == "3 of 9");
    CHECK(cp::i18n::fill("{who} wrote {what}", {{"who", "Ada"}}) == "Ada wrote {what}");
    CHECK(cp::i18n::fill("no braces", {}) == "no braces");
    CHECK(cp::i18n::fill("{unclosed", {{"unclosed", "x"}}) == "{unclosed");
}

TEST_CASE("every shipped language has every English key", "[i18n]") {
    // load_catalog warns for each key a language lacks: shipped() wants no warning.
    for (const char* lang : {"en", "fr", "es", "pt", "pt-BR"}) shipped(lang);
    CHECK(shipped("fr").text("nav.domains") == "Domaines");
    CHECK(shipped("fr").label("kinds", "story") == "Récit");
    CHECK(shipped("fr").label("kinds", "unheard-of") == "Unheard of");  // not the theme's: in words
    CHECK(shipped("en").label("roles", "note_taker") == "Note taker");
    CHECK(shipped("es").label("roles", "note_taker") == "Secretario de actas");
}

TEST_CASE("a key the language lacks falls back to English, with a warning naming the file and key", "[i18n]") {
    cp::testing::TempFolder theme;
    cp::testing::write_file(theme / "i18n/en.yaml", "nav:\n  domains: Domains\n  people: People\n");
    cp::testing::write_file(theme / "i18n/fr.yaml", "nav:\n  domains: Domaines\n");
    cp::diag::Sink sink;
    Catalog c = load_catalog(theme.path(), "fr", std::nullopt, sink);
    CHECK(c.text("nav.domains") == "Domaines");
    CHECK(c.text("nav.people") == "People");
    auto said = messages(sink);
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("fr.yaml") != std::string::npos);
    CHECK(said[0].find("'nav.people'") != std::string::npos);
    CHECK(sink.error_count() == 0);
}

TEST_CASE("a language with no file is a warning, and English is used", "[i18n]") {
    cp::diag::Sink sink;
    Catalog c = load_catalog(kTheme, "tlh", std::nullopt, sink);
    CHECK(c.text("nav.domains") == "Domains");
    CHECK(c.language() == "en");
    auto said = messages(sink);
    REQUIRE(said.size() == 1);
    CHECK(said[0].find("'tlh'") != std::string::npos);
    // pt-BR has no file of its own: pt's words, without a warning.
    cp::diag::Sink quiet;
    CHECK(load_catalog(kTheme, "pt-BR", std::nullopt, quiet).text("nav.domains") == "Domínios");
    CHECK(quiet.warning_count() == 0);
}

TEST_CASE("a memory's own words override the theme's, and a key the theme lacks is a warning", "[i18n]") {
    cp::diag::Sink sink;
    cp::i18n::WordsFile own{"i18n/fr.yaml", "nav:\n  domains: Nos chantiers\n  domain: Typo\n"};
    Catalog c = load_catalog(kTheme, "fr", own, sink);
    CHECK(c.text("nav.domains") == "Nos chantiers");
    CHECK(c.templates()["nav"]["domains"] == "Nos chantiers");
    CHECK(c.text("nav.people") == "Personnes");
    auto said = messages(sink);
    REQUIRE(said.size() == 1);
    CHECK(said[0] ==
          "i18n/fr.yaml:3: 'nav.domain' is not a word the theme has, so nothing shows it (did you mean "
          "'nav.domains'?)");
}

TEST_CASE("the words templates see are escaped for HTML, apostrophes kept", "[i18n]") {
    cp::testing::TempFolder theme;
    cp::testing::write_file(theme / "i18n/en.yaml", "a: \"Who's <b> & \\\"q\\\"\"\n");
    cp::diag::Sink sink;
    Catalog c = load_catalog(theme.path(), "en", std::nullopt, sink);
    CHECK(c.text("a") == "Who's <b> & \"q\"");
    CHECK(c.templates()["a"] == "Who's &lt;b&gt; &amp; &quot;q&quot;");
    CHECK(c.tree()["a"] == "Who's <b> & \"q\"");
}

TEST_CASE("a memory's i18n file reaches the built site, and its folder is not content", "[i18n]") {
    cp::testing::TempMemory memory({
        {"commonplace.yaml", "title: Mémoire\nlanguage: fr\n"},
        {"i18n/fr.yaml", "nav:\n  domains: Nos chantiers\n"},
        {"i18n/README.md", "# Our words\n"},
        {"notes/a.md", "---\ntitle: Un récit\nkind: story\nlanguage: pt-BR\n---\nTexto.\n"},
    });
    auto run = cp::testing::run_build(memory);
    INFO(run.messages);
    REQUIRE(run.status == 0);
    std::string note = cp::testing::read_file(memory.output() / "notes/a/index.html");
    CHECK(note.find("<html lang=\"fr\"") != std::string::npos);
    CHECK(note.find(">Nos chantiers</a>") != std::string::npos);
    CHECK(note.find("lang=\"pt-BR\"") != std::string::npos);
    CHECK(note.find(">Récit<") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(memory.output() / "i18n"));
}

TEST_CASE("a page's language must look like a language tag", "[i18n]") {
    cp::testing::TempMemory memory({
        {"notes/a.md", "---\ntitle: A\nlanguage: French!\n---\nText.\n"},
        {"notes/b.md", "---\ntitle: B\nlanguage: pt-BR\n---\nText.\n"},
    });
    auto run = cp::testing::run_check(memory);
    CHECK(run.messages.find("notes/a.md:3:") != std::string::npos);
    CHECK(run.messages.find("notes/b.md") == std::string::npos);
}
