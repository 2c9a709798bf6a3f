#include "i18n/load.hpp"

#include <set>
#include <vector>

#include "diag/suggest.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "text/files.hpp"

namespace cp::i18n {

namespace fs = std::filesystem;
using frontmatter::YamlNode;
using nlohmann::json;

namespace {

// One file's words: dotted key -> text and the line it is on, and the same as a tree.
struct Words {
    std::map<std::string, std::string> text;
    std::map<std::string, int> line;
    json tree = json::object();
};

// Reads a mapping of words: nested mappings give dotted keys ("nav": {"domains": ...} is
// "nav.domains"), a list gives key.1, key.2... (the months), a scalar is a word.
void read_node(const YamlNode& node, const std::string& key, json& tree, Words& out, const std::string& path,
               diag::Sink& sink) {
    if (node.is_mapping()) {
        if (!tree.is_object()) tree = json::object();
        for (const auto& [k, v] : node.entries)
            read_node(v, key.empty() ? k.scalar : key + "." + k.scalar, tree[k.scalar], out, path, sink);
    } else if (node.is_sequence()) {
        tree = json::array();
        for (std::size_t i = 0; i < node.items.size(); ++i) {
            json item;
            read_node(node.items[i], key + "." + std::to_string(i + 1), item, out, path, sink);
            tree.push_back(std::move(item));
        }
    } else if (node.is_scalar() || node.is_null()) {
        // An empty value is a word too: "" says the language needs nothing there.
        out.text[key] = node.scalar;
        out.line[key] = node.line;
        tree = node.scalar;
    }
}

std::optional<Words> read_words(const std::string& path, const std::string& text, diag::Sink& sink) {
    auto root = frontmatter::parse_yaml(text, 1, path, sink);
    if (!root) return std::nullopt;
    Words words;
    if (root->is_null()) return words;
    if (!root->is_mapping()) {
        sink.error(path, root->line, root->column,
                   "a file of words must be a mapping of keys to words, not " + frontmatter::shape_name(*root));
        return std::nullopt;
    }
    read_node(*root, "", words.tree, words, path, sink);
    return words;
}

std::optional<Words> read_theme_file(const fs::path& file, diag::Sink& sink) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
    return read_words(file.string(), text::read_file_or_empty(file), sink);
}

void apply(Words& into, const Words& over) {
    for (const auto& [k, v] : over.text) into.text[k] = v;
    into.tree.merge_patch(over.tree);
}

}  // namespace

std::vector<std::string> file_names_for(const std::string& language) {
    std::vector<std::string> names{language};
    const std::size_t dash = language.find_first_of("-_");
    if (dash != std::string::npos) names.push_back(language.substr(0, dash));
    return names;
}

Catalog load_catalog(const fs::path& theme_dir, const std::string& language,
                     const std::optional<WordsFile>& memory_file, diag::Sink& sink) {
    const fs::path folder = theme_dir / "i18n";
    std::optional<Words> english = read_theme_file(folder / "en.yaml", sink);
    if (!english) {
        sink.warning((folder / "en.yaml").string(), 0, 0,
                     "the theme has no words: every label of the site shows its key instead");
        english = Words{};
    }
    Words words = *english;
    std::string found = "en";
    std::string lang_path;
    std::optional<Words> own;  // the theme's words in the language, when it is not English
    for (const auto& name : file_names_for(language)) {
        if (name == "en") break;
        if ((own = read_theme_file(folder / (name + ".yaml"), sink))) {
            found = language;
            lang_path = (folder / (name + ".yaml")).string();
            break;
        }
    }
    std::optional<Words> memory;
    if (memory_file) memory = read_words(memory_file->path, memory_file->text, sink);
    if (memory && found == "en") found = language;
    const bool english_only = file_names_for(language).front() == "en" || file_names_for(language).back() == "en";
    if (!english_only && !own && !memory)
        sink.warning("commonplace.yaml", 0, 0,
                     "no words for the language '" + language + "': neither the theme (" +
                         (folder / (file_names_for(language).back() + ".yaml")).string() + ") nor the memory (i18n/" +
                         language + ".yaml) has them, so the site's own words are in English");
    if (own) {
        // A key the language's file lacks keeps its English word, once said.
        for (const auto& [key, text] : english->text)
            if (!own->text.count(key) && !(memory && memory->text.count(key)))
                sink.warning(lang_path, 0, 0,
                             "no word for '" + key + "' in " + fs::path(lang_path).filename().string() +
                                 ": the English \"" + text + "\" is used");
        apply(words, *own);
    }
    if (memory) {
        std::vector<std::string> known;
        for (const auto& [key, text] : words.text) known.push_back(key);
        for (const auto& [key, text] : memory->text) {
            if (words.text.count(key)) continue;
            std::string message = "'" + key + "' is not a word the theme has, so nothing shows it";
            if (auto guess = diag::closest(key, known)) message += " (did you mean '" + *guess + "'?)";
            sink.warning(memory_file->path, memory->line[key], 0, message);
        }
        apply(words, *memory);
    }
    return Catalog(found, std::move(words.text), std::move(words.tree));
}

}  // namespace cp::i18n
