#pragma once
// What a repository kept another way says about itself: folders full of dated files that no
// type applies to (minutes/2019/2019-03-14.md as plain pages), and the config line to fix it.
#include <string>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "model/page.hpp"

namespace cp::model {

struct TypeSuggestion {
    std::string folder;     // "minutes", or "" for the memory's root
    std::string glob;       // "minutes/**"
    std::string type;       // "meeting"
    std::size_t dated = 0;  // files under it with a date in their path
    std::size_t files = 0;  // free pages under it
    std::string example;    // one dated file
    // The line for commonplace.yaml: types: {"minutes/**": meeting}
    std::string config_line() const;
};

// The folders (by first folder) where at least three free pages, and at least half of them,
// carry a date in their path: minutes kept without the type Commonplace expects. `paths` are
// Markdown files' paths; their type is what `config` gives them.
std::vector<TypeSuggestion> suggest_types(const std::vector<std::string>& paths, const config::Config& config);

// Warns once for each such folder, naming the config line that would make its files meetings.
void warn_untyped_dated_folders(const std::vector<Page>& pages, const config::Config& config, diag::Sink& sink);

}  // namespace cp::model
