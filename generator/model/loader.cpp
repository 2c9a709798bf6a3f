#include "model/loader.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "assets/image_size.hpp"
#include "assets/svg_check.hpp"
#include "model/addresses.hpp"
#include "model/assets.hpp"
#include "model/glob.hpp"
#include "model/imported_layout.hpp"
#include "model/minutes.hpp"
#include "model/page_reader.hpp"
#include "model/reserved_addresses.hpp"
#include "model/slug.hpp"
#include "text/hash.hpp"
#include "text/strings.hpp"
#include "text/url_policy.hpp"

namespace cp::model {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool excluded(const std::string& path, const config::Config& config) {
    for (const auto& pattern : config.exclude)
        if (glob_match(pattern, path)) return true;
    return false;
}

// Maps a git identity to a person: their `git:` list (or their name) matched against the
// commit's identity, then against the .mailmap's; else the .mailmap's name, else the commit's.
class ContributorMap {
public:
    explicit ContributorMap(const std::vector<Page>& pages) {
        for (const auto& p : pages) {
            if (p.type != PageType::Person) continue;
            for (const auto& id : p.git_identities) by_identity_.emplace(text::lower(id), p.slug);
            by_identity_.emplace(text::lower(p.title), p.slug);
        }
    }
    // The person's slug, or the name to show.
    std::string key_for(const history::Revision& r) const {
        return key_for(r.author_name(), r.author_email(), r.mailmap_name(), r.mailmap_email());
    }
    std::string key_for(const history::Commit& c) const {
        return key_for(c.author_name, c.author_email, c.mailmap_name, c.mailmap_email);
    }

private:
    std::string key_for(const std::string& name, const std::string& email, const std::string& mailmap_name,
                        const std::string& mailmap_email) const {
        for (const std::string* id : {&email, &name, &mailmap_email, &mailmap_name}) {
            if (id->empty()) continue;
            auto it = by_identity_.find(text::lower(*id));
            if (it != by_identity_.end()) return it->second;
        }
        return mailmap_name.empty() ? name : mailmap_name;
    }

