#include "model/page_reader.hpp"

#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "model/glob.hpp"
#include "model/page_fields.hpp"
#include "model/path_date.hpp"
#include "model/slug.hpp"
#include "text/strings.hpp"

namespace cp::model {

namespace {

Page placeholder(const std::string& path, PageType type, const config::Config& config) {
    Page page;
    page.source_path = path;
    page.type = type;
    page.title = stem_in_words(stem_of(path));
    page.visibility = config.default_visibility == "public" ? Visibility::Public : Visibility::Community;
    return page;
}

}  // namespace

PageType type_of_path(const std::string& path, const config::Config& config) {
    for (const auto& [glob, name] : config.types)
        if (glob_match(glob, path))
            if (auto type = parse_type(name)) return *type;
    auto slash = path.find('/');
    auto folder_type = slash == std::string::npos ? std::nullopt : parse_type(path.substr(0, slash));
    return folder_type && path.substr(0, slash) == type_folder(*folder_type) ? *folder_type : PageType::Page;
}

std::string first_heading(std::string_view body) {
    bool in_fence = false;
    std::string paragraph;  // the text of the paragraph so far, for a "Title\n=====" heading
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        std::string_view line = body.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        pos = end == std::string_view::npos ? body.size() : end + 1;
        std::size_t indent = 0;
        while (indent < line.size() && indent < 4 && line[indent] == ' ') ++indent;
        if (indent == 4) {             // indented code, or a paragraph's continuation
            if (!paragraph.empty()) {  // appended in two steps: GCC 12 warns (-Wrestrict) on " " + string
                paragraph += ' ';
                paragraph += text::trim(line);
            }
            continue;
        }
        std::string_view t = line.substr(indent);
        if (t.rfind("```", 0) == 0 || t.rfind("~~~", 0) == 0) {
            in_fence = !in_fence;
            paragraph.clear();
            continue;
        }
        if (in_fence) continue;
        if (t == "#" || t.rfind("# ", 0) == 0 || t.rfind("#\t", 0) == 0) {
            std::string_view h = text::trim(t.substr(1));
            while (!h.empty() && h.back() == '#') h.remove_suffix(1);  // a closing "###"
            return std::string(text::trim(h));
        }
        std::string_view bare = text::trim(t);
        if (!paragraph.empty() && !bare.empty() && bare.find_first_not_of('=') == std::string_view::npos)
            return paragraph;
        if (bare.empty() || t.front() == '#' || t.front() == '>' || t.front() == '-' || t.front() == '*' ||
            t.front() == '|' || t.front() == '<')
            paragraph.clear();
        else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += bare;
        }
    }
    return {};
}

std::optional<Page> read_page(const source::SourceFile& file, const config::Config& config, diag::Sink& sink) {
    const std::string& path = file.path;
    PageType type = type_of_path(path, config);
    // A file that cannot be read still holds its address, so other pages' links to it
    // are not reported as broken too: one mistake, one message.
    Page page = placeholder(path, type, config);
    if (file.too_large) {
        sink.error(path, 1, 1,
                   "file is " + std::to_string(file.size) + " bytes, over the limit of " +
                       std::to_string(config.max_file_size) + " bytes (max_file_size in commonplace.yaml)");
        return page;
    }
    if (file.lfs_pointer) {
        page.lfs_pointer = true;
        return page;
    }
    auto split = frontmatter::split(file.content, path, sink);
    // Front matter that is not understood may have said `visibility: community`: fail closed.
    if (!split) {
        page.visibility = Visibility::Community;
        return page;
    }
    page.body = std::move(split->body);
    page.body_first_line = split->body_first_line;
    page.title.clear();

    bool date_written = false;
    if (split->has_front_matter) {
        auto tree = frontmatter::parse_yaml(split->yaml, split->yaml_first_line, path, sink);
        if (tree && !tree->is_null() && !tree->is_mapping()) {
            sink.error(path, tree->line, tree->column,
                       "front matter must be a mapping of fields (name: value), not " + shape_name(*tree));
            tree.reset();
        }
        if (!tree) {
            date_written = true;                      // the date may be there; the error already says what is wrong
            page.visibility = Visibility::Community;  // and so may `visibility: community`
        }
        if (tree) date_written = read_fields(page, *tree, config, sink);
    }
    std::string stem = stem_of(path);
    if (page.title.empty()) {
        page.title = first_heading(page.body);
        if (page.title.empty()) page.title = stem_in_words(stem);
    }
    if (page.date.empty()) {
        PathDate from_path = date_from_path(path);
        page.date = from_path.date;
        page.dated_by_folders = !from_path.date.empty() && !from_path.in_name;
        if (page.dated_by_folders) page.path_date_rest = from_path.rest;
    }
    if (page.type == PageType::Meeting && page.date.empty() && !date_written) {
        // An imported folder's table of contents or summary (toc.md, no front matter) is a page
        // of that folder, not a failed build; a record written with front matter needs its date.
        if (split->has_front_matter) {
            sink.error(path, 1, 1,
                       "a meeting needs a date: add 'date: YYYY-MM-DD' to its front matter, "
                       "or start the file name with it (2016-03-02-kickoff.md)");
        } else {
            // A folder's README.md or index.md is that folder's page, as expected: no warning.
            if (stem != "README" && stem != "readme" && stem != "index")
                sink.warning(path, 1, 1,
                             "no date in this file's name, folders or front matter, so it is a plain "
                             "page, not a meeting: add 'date: YYYY-MM-DD' to make it one");
            page.type = PageType::Page;
        }
    }
    if (page.type == PageType::Note && page.kind.empty()) page.kind = "note";
    return page;
}

}  // namespace cp::model
