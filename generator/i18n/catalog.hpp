#pragma once
// The theme's words in the community's language: every word the site shows that is not the
// community's content (navigation, headings, labels, empty states, dates, counts), read once
// per build from the theme's i18n/LANG.yaml and the memory's own i18n/LANG.yaml.
#include <nlohmann/json.hpp>

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "time/date.hpp"

namespace cp::i18n {

// A placeholder's name and its value: {"title", page.title} fills "{title}".
using Arg = std::pair<std::string_view, std::string_view>;

// Which plural form a count takes in a language: "one" or "other" (CLDR's rules for the
// languages shipped; any other language is treated as English is).
std::string_view plural_form(std::string_view language, long n);

// The text escaped for HTML text and double-quoted attributes: &, <, > and " (an apostrophe
// is kept, so English words read as they were written in the templates).
std::string escape_html(std::string_view text);

// Fills every "{name}" in `pattern` from `args`; a name not given is left as written.
std::string fill(std::string_view pattern, std::initializer_list<Arg> args);

class Catalog {
public:
    // An empty catalog: every key reads as itself. Tests that make a site by hand load the
    // theme's English file instead (load_catalog).
    Catalog() = default;
    // The words `words` (dotted key -> text), and the nested tree templates see as {{t.*}}.
    Catalog(std::string language, std::map<std::string, std::string> words, nlohmann::json tree);

    // The language of the words, "fr" ("en" when the one asked for has no file).
    const std::string& language() const { return language_; }
    // The text of a key ("nav.domains" -> "Domains"); the key itself when the catalog lacks it,
    // so a missing word shows where it is missing instead of an empty place.
    std::string text(std::string_view key) const;
    // The text of a key escaped for HTML text and quoted attributes (&, <, > and "), for C++
    // that writes markup itself.
    std::string html(std::string_view key) const;
    // True when the catalog has the key.
    bool has(std::string_view key) const;
    // The text of `key` with its placeholders filled.
    std::string format(std::string_view key, std::initializer_list<Arg> args) const;
    // The form of `key` for the count `n` (key.one or key.other), with {n} and `args` filled.
    std::string plural(std::string_view key, long n, std::initializer_list<Arg> args = {}) const;
    // The label of a value of one of the contract's enumerations ("kinds", "story" -> "Story"):
    // the catalog's word when it has one, else the value in words ("value-story" -> "Value story").
    std::string label(std::string_view group, std::string_view value) const;
    // The same value as written inside a sentence or a list ("names.types", "meeting" ->
    // "meeting", "réunion"): the catalog's word when it has one, else the value as it is.
    std::string name(std::string_view group, std::string_view value) const;

    // "2 March 2016" (date.day); "mars 2016" (date.month_year); "2016 Q1" (date.quarter);
    // "March" (date.months, 1 to 12; empty for any other number).
    std::string date(const time::Date& day) const;
    // The same from YYYY-MM-DD text (or a date-time); the text itself when it is not a date.
    std::string date(std::string_view iso) const;
    std::string month_year(const time::Date& day) const;
    std::string quarter(const time::Date& day) const;
    std::string month(unsigned month) const;

    // The words as a tree ({"nav": {"domains": "Domains"}, ...}), as written: for scripts.
    const nlohmann::json& tree() const { return tree_; }
    // The same with every word made safe for HTML text and quoted attributes (&, <, > and "
    // escaped; ' kept, so an English page's bytes are those of the words written in a
    // template): the templates' {{{t.nav.domains}}}, read where the page is rendered.
    const nlohmann::json& templates() const { return templates_; }

private:
    // The word at KIND.GROUP.VALUE ("labels.phases.maturing"), or nullptr.
    const std::string* word_of(std::string_view kind, std::string_view group, std::string_view value) const;

    std::string language_ = "en";
    std::map<std::string, std::string, std::less<>> words_;
    nlohmann::json tree_ = nlohmann::json::object();
    nlohmann::json templates_ = nlohmann::json::object();
};

}  // namespace cp::i18n