    std::map<std::string, std::string> by_identity_;
};

void apply_history(std::vector<Page>& pages, history::History& history, parallel::Pool& pool) {
    const ContributorMap contributors(pages);
    // Files, then pages, each on its own: on every core.
    std::vector<history::FileHistory*> files;
    files.reserve(history.files.size());
    for (auto& [path, fh] : history.files) files.push_back(&fh);
    pool.parallel_for(files.size(), [&](std::size_t i) {
        for (auto& r : files[i]->revisions) r.contributor = contributors.key_for(r);
    });
    for (auto& c : history.recent) c.contributor = contributors.key_for(c);
    pool.parallel_for(pages.size(), [&](std::size_t i) {
        Page& page = pages[i];
        const history::FileHistory* fh = history.find(page.source_path);
        if (!fh) return;
        page.history_incomplete = fh->incomplete;
        if (const auto* c = fh->created()) {
            // A shallow history does not know when the file was really created.
            if (!fh->incomplete) page.created = c->date();
        }
        if (const auto* u = fh->updated()) page.updated = u->date();
        std::vector<std::string> seen;
        for (auto it = fh->revisions.rbegin(); it != fh->revisions.rend(); ++it) {
            if (std::find(seen.begin(), seen.end(), it->contributor) != seen.end()) continue;
            seen.push_back(it->contributor);
            page.contributors.push_back(Ref{it->contributor, 0, 0, {}, {}});
        }
        if (page.date.empty() && !page.created.empty()) page.date = page.created;
        if (page.authors.empty() && page.type != PageType::Person) page.authors = page.contributors;
    });
}

// Why an asset that is an SVG may not be copied, if it may not.
std::optional<assets::SvgRefusal> refused_svg(const source::SourceFile& file) {
    if (!assets::is_svg_name(file.path)) return std::nullopt;
    if (file.too_large) return assets::SvgRefusal{0, "it is over the size limit, so it cannot be checked for scripts"};
    if (!file.disk_path.empty()) return assets::SvgRefusal{0, "it was not read, so it cannot be checked for scripts"};
    return assets::check_svg(file.content, file.path);
}

// The snapshot's Markdown pages (returned) and assets (added to `assets`); the config, theme
// overrides, the memory's own words, excluded and underscored files are neither. An SVG that
// could run a script is refused, an error, and not copied.
std::vector<const source::SourceFile*> sort_out_files(const source::Snapshot& snapshot, const config::Config& config,
                                                      std::vector<Asset>& assets, diag::Sink& sink) {
    std::vector<const source::SourceFile*> sources;
    for (const auto& file : snapshot.files) {
        if (file.path == "commonplace.yaml" || excluded(file.path, config)) continue;
        if (file.path.rfind("layouts/", 0) == 0) continue;  // theme overrides, read by the theme
        if (file.path.rfind("i18n/", 0) == 0) continue;     // the theme's words in the memory's own, read by load
        if (file.path.rfind("assets/", 0) == 0) {
            if (auto refused = refused_svg(file)) {  // never copied, in either audience
                sink.error(file.path, refused->line, 0, "SVG refused, and not copied: " + refused->message);
                continue;
            }
            assets.push_back({file.path, "/" + file.path, false});
            continue;
        }
        if (ends_with(file.path, ".md") && !file.underscored) {
            sources.push_back(&file);
        } else if (auto refused = refused_svg(file)) {  // an SVG beside the notes is checked like one in assets/
            sink.error(file.path, refused->line, 0, "SVG refused, and not copied: " + refused->message);
        } else {
            assets.push_back({file.path, "/" + file.path, true});  // an image or PDF beside the notes
        }
    }
    return sources;
}

// The pages read, in the sources' order, each with the collision keys of its address and of
// its file name (collision_key).
struct ReadPages {
    std::vector<Page> pages;
    std::vector<std::string> url_keys, path_keys;
};

// One file read as a page into `page`, or copied there from the cache when its bytes are those
// it was parsed from (its problems reported again); false when the file is no page. A page
// parsed now is handed back in `made` for the cache. (Copied into its place: through a
// temporary, each of 10,000 cached pages was copied and then moved, 2% of serve's rebuild.)
bool parse_or_reuse(const source::SourceFile& file, const config::Config& config, const PageCache* cache,
                    std::unique_ptr<PageCache::Entry>& made, diag::Sink& sink, Page& page) {
    // The working tree's cache hands over the hash of a file it did not read again.
    const std::uint64_t content = !cache ? 0 : file.quick_hash ? file.quick_hash : text::QuickHash::of(file.content);
    if (cache) {
        auto kept = cache->by_path.find(file.path);
        if (kept != cache->by_path.end() && kept->second.too_large == file.too_large &&
            kept->second.content == content) {
            for (const auto& d : kept->second.problems) sink.report(d);
            if (!kept->second.page) return false;
            page = *kept->second.page;
            return true;
        }
    }
    diag::Sink own;  // the page's problems, kept with it when there is a cache
    std::optional<Page> parsed = read_page(file, config, cache ? own : sink);
    if (cache) {
        auto problems = own.sorted();
        for (const auto& d : problems) sink.report(d);
        made =
            std::make_unique<PageCache::Entry>(PageCache::Entry{content, file.too_large, parsed, std::move(problems)});
    }
    if (!parsed) return false;
    page = std::move(*parsed);
    return true;
}

// Each page is read, and given its slug, address and collision keys, on every core. A file
// that is not a page (read_page's problems go to the sink) is left out.
ReadPages read_pages(const std::vector<const source::SourceFile*>& sources, const config::Config& config,
                     const LoadOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    PageCache* cache = options.cache;
    // Pages are made in their place in the result (a Page is large: moving ten thousand of
    // them into another vector touched as much fresh memory again); those that are no page are
    // taken out after.
    ReadPages read;
    read.pages.resize(sources.size());
    read.url_keys.resize(sources.size());
    read.path_keys.resize(sources.size());
    // Those parsed now, for the cache: a pointer each, as most are not (an entry in place, a page
    // wide, was 17 MB of fresh memory at 10,000 notes for every rebuild that parsed one file).
    std::vector<std::unique_ptr<PageCache::Entry>> made(cache ? sources.size() : 0);
    std::vector<char> is_page(sources.size());
    pool.parallel_for(sources.size(), [&](std::size_t i) {
        std::unique_ptr<PageCache::Entry> unused;
        Page& page = read.pages[i];
        if (!parse_or_reuse(*sources[i], config, cache, cache ? made[i] : unused, sink, page)) return;
        is_page[i] = 1;
        // Meeting facts the front matter does not give (attendees under "## Present", ...) are
        // read from the minutes' own sections here, once the minutes module is merged.
        page.slug = slug_for(page);
        page.url = url_for(page);
        read.url_keys[i] = collision_key(page.url);
        read.path_keys[i] = collision_key(page.source_path);
        if (options.page_read) options.page_read(*sources[i], page);
    });
    if (cache) {
        // Those parsed now are kept, and files gone since forgotten. Every file read has an
        // entry now: the cache holds more only when some are gone.
        for (std::size_t i = 0; i < sources.size(); ++i)
            if (made[i]) cache->by_path.insert_or_assign(sources[i]->path, std::move(*made[i]));
        if (cache->by_path.size() != sources.size()) {
            std::unordered_set<std::string_view> now;
            for (const auto* source : sources) now.insert(source->path);
            std::erase_if(cache->by_path, [&now](const auto& entry) { return !now.count(entry.first); });
        }
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (!is_page[i]) continue;
        if (kept != i) {
            read.pages[kept] = std::move(read.pages[i]);
            read.url_keys[kept] = std::move(read.url_keys[i]);
            read.path_keys[kept] = std::move(read.path_keys[i]);
        }
        ++kept;
    }
    read.pages.resize(kept);
    read.url_keys.resize(kept);
    read.path_keys.resize(kept);
    return read;
}

// One address, one source: never let a file silently overwrite another. Each page whose
// address the generator writes itself, or another page has; each pair of file names that are
// one name written two ways; and each alias that is an address or another alias is an error.
void refuse_collisions(const std::vector<Page>& pages, const std::vector<std::string>& url_keys,
                       const std::vector<std::string>& path_keys, diag::Sink& sink) {
    std::unordered_map<std::string, const Page*> owners;  // collision key -> the page that has it
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const Page& page = pages[i];
        if (is_taken_by_generator(page.url))
            sink.error(page.source_path, 1, 1,
                       "this page would take the address " + page.url +
                           ", which the generator writes itself; rename the file");
        auto [it, inserted] = owners.emplace(url_keys[i], &page);
        if (!inserted)
            sink.error(page.source_path, 1, 1,
                       "this page and " + it->second->source_path + " would both be written to " + page.url +
                           ": rename one of them");
    }
    // Names that differ only in case or Unicode normalisation are one name to a person (and to
    // macOS and Windows), even when their slugs differ ("café" NFC and NFD): refuse them too.
    std::unordered_map<std::string, const Page*> names;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const Page& page = pages[i];
        auto [it, inserted] = names.emplace(path_keys[i], &page);
        if (!inserted && it->second->url != page.url)
            sink.error(page.source_path, 1, 1,
                       "this file's name and " + it->second->source_path +
                           "'s are one name written two ways (in case, or in how "
                           "accents are encoded): rename one of them");
    }
    std::unordered_map<std::string, std::string> alias_owner;
    for (const auto& page : pages) {
        for (std::size_t k = 0; k < page.aliases.size(); ++k) {
            const std::string& alias = page.aliases[k];
            // At the alias itself, in the aliases: list, not at the top of the file.
            auto [line, column] = k < page.alias_positions.size() ? page.alias_positions[k] : std::pair{1, 1};
            std::string url = alias;
            if (url.empty() || url.front() != '/') url = "/" + url;
            if (url.back() != '/' && !ends_with(url, ".html")) url += '/';
            std::string key = collision_key(url);
            if (auto it = owners.find(key); it != owners.end())
                sink.error(page.source_path, line, column,
                           "alias " + alias + " is the address of " + it->second->source_path +
                               ": one would overwrite the other");
            else if (auto a = alias_owner.find(key); a != alias_owner.end())
                sink.error(page.source_path, line, column, "alias " + alias + " is also an alias of " + a->second);
            else
                alias_owner.emplace(key, page.source_path);
        }
    }
}

