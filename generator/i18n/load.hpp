#pragma once
// Reads a Catalog: the theme's English words, over them the theme's words in the site's
// language, over those the memory's own i18n/LANG.yaml.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "i18n/catalog.hpp"

namespace cp::i18n {

// A file of words: where it is reported from ("i18n/fr.yaml") and its text.
struct WordsFile {
    std::string path;
    std::string text;
};

// The catalog for `language` ("fr", "pt-BR": a file pt-BR.yaml, else pt.yaml). `theme_dir`
// holds i18n/en.yaml and the language's file; `memory_file` is the memory's own file for that
// language, whose keys override the theme's. Never fails: a file that does not parse is an
// error in the sink; a language the theme has no file for, a key its file lacks (the English
// word is used), and a memory's key the theme does not have are warnings.
Catalog load_catalog(const std::filesystem::path& theme_dir, const std::string& language,
                     const std::optional<WordsFile>& memory_file, diag::Sink& sink);

// The names of the files a language's words may be in, most specific first: "pt-BR" gives
// {"pt-BR", "pt"}.
std::vector<std::string> file_names_for(const std::string& language);

}  // namespace cp::i18n
