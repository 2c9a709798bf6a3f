#include "i18n/catalog.hpp"

#include "text/escape.hpp"
#include "text/strings.hpp"

namespace cp::i18n {

std::string_view plural_form(std::string_view language, long n) {
    const std::string_view primary = language.substr(0, language.find_first_of("-_"));
    // CLDR: French and Portuguese put 0 and 1 in "one"; English, Spanish and the rest here, 1 only.
    if (primary == "fr" || primary == "pt") return n == 0 || n == 1 ? "one" : "other";
    return n == 1 ? "one" : "other";
}

std::string fill(std::string_view pattern, std::initializer_list<Arg> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    std::size_t pos = 0;
    while (pos < pattern.size()) {
        const std::size_t open = pattern.find('{', pos);
        if (open == std::string_view::npos) break;
        const std::size_t close = pattern.find('}', open + 1);
        if (close == std::string_view::npos) break;
        out.append(pattern, pos, open - pos);
        const std::string_view name = pattern.substr(open + 1, close - open - 1);
        const Arg* found = nullptr;
        for (const Arg& a : args)
            if (a.first == name) found = &a;
        if (found)
            out.append(found->second);
        else
            out.append(pattern, open, close - open + 1);
        pos = close + 1;
    }
    out.append(pattern, pos);
    return out;
}

namespace {

// `tree` with each word escaped for HTML text and double-quoted attributes.
nlohmann::json escaped(const nlohmann::json& tree) {
    if (tree.is_string()) return text::escape_markup_keeping_apostrophes(tree.get_ref<const std::string&>());
    if (tree.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [k, v] : tree.items()) out[k] = escaped(v);
        return out;
    }
    if (tree.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : tree) out.push_back(escaped(v));
        return out;
    }
    return tree;
}

}  // namespace

std::string escape_html(std::string_view text) { return text::escape_markup_keeping_apostrophes(text); }

Catalog::Catalog(std::string language, std::map<std::string, std::string> words, nlohmann::json tree)
    : language_(std::move(language)),
      words_(words.begin(), words.end()),
      tree_(std::move(tree)),
      templates_(escaped(tree_)) {}

std::string Catalog::text(std::string_view key) const {
    if (auto it = words_.find(key); it != words_.end()) return it->second;
    return std::string(key);
}

std::string Catalog::html(std::string_view key) const { return escape_html(text(key)); }

bool Catalog::has(std::string_view key) const { return words_.find(key) != words_.end(); }

std::string Catalog::format(std::string_view key, std::initializer_list<Arg> args) const {
    return fill(text(key), args);
}

std::string Catalog::plural(std::string_view key, long n, std::initializer_list<Arg> args) const {
    std::string form(key);
    form += '.';
    form += plural_form(language_, n);
    if (!has(form)) (form = key) += ".other";
    const std::string count = std::to_string(n);
    std::string out = fill(text(form), args);
    return fill(out, {{"n", count}});
}

const std::string* Catalog::word_of(std::string_view kind, std::string_view group, std::string_view value) const {
    std::string key(kind);
    key += '.';
    key += group;
    key += '.';
    key += value;
    auto it = words_.find(key);
    return it == words_.end() ? nullptr : &it->second;
}

std::string Catalog::label(std::string_view group, std::string_view value) const {
    const std::string* word = word_of("labels", group, value);
    return word ? *word : text::in_words(value);
}

std::string Catalog::name(std::string_view group, std::string_view value) const {
    const std::string* word = word_of("names", group, value);
    return word ? *word : std::string(value);
}

std::string Catalog::month(unsigned m) const {
    if (m < 1 || m > 12) return {};
    return text("date.months." + std::to_string(m));
}

std::string Catalog::date(const time::Date& day) const {
    // Every list entry shows one, so the pattern's few placeholders are filled here directly.
    // "1er mars" in French: the first of the month may be written as an ordinal.
    auto first = words_.find(std::string_view("date.first_day"));
    const std::string number = day.day == 1 && first != words_.end() ? first->second : std::to_string(day.day);
    return fill(text("date.day"), {{"day", number}, {"month", month(day.month)}, {"year", day.year_text()}});
}

std::string Catalog::date(std::string_view iso) const {
    auto day = time::Date::parse_prefix(iso);
    return day ? date(*day) : std::string(iso);
}

std::string Catalog::month_year(const time::Date& day) const {
    return fill(text("date.month_year"), {{"month", month(day.month)}, {"year", day.year_text()}});
}

std::string Catalog::quarter(const time::Date& day) const {
    const std::string q = std::to_string(day.quarter());
    return fill(text("date.quarter"), {{"quarter", q}, {"year", day.year_text()}});
}

}  // namespace cp::i18n
