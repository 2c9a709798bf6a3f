#pragma once
// Readers for the shapes a field can take (string, list of strings, date, time,
// bool, one of a set). Each reports a wrong shape to the sink at the value's
// line and column and returns nothing, so a caller can go on and gather more problems.
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "frontmatter/yaml_tree.hpp"

namespace cp::frontmatter {

class FieldReader {
public:
    FieldReader(std::string path, diag::Sink& sink) : path_(std::move(path)), sink_(sink) {}

    std::optional<std::string> string(const YamlNode& node, std::string_view field);
    // A list of strings; a single string is accepted as a list of one.
    std::optional<std::vector<std::string>> string_list(const YamlNode& node, std::string_view field);
    // YYYY-MM-DD, or RFC 3339 (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]); returns the text as written, validated.
    std::optional<std::string> date(const YamlNode& node, std::string_view field);
    // HH:MM, 24-hour clock.
    std::optional<std::string> time(const YamlNode& node, std::string_view field);
    // Only true/false (not yes/on/"true"): a reporter's "maybe" is an error, not a guess.
    std::optional<bool> boolean(const YamlNode& node, std::string_view field);
    std::optional<std::string> one_of(const YamlNode& node, std::string_view field,
                                      const std::vector<std::string>& allowed);

    void error(const YamlNode& at, std::string message);
    void warning(const YamlNode& at, std::string message);
    const std::string& path() const { return path_; }
    diag::Sink& sink() { return sink_; }

private:
    std::string path_;
    diag::Sink& sink_;
};

// True when `text` is a real calendar date written YYYY-MM-DD.
bool is_valid_date(std::string_view text);
// True when `text` is a date or an RFC 3339 date-time.
bool is_valid_date_or_datetime(std::string_view text);

}  // namespace cp::frontmatter
