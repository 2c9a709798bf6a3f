#include "config/config.hpp"

#include <algorithm>

#include "diag/suggest.hpp"
#include "frontmatter/fields.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "minutes/vocabulary.hpp"
#include "text/url_policy.hpp"

namespace cp::config {

using frontmatter::YamlNode;

namespace {

// `minutes_headings: {attendees: [Asistentes], note_taker: [Secretario]}`: more words for the
// fields minutes can fill; a field that is not one of them is a warning, with a guess.
void read_minutes_headings(const YamlNode& value, frontmatter::FieldReader& read,
                           std::map<std::string, std::vector<std::string>>& out) {
    if (!value.is_mapping()) {
        if (!value.is_null())
            read.error(value, "'minutes_headings' must be a mapping from a field to the words for it");
        return;
    }
    const auto& fields = minutes::fields();
    for (const auto& [field, words] : value.entries) {
        if (std::find(fields.begin(), fields.end(), field.scalar) == fields.end()) {
            auto guess = diag::closest(field.scalar, fields);
            read.warning(field,
                         "minutes_headings: '" + field.scalar + "' is not a field minutes fill" +
                             (guess ? ": did you mean " + *guess + "?" : " (it is ignored)"));
            continue;
        }
        if (auto v = read.string_list(words, field.scalar)) out[field.scalar] = *v;
    }
}

// `types: {"minutes/**": meeting}`: each glob gives the pages under it a type.
void read_types(const YamlNode& value, frontmatter::FieldReader& read, Config& config) {
    if (!value.is_mapping()) {
        read.error(value, "'types' must be a mapping from a path pattern to a type (\"minutes/**\": meeting)");
        return;
    }
    for (const auto& [glob, type] : value.entries) {
        auto v = read.one_of(type, glob.scalar, {"domain", "meeting", "note", "person", "page"});
        if (v) config.types.emplace_back(glob.scalar, *v);
    }
}

// `base_url`, `repo_url`: both reach every page's links (and the feed), so a script URL here
// would run everywhere: only an absolute http(s) URL or a site path is taken.
void read_address(const std::string& k, const YamlNode& value, frontmatter::FieldReader& read, std::string& target) {
    auto v = read.string(value, k);
    if (v && !v->empty() && !text::is_site_address(*v))
        read.error(value,
                   "'" + k + "' must be an absolute http(s) URL or a path starting with '/', not '" +
                       text::quoted_url(*v) + "'");
    else if (v)
        target = *v;
}

// `max_file_size`: a whole number of bytes, above 0.
void read_max_file_size(const YamlNode& value, frontmatter::FieldReader& read, Config& config) {
    auto v = read.string(value, "max_file_size");
    bool digits = v && !v->empty() && v->size() <= 15 &&
        std::all_of(v->begin(), v->end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && std::stoull(*v) > 0)
        config.max_file_size = std::stoull(*v);
    else if (v)
        read.error(value, "'max_file_size' must be a whole number of bytes, not '" + *v + "'");
}

// `field_map: {attendees: [present, who]}`: other names for a field.
void read_field_map(const YamlNode& value, frontmatter::FieldReader& read, Config& config) {
    if (!value.is_mapping()) {
        read.error(value, "'field_map' must be a mapping from a field to its other names");
        return;
    }
    for (const auto& [field, names] : value.entries)
        if (auto v = read.string_list(names, field.scalar)) config.field_map[field.scalar] = *v;
}

// `image`: the site's picture on social cards; a web address, or a file of the memory (a link
// to it from the site's root).
void read_image(const YamlNode& value, frontmatter::FieldReader& read, Config& config) {
    auto v = read.string(value, "image");
    auto scheme = v ? text::url_scheme(*v) : std::nullopt;
    if (v && scheme && !((scheme == "http" || scheme == "https") && text::is_site_address(*v)))
        read.error(value,
                   "'image' must be a file of the memory (assets/logo.png) or an absolute http(s) URL, "
                   "not '" +
                       text::quoted_url(*v) + "'");
    else if (v && !scheme && (v->find("..") != std::string::npos || !text::url_allowed(*v, text::UrlUse::Media)))
        read.error(value, "'image' must be a file of the memory, not '" + text::quoted_url(*v) + "'");
    else if (v && scheme)
        config.image = *v;
    else if (v)
        config.image = v->substr(std::min(v->find_first_not_of('/'), v->size()));  // "/assets/x.png" too
}

const std::vector<std::string>& known_settings() {
    static const std::vector<std::string> known = {"title",
                                                   "description",
                                                   "base_url",
                                                   "language",
                                                   "timezone",
                                                   "default_visibility",
                                                   "public_names",
                                                   "theme",
                                                   "repo_url",
                                                   "exclude",
                                                   "field_map",
                                                   "max_file_size",
                                                   "minutes_headings",
                                                   "personal_data",
                                                   "personal_data_allow",
                                                   "digest",
                                                   "rights",
                                                   "types",
                                                   "wikilinks",
                                                   "image"};
    return known;
}

// One setting into `config`; a value of the wrong shape is an error at it, an unknown setting
// a warning (with a guess when one is close).
void read_setting(const YamlNode& key, const YamlNode& value, frontmatter::FieldReader& read, Config& config) {
    const std::string& k = key.scalar;
    auto set_string = [&](std::string& target) {
        if (auto v = read.string(value, k)) target = *v;
    };
    if (k == "title")
        set_string(config.title);
    else if (k == "description")
        set_string(config.description);
    else if (k == "base_url")
        read_address(k, value, read, config.base_url);
    else if (k == "repo_url")
        read_address(k, value, read, config.repo_url);
    else if (k == "language")
        set_string(config.language);
    else if (k == "timezone")
        set_string(config.timezone);
    else if (k == "theme")
        set_string(config.theme);
    else if (k == "rights")
        set_string(config.rights);
    else if (k == "default_visibility") {
        if (auto v = read.one_of(value, k, {"public", "community"})) config.default_visibility = *v;
    } else if (k == "public_names") {
        if (auto v = read.one_of(value, k, {"full", "initials"})) config.public_names = *v;
    } else if (k == "personal_data") {
        if (auto v = read.one_of(value, k, {"error", "redact", "allow"})) config.personal_data = *v;
    } else if (k == "personal_data_allow") {
        if (auto v = read.string_list(value, k)) config.personal_data_allow = *v;
    } else if (k == "digest") {
        if (auto v = read.one_of(value, k, {"quarter", "month"})) config.digest = *v;
    } else if (k == "exclude") {
        if (auto v = read.string_list(value, k)) config.exclude = *v;
    } else if (k == "max_file_size") {
        read_max_file_size(value, read, config);
    } else if (k == "field_map") {
        read_field_map(value, read, config);
    } else if (k == "minutes_headings") {
        read_minutes_headings(value, read, config.minutes_headings);
    } else if (k == "types") {
        read_types(value, read, config);
    } else if (k == "wikilinks") {
        if (auto v = read.boolean(value, k)) config.wikilinks = *v;
    } else if (k == "image") {
        read_image(value, read, config);
    } else if (auto guess = diag::closest(k, known_settings())) {
        read.warning(key, "unknown setting '" + k + "': did you mean " + *guess + "?");
    } else {
        read.warning(key, "unknown setting '" + k + "'");
    }
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path, diag::Sink& sink) {
    Config config;
    if (auto bad = frontmatter::find_invalid_utf8(text)) {
        sink.error(path, bad->first, bad->second, "config is not valid UTF-8 text");
        return config;
    }
    auto tree = frontmatter::parse_yaml(text, 1, path, sink);
    if (!tree || tree->is_null()) return config;
    if (!tree->is_mapping()) {
        sink.error(path, tree->line, tree->column,
                   "config must be a mapping of settings, not " + frontmatter::shape_name(*tree));
        return config;
    }
    frontmatter::FieldReader read(path, sink);
    for (const auto& [key, value] : tree->entries) read_setting(key, value, read, config);
    if (config.base_url.empty() || config.base_url.back() != '/') config.base_url += '/';
    return config;
}

}  // namespace cp::config
