#pragma once
// The site model: every page, its address known, plus what the whole memory shares.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config.hpp"
#include "history/history.hpp"
#include "i18n/catalog.hpp"
#include "model/audience.hpp"
#include "model/page.hpp"
#include "model/versions.hpp"
#include "source/snapshot.hpp"

namespace cp::model {

// A recording's words, from a file beside it with its name (model/assets.hpp).
struct Transcript {
    enum class Format { Text, Markdown, Captions };
    std::string path;  // "assets/audio/review.txt"
    Format format = Format::Text;
    std::string text;  // the file's text; for captions (.vtt), their words (assets::captions_text)
};

struct Asset {
    std::string source_path;  // "assets/images/x.png"
    std::string url;          // "/assets/images/x.png"
    // A file beside the Markdown (not under assets/): copied only when a kept page links to it.
    bool beside = false;
    int width = 0, height = 0;  // a picture's size in pixels, from its header; 0 when not known
    // A recording's captions or transcript (NAME.vtt, NAME.txt, NAME.md beside NAME.m4a): the
    // recording's url. Such a file is published exactly when its recording is.
    std::string companion_of = {};
    std::string captions = {};                            // a recording's NAME.vtt: its url, or empty
    std::optional<Transcript> transcript = std::nullopt;  // a recording's NAME.md or NAME.txt, else its captions' words
};

struct Site {
    config::Config config;
    std::vector<Page> pages;     // sorted by url
    std::vector<Asset> assets;   // sorted by url
    std::string reference_date;  // "today" for the build: overdue actions are measured against it
    history::History history;
    Audience audience = Audience::Community;  // the audience it was filtered for
    // The commit's day when the build is of a past state (--ref, --as-of): every page says so.
    std::string as_of;
    // Old versions of the pages that get a versions page (model/versions.hpp).
    Versions versions;
    // Names to show for people whose pages this build does not hold (full name or initials).
    std::map<std::string, std::string> hidden_people;
    // The theme's words in the site's language (config `language`), read once by the load step:
    // every step after it that shows a word reads it here, as const.
    i18n::Catalog words;
};

// Fast lookups into a Site's pages by address, slug and source path. Holds indices,
// so it must not outlive the Site it was built from or see it change.
class SiteIndex {
public:
    explicit SiteIndex(const Site& site);
    // The page at a site-absolute URL, or nullptr.
    const Page* by_url(const std::string& url) const;
    // The page from a memory-relative source path ("notes/x.md"), or nullptr.
    const Page* by_source(const std::string& path) const;
    // Pages with this slug, of any type.
    std::vector<const Page*> by_slug(const std::string& slug) const;
    // The page of a type with a slug, or nullptr.
    const Page* find(PageType type, const std::string& slug) const;
    const Site& site() const { return site_; }

private:
    // Hash tables: links and references look pages up millions of times at 50,000 notes,
    // and ordered maps of long, alike paths spent that time comparing their prefixes. Keyed
    // by views of the pages' own strings, which the index must not see change: copies of
    // them cost 290 bytes a page, in each of the three indexes a build makes.
    const Site& site_;
    std::unordered_map<std::string_view, std::size_t> by_url_, by_source_;
    std::unordered_map<std::string_view, std::vector<std::size_t>> by_slug_;  // in page order
};

}  // namespace cp::model
