#include <filesystem>
#include <optional>

#include "config/config.hpp"
#include "history/reader.hpp"
#include "i18n/load.hpp"
#include "model/loader.hpp"
#include "site/as_of.hpp"
#include "site/build_cache.hpp"
#include "site/page_versions.hpp"
#include "site/pipeline.hpp"
#include "source/git_tree.hpp"
#include "source/read_again.hpp"
#include "source/working_tree.hpp"
#include "text/files.hpp"
#include "text/url_policy.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

fs::path theme_dir_for(const config::Config& config, const BuildOptions& options) {
    fs::path named(config.theme);
    if (named.is_absolute() || config.theme.find('/') != std::string::npos) {
        return named.is_absolute() ? named : fs::path(options.source) / named;
    }
    return options.themes_dir / config.theme;
}

// The memory's own layouts/NAME.mustache, which replace the theme's templates of that name.
std::map<std::string, std::string> layout_overrides(const source::Snapshot& snapshot) {
    std::map<std::string, std::string> out;
    const std::string prefix = "layouts/", suffix = ".mustache";
    for (const auto& f : snapshot.files) {
        if (f.path.rfind(prefix, 0) != 0 || f.path.size() <= prefix.size() + suffix.size()) continue;
        if (f.path.compare(f.path.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        std::string name = f.path.substr(prefix.size(), f.path.size() - prefix.size() - suffix.size());
        if (name.find('/') == std::string::npos) out[name] = f.content;
    }
    return out;
}

// The memory's own words for the site's language (i18n/LANG.yaml, else the file of its primary
// language), which override the theme's.
std::optional<i18n::WordsFile> memory_words(const source::Snapshot& snapshot, const std::string& language) {
    for (const auto& name : i18n::file_names_for(language))
        if (const source::SourceFile* f = snapshot.find("i18n/" + name + ".yaml"))
            return i18n::WordsFile{f->path, f->content};
    return std::nullopt;
}

// Where the memory is read from: a commit (with --ref, or a bare repository's HEAD, which has
// no working tree) or the working tree; the repository, when there is one, gives the history.
struct Origin {
    std::unique_ptr<source::Repository> repo;
    std::optional<std::string> commit;  // read this commit's tree; nothing: the working tree
    bool ok = true;
};

Origin find_origin(const BuildOptions& options, diag::Sink& sink) {
    Origin origin;
    const std::string where = options.source.string();
    std::string error;
    origin.repo = source::Repository::find(options.source, error);
    if (!options.as_of.empty() || !options.as_of_meeting.empty()) {
        if (origin.repo)
            origin.commit = as_of_commit(options, *origin.repo, error);
        else if (error.empty())
            error = "--as-of needs a git repository, and " + where + " is not in one";
        if (!origin.commit) {
            sink.error(where, 0, 0, error);
            origin.ok = false;
        }
        return origin;
    }
    if (!options.ref.empty()) {
        if (!origin.repo) {
            sink.error(where, 0, 0,
                       error.empty() ? "--ref needs a git repository, and " + where + " is not in one" : error);
            origin.ok = false;
            return origin;
        }
        origin.commit = origin.repo->resolve(options.ref, error);
        if (!origin.commit) {
            sink.error(where, 0, 0, error);
            origin.ok = false;
        }
        return origin;
    }
    if (!error.empty()) sink.warning(where, 0, 0, error + "; the memory is read without its history");
    if (origin.repo && origin.repo->bare()) {
        origin.commit = origin.repo->head();
        if (!origin.commit) {
            sink.error(where, 0, 0, "a bare repository with no commits holds no memory to build");
            origin.ok = false;
        }
    }
    return origin;
}

std::optional<std::string> read_disk_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    return text::read_file_or_empty(path);
}

// The config: --config's file; else the commit's commonplace.yaml (with --ref); else, or when
// that commit is older than the config, the working tree's, with a note saying so. `text_read` is
// set to the text parsed (empty for none): what the caches of a rebuild are kept with.
config::Config read_config(const BuildOptions& options, const Origin& origin, diag::Sink& sink,
                           std::string& text_read) {
    const std::string name = "commonplace.yaml";
    if (!options.config_file.empty()) {
        auto text = read_disk_file(options.config_file);
        if (!text) {
            sink.error(options.config_file.string(), 0, 0, "--config names no readable file");
            return config::Config{};
        }
        text_read = *text;
        return config::parse_config(*text, options.config_file.string(), sink);
    }
    std::optional<std::string> text;
    if (origin.commit) {
        text = origin.repo->read_file(*origin.commit, name, config::Config{}.max_file_size);
        if (!text) {
            text = read_disk_file(options.source / name);
            if (text)
                sink.warning(name, 0, 0,
                             "the commit " + options.ref + " has no " + name +
                                 ", so the working tree's is used (--config FILE names another)");
        }
    } else {
        text = read_disk_file(options.source / name);
    }
    if (!text) return config::Config{};
    text_read = *text;
    return config::parse_config(*text, name, sink);
}

// The cache of old versions for this build, emptied first when the commit, the config they
// were read with or the audience changed; none without a cache.
VersionsCache versions_cache(const BuildOptions& options, const std::optional<std::string>& commit,
                             const std::string& config) {
    if (!options.cache) return {};
    BuildCache& cache = *options.cache;
    std::string audience(model::audience_name(options.audience));
    if (options.drafts) audience += " with drafts";
    if (cache.versions_commit != commit.value_or("") || cache.versions_config != config ||
        cache.versions_for != audience) {
        cache.versions_shown.clear();
        cache.versions_written.clear();
        cache.versions_commit = commit.value_or("");
        cache.versions_config = config;
        cache.versions_for = audience;
    }
    return {&cache.versions_shown, &cache.versions_written};
}

// The old versions of the pages the build keeps, as it shows them, and (a public build, for its
// audit) as they were written.
void read_old_versions(const BuildOptions& options, const VersionsCache& cache, Loaded& loaded, parallel::Pool& pool) {
    const audience::FilterOptions filter{options.audience, options.drafts};
    read_page_versions(options.source, loaded.site, filter, pool, cache);
    if (options.audience == audience::Audience::Public)
        loaded.versions_as_written = read_versions_as_written(options.source, loaded.site, filter, pool, cache);
}

// The cache of parsed pages for this build, emptied first when the config changed; nullptr
// without a cache.
model::PageCache* page_cache(const BuildOptions& options, const std::string& config) {
    if (!options.cache) return nullptr;
    model::PageCache& cache = options.cache->pages;
    if (cache.config != config) {
        cache.by_path.clear();
        cache.minutes.by_path.clear();
        cache.config = config;
    }
    return &cache;
}

// The catalogue of the site's addresses: with a cache, the one the last rebuild made when
// nothing it is made from changed (making it took 20 ms of a rebuild at 10,000 notes).
std::shared_ptr<const links::Catalogue> catalogue_for(const model::Site& site, BuildCache* cache,
                                                      parallel::Pool& pool) {
    const std::uint64_t key = links::catalogue_key(site);
    if (!cache) return std::make_shared<const links::Catalogue>(links::catalogue_of(site, key, &pool));
    if (!cache->catalogue || cache->catalogue->key != key)
        cache->catalogue = std::make_shared<const links::Catalogue>(links::catalogue_of(site, key, &pool));
    return cache->catalogue;
}

// The bytes of `text` before the line `first_line` (counted from 1): a page's front matter and
// its fences, when its body starts there. All of it when the text has fewer lines (a file
// whose lines end in a lone CR counts fewer '\n's than the page read: it keeps more, never less).
std::size_t bytes_before_line(const std::string& text, int first_line) {
    std::size_t at = 0;
    for (int line = 1; line < first_line; ++line) {
        at = text.find('\n', at);
        if (at == std::string::npos) return text.size();
        ++at;
    }
    return at;
}

// What the parse leaves of each page's source text. A build lets go of it as soon as its page
// is read (at 50,000 notes, 210 MB that stayed beside the pages' own copies until the links
// step); the problems printed read their lines again (source::ReadAgain). A public build keeps
// the front matter, which its audit reads as written. serve keeps everything: its cache of the
// working tree holds the texts anyway.
std::function<void(const source::SourceFile&, const model::Page&)> text_let_go(const BuildOptions& options,
                                                                               source::Snapshot& snapshot) {
    if (options.cache) return {};
    const bool keep_front_matter = options.audience == audience::Audience::Public;
    return [&snapshot, keep_front_matter](const source::SourceFile& read, const model::Page& page) {
        source::SourceFile& file = snapshot.files[static_cast<std::size_t>(&read - snapshot.files.data())];
        source::let_go_of_text(file, keep_front_matter ? bytes_before_line(file.content, page.body_first_line) : 0);
    };
}

// `--base-url`, when given, in the config's place; false (an error reported) when it is no
// site address.
bool take_base_url(const BuildOptions& options, config::Config& config, diag::Sink& sink) {
    if (options.base_url.empty()) return true;
    if (!text::is_site_address(options.base_url)) {
        sink.error("--base-url", 0, 0,
                   "--base-url must be an absolute http(s) URL or a path starting with '/', not '" +
                       text::quoted_url(options.base_url) + "'");
        return false;
    }
    config.base_url = options.base_url;
    if (config.base_url.back() != '/') config.base_url += '/';
    return true;
}

}  // namespace