// A domain is dated by when it started, a person by when they joined, before git's first
// commit is asked: those are the dates a member means.
void date_by_start(std::vector<Page>& pages) {
    for (auto& page : pages) {
        if (!page.date.empty()) continue;
        if (page.type == PageType::Domain) page.date = page.started;
        if (page.type == PageType::Person) page.date = page.joined;
    }
}

// By address. A Page is large: sort their numbers, then move each page once.
void sort_by_address(std::vector<Page>& pages) {
    std::vector<std::size_t> order(pages.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return pages[a].url < pages[b].url; });
    // The order applied in place, a cycle at a time: no second vector of pages to fill.
    for (std::size_t start = 0; start < order.size(); ++start) {
        if (order[start] == start) continue;
        Page held = std::move(pages[start]);
        std::size_t at = start;
        while (order[at] != start) {
            pages[at] = std::move(pages[order[at]]);
            std::size_t next = order[at];
            order[at] = at;
            at = next;
        }
        pages[at] = std::move(held);
        order[at] = at;
    }
}

// The config's `image:` (the site's picture on social cards) must be a picture of the memory
// or a full URL; a warning says why the cards show none otherwise.
void warn_unusable_site_image(const config::Config& config, const std::vector<Asset>& assets, diag::Sink& sink) {
    if (!config.image.empty() && !text::url_scheme(config.image) && !find_asset(assets, "/" + config.image))
        sink.warning("commonplace.yaml", 0, 0,
                     "image '" + config.image + "' is no file of the memory: social cards show no picture of the site");
    else if (!config.image.empty() &&
             !assets::is_picture_name(config.image.substr(0, config.image.find_first_of("?#"))))
        sink.warning("commonplace.yaml", 0, 0,
                     "image '" + config.image +
                         "' is not a PNG, JPEG, GIF or WebP picture: social cards show no picture of the site");
}

}  // namespace

