#pragma once
// `commonplace new` and `commonplace init`: files laid out as the contract says, so a
// social reporter starts from a complete record rather than a blank page.
#include <filesystem>
#include <ostream>
#include <string>

namespace cp::cli {

struct NewPageOptions {
    std::filesystem::path memory = ".";
    std::string type;  // meeting, note, domain or person
    std::string title;
    std::string date;    // YYYY-MM-DD; empty: today
    std::string domain;  // a domain slug, or empty
};

// Writes the new file and prints its path. Refuses (exit 1) to overwrite an existing file;
// exit 2 for an unknown type or a malformed date.
int new_page(const NewPageOptions& options, std::ostream& out, std::ostream& err);

// Starts a memory in `dir`: config, home page, a first domain, the four folders and a git
// repository (no commit is made: the first commit is the community's). Refuses a folder
// that already holds a commonplace.yaml.
int init_memory(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
