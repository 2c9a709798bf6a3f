#pragma once
// The site settings from commonplace.yaml (contract section 7), every key defaulted.
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace cp::config {

struct Config {
    std::string title = "Community memory";
    std::string description;
    std::string base_url = "/";
    std::string language = "en";
    std::string timezone = "UTC";
    std::string default_visibility = "community";
    std::string public_names = "full";  // or "initials"
    std::string theme = "default";
    std::string repo_url;  // a pattern with {path}, or empty
    std::vector<std::string> exclude;
    std::map<std::string, std::vector<std::string>> field_map;  // field -> other names, in order
    std::map<std::string, std::vector<std::string>>
        minutes_headings;            // field -> more words for it (minutes/vocabulary.hpp)
    std::string rights;              // the memory's rights statement (Dublin Core), for the export and the print
    std::string digest = "quarter";  // or "month": the period of each /digest/ page
    std::size_t max_file_size = std::size_t{4} * 1024 * 1024;  // bytes; a larger .md file is an error naming the limit
    std::string personal_data = "error";                       // or "redact", "allow": see audience/guard.hpp
    std::vector<std::string> personal_data_allow;              // strings, or "*@domain", public on purpose
    // `types:` glob -> type name ("minutes/**": meeting), in the order written: the first match wins.
    std::vector<std::pair<std::string, std::string>> types;
    bool wikilinks = true;  // false: [[x]] is plain text
    // The site's picture on social cards, for pages without one of their own: a file of the
    // memory ("assets/logo.png", no leading '/') or an absolute http(s) URL; empty for none.
    std::string image;
};

// Reads the config from `text` (the contents of commonplace.yaml, reported as `path`).
// Problems go to the sink; the returned config keeps the defaults for keys in error.
Config parse_config(std::string_view text, const std::string& path, diag::Sink& sink);

}  // namespace cp::config