Site load_site(const source::Snapshot& snapshot, const config::Config& config, history::History history,
               const LoadOptions& options, parallel::Pool& pool, diag::Sink& sink) {
    return load_site(
        snapshot, config, [&history] { return std::move(history); }, options, pool, sink);
}

Site load_site(const source::Snapshot& snapshot, const config::Config& config,
               const std::function<history::History()>& history_source, const LoadOptions& options,
               parallel::Pool& pool, diag::Sink& sink) {
    Site site;
    site.config = config;
    site.reference_date = snapshot.reference_date;
    std::vector<const source::SourceFile*> sources = sort_out_files(snapshot, config, site.assets, sink);
    // Before the pages: a recording's transcript may be a page too, whose text page_read lets go.
    std::sort(site.assets.begin(), site.assets.end(), [](const Asset& a, const Asset& b) { return a.url < b.url; });
    describe_assets(site.assets, snapshot, sink);  // pictures' sizes, recordings' captions and transcripts
    ReadPages read = read_pages(sources, config, options, pool, sink);
    site.pages = std::move(read.pages);
    warn_untyped_dated_folders(site.pages, config, sink);
    separate_shared_addresses(site.pages, read.url_keys, sink);
    refuse_collisions(site.pages, read.url_keys, read.path_keys, sink);
    date_by_start(site.pages);
    sort_by_address(site.pages);
    warn_unusable_site_image(config, site.assets, sink);
    read_minutes(
        site.pages, config, pool, sink,
        options.cache ? &options.cache->minutes : nullptr);  // who came, decisions, actions from the minutes' text

    history::History history = history_source();
    apply_history(site.pages, history, pool);
    site.history = std::move(history);
    return site;
}

}  // namespace cp::model
