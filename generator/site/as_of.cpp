#include "site/as_of.hpp"

#include <filesystem>

#include "model/page_reader.hpp"
#include "model/slug.hpp"
#include "source/as_of.hpp"
#include "text/files.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

bool is_day(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
    return true;
}

// The date of the meeting `slug` among `paths` (memory-relative; `read` gives a file's bytes),
// or empty when none is that meeting.
template <typename Read>
std::string meeting_day(const std::vector<std::string>& paths, const std::string& slug, Read read) {
    for (const auto& path : paths) {
        if (path.rfind("meetings/", 0) != 0 || path.size() < 3 || path.compare(path.size() - 3, 3, ".md") != 0)
            continue;
        if (model::slugify(model::stem_of(path)) != slug) continue;
        std::optional<std::string> text = read(path);
        if (!text) continue;
        source::SourceFile file;
        file.path = path;
        file.content = std::move(*text);
        diag::Sink ignored;  // the build itself reports the meeting's problems
        auto page = model::read_page(file, config::Config{}, ignored);
        if (page && page->type == model::PageType::Meeting) return model::day_of(page->date);
    }
    return {};
}

}  // namespace

std::optional<std::string> as_of_commit(const BuildOptions& options, const source::Repository& repo,
                                        std::string& error) {
    std::optional<std::string> start = options.ref.empty() ? repo.head() : repo.resolve(options.ref, error);
    if (!start) {
        if (error.empty()) error = "the repository has no commits";
        return std::nullopt;
    }
    std::string day = options.as_of;
    if (!options.as_of_meeting.empty()) {
        const std::string& slug = options.as_of_meeting;
        if (!options.ref.empty() || repo.bare()) {
            day = meeting_day(repo.file_paths(*start), slug, [&](const std::string& path) {
                return repo.read_file(*start, path, config::Config{}.max_file_size);
            });
        } else {
            std::vector<std::string> paths;
            std::error_code ec;
            fs::path folder = options.source / "meetings";
            for (auto it = fs::recursive_directory_iterator(folder, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
                if (it->is_regular_file(ec))
                    paths.push_back("meetings/" + fs::relative(it->path(), folder).generic_string());
            day = meeting_day(paths, slug,
                              [&](const std::string& path) { return text::read_file(options.source / path); });
        }
        if (day.empty()) {
            error = "--as-of-meeting: no meeting '" + slug + "' with a date in the memory";
            return std::nullopt;
        }
    } else if (!is_day(day)) {
        error = "--as-of wants a date as YYYY-MM-DD, not '" + day + "'";
        return std::nullopt;
    }
    return source::last_commit_on_or_before(repo, *start, day, error);
}

}  // namespace cp::site