Loaded load(const BuildOptions& options, parallel::Pool& pool, diag::Sink& sink,
            const std::function<void(const char*)>& step) {
    Loaded loaded;
    Origin origin = find_origin(options, sink);
    if (!origin.ok) return loaded;
    // The config decides the size limit, so it is read first, on its own.
    std::string config_read;  // its text, which the caches of a rebuild are kept with
    config::Config config = read_config(options, origin, sink, config_read);
    if (!take_base_url(options, config, sink)) return loaded;
    // Git's history is read on a thread of its own while the files are read and the pages
    // parsed: it follows the files of the commit itself, so it needs neither until it is
    // applied to the parsed pages. The working tree's files have the history of HEAD, and
    // its date as "today", so every clone of the same commit builds the same site.
    std::optional<std::string> start;
    if (origin.repo) start = origin.commit ? origin.commit : origin.repo->head();
    std::string head_date = start && !origin.commit ? origin.repo->commit_date(*start) : std::string{};
    std::future<history::History> history;
    auto read_history_meanwhile = [&] {
        if (!start) return;
        history = pool.submit([&repo = *origin.repo, commit = *start, &sink, cache = options.cache] {
            // A save in the working tree leaves HEAD where it was: its history is the same.
            if (cache && cache->history && cache->history_commit == commit) return *cache->history;
            auto read = history::read_history(repo, commit, repo.file_paths(commit), sink);
            if (cache) {
                cache->history_commit = commit;
                cache->history = std::make_shared<const history::History>(read);
            }
            return read;
        });
    };
    // Reading a commit's files uses the same repository object, which libgit2 wants used by
    // one thread at a time: with --ref, the history starts once the files are read.
    if (!origin.commit) read_history_meanwhile();

    source::ReadOptions read_options;
    read_options.max_file_size = config.max_file_size;
    loaded.snapshot = origin.commit ? source::read_git_tree(*origin.repo, *origin.commit, read_options, sink)
                                    : source::read_working_tree(options.source, read_options, pool, sink,
                                                                options.cache ? &options.cache->files : nullptr);
    if (!head_date.empty()) loaded.snapshot.reference_date = head_date;
    const fs::path theme_dir = theme_dir_for(config, options);
    loaded.theme = std::make_unique<theme::Theme>(theme_dir, layout_overrides(loaded.snapshot), sink);
    i18n::Catalog words =
        i18n::load_catalog(theme_dir, config.language, memory_words(loaded.snapshot, config.language), sink);
    loaded.theme->set_globals({{"t", words.templates()}});
    if (step) step("read source");
    if (origin.commit) read_history_meanwhile();

    model::LoadOptions load_options;
    load_options.cache = page_cache(options, config_read);
    load_options.page_read = text_let_go(options, loaded.snapshot);
    loaded.site = model::load_site(
        loaded.snapshot, config, [&history] { return history.valid() ? history.get() : history::History{}; },
        load_options, pool, sink);
    loaded.site.words = std::move(words);
    if (step) step("parse, and history meanwhile");
    if (origin.repo) {
        read_old_versions(options, versions_cache(options, start, config_read), loaded, pool);
        if (step) step("old versions");
    }
    // A build of a past commit (--ref, --as-of: any commit but HEAD's) says on every page whose
    // day it shows. The rule looks only at the commit, so --as-of D and --ref of the commit it
    // names give the same bytes, and --ref HEAD those of a clean working tree.
    if (origin.commit && origin.repo->head() != origin.commit) loaded.site.as_of = loaded.snapshot.reference_date;
    // The catalogue of addresses once git's repository is let go, and its pack (mapped whole
    // while the history and the old versions were read) with it: made beside the pack, while the
    // history was read, it was 50 MB of the build's peak at 50,000 notes (issue #20).
    if (history.valid()) history.wait();  // taken by the parse; never let go of while read
    origin.repo.reset();
    loaded.catalogue = catalogue_for(loaded.site, options.cache, pool);
    loaded.ok = true;
    return loaded;
}

}  // namespace cp::site
