#pragma once
// `commonplace init` in a folder that already holds notes or minutes: adds only what is missing
// (a config; a home page when there is neither README.md nor index.md), renames and edits
// nothing, and writes into the config the `types:` lines the layout it found needs.
#include <filesystem>
#include <ostream>
#include <string>

namespace cp::cli {

// True when `dir` holds a Markdown file the memory would read (ignored names left out).
bool holds_markdown(const std::filesystem::path& dir);

// The config suited to the files found in `dir`: a title from the folder's name, the `types:`
// each folder full of dated files needs, and a note of where dates are read from.
std::string suggested_config(const std::filesystem::path& dir);

// Writes commonplace.yaml (suggested_config) and prints it; exit 1 when it cannot be written.
int adopt_repository(const std::filesystem::path& dir, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
