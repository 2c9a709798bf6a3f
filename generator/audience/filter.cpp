#include "audience/filter.hpp"

#include "text/escape.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "audience/emails.hpp"
#include "audience/versions.hpp"
#include "model/assets.hpp"
#include "model/minutes.hpp"
#include "model/page_reader.hpp"
#include "model/slug.hpp"
#include "parallel/pool.hpp"

namespace cp::audience {

namespace {

// The length of the UTF-8 character that starts with byte `c` (1 for a stray byte).
std::size_t utf8_length(unsigned char c) {
    if (c >= 0xF0 && c < 0xF8) return 4;
    if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
    if (c >= 0xC0) return 2;
    return 1;
}

// Only what touched pages this build holds: a commit that touched nothing else it holds is
// dropped; in a public build, one that also touched other files keeps no subject (it might
// name them), and so do the revisions of every page, unless their commit is known to be clean.
void filter_history(history::History& history, const std::unordered_set<std::string>& kept_paths,
                    const std::unordered_set<std::string>& removed_paths, bool is_public) {
    std::unordered_map<std::string, bool> clean;  // commit id -> touched only kept pages
    std::vector<history::Commit> commits;
    for (auto& c : history.recent) {
        std::vector<std::string> paths;
        for (auto& path : c.paths)
            if (is_public ? kept_paths.count(path) != 0 : removed_paths.count(path) == 0) paths.push_back(path);
        bool had_paths = !c.paths.empty();
        bool all_kept = paths.size() == c.paths.size();
        clean[c.id] = all_kept;
        // A commit with no page of its own (a merge, a shallow clone's graft) shows nothing a
        // public reader may see, and its subject could name a community branch: fail closed.
        if (paths.empty() && (had_paths || is_public)) continue;
        if (is_public && !all_kept) c.subject.clear();
        c.paths = std::move(paths);
        commits.push_back(std::move(c));
    }
    history.recent = std::move(commits);
    for (auto it = history.files.begin(); it != history.files.end();) {
        bool keep = is_public ? kept_paths.count(it->first) != 0 : removed_paths.count(it->first) == 0;
        it = keep ? std::next(it) : history.files.erase(it);
    }
    if (!is_public) return;
    for (auto& [path, fh] : history.files)
        for (auto& r : fh.revisions) {
            auto c = clean.find(r.commit());
            if (c == clean.end() || !c->second) r.subject_hidden = true;
        }
}

// "%20" and other escapes decoded, as a link to a file may be written.
std::string percent_decoded(const std::string& s) { return text::percent_decode(s); }

// A public build keeps only the assets whose file name a kept page's text or front matter
// mentions: a list of every asset would name files only community pages use. (Which are
// really linked is known after rendering; the output step narrows this list further.)
// A recording's captions and transcript go with it; the config's `image` is named by the config.
void filter_assets(model::Site& site) {
    std::string text;
    for (const auto& p : site.pages) text += percent_decoded(p.body) + "\n" + percent_decoded(p.params.dump()) + "\n";
    site.assets.erase(std::remove_if(site.assets.begin(), site.assets.end(),
                                     [&](const model::Asset& a) {
                                         if (a.source_path == site.config.image) return false;
                                         const std::string& named = model::published_with(a);
                                         std::string name = named.substr(named.rfind('/') + 1);
                                         return text.find(name) == std::string::npos;
                                     }),
                      site.assets.end());
}

}  // namespace

bool keeps(const model::Page& page, const FilterOptions& options) {
    if (page.draft && !options.drafts) return false;
    return options.audience == Audience::Community || page.visibility == model::Visibility::Public;
}

std::string public_name(const std::string& full_name, const std::string& setting) {
    if (setting != "initials") return full_name;
    std::string out;
    bool start = true;
    for (std::size_t i = 0; i < full_name.size();) {
        unsigned char c = static_cast<unsigned char>(full_name[i]);
        std::size_t len = std::min(utf8_length(c), full_name.size() - i);
        if (c == ' ' || c == '-') {
            start = true;
        } else if (start) {
            out += full_name.substr(i, len);  // a whole UTF-8 character, never half of one
            out += ".";
            start = false;
        }
        i += len;
    }
    return out;
}

model::Site filter(model::Site site, const FilterOptions& options, parallel::Pool& pool) {
    using model::Page;
    bool is_public = options.audience == Audience::Public;
    site.audience = options.audience;

    // Minutes read from a community-only block must not reach the public build: those meetings'
    // minutes are read again from what is left of their text, against every person of the memory.
    const model::People people = is_public ? model::People(site.pages) : model::People(std::vector<Page>{});
    const minutes::Vocabulary minutes_words(site.config.minutes_headings);

    std::unordered_set<std::string> removed_paths, kept_paths;
    for (const auto& p : site.pages) {
        if (keeps(p, options)) {
            kept_paths.insert(p.source_path);
            continue;
        }
        removed_paths.insert(p.source_path);
        if (p.type == model::PageType::Person)
            site.hidden_people[p.slug] = public_name(p.title, site.config.public_names);
    }
    site.pages.erase(
        std::remove_if(site.pages.begin(), site.pages.end(), [&](const Page& p) { return !keeps(p, options); }),
        site.pages.end());

    // Each page on its own: on every core.
    pool.parallel_for(site.pages.size(), [&](std::size_t i) {
        Page& p = site.pages[i];
        const bool has_blocks = !community_blocks(p.body).empty();  // most pages have none
        bool reread = is_public && !p.from_minutes.empty() && has_blocks;
        if (has_blocks) p.body = filter_community_blocks(p.body, options.audience);
        if (reread) model::read_minutes_again(p, minutes_words, people);
        // A title taken from a "# heading" inside a community block must not survive it.
        if (is_public && !p.title_from_front_matter && !p.lfs_pointer) {
            p.title = model::first_heading(p.body);
            if (p.title.empty()) p.title = model::stem_in_words(model::stem_of(p.source_path));
        }
        hide_email_addresses(p);
    });
    filter_history(site.history, kept_paths, removed_paths, is_public);
    filter_versions(site);
    if (is_public) filter_assets(site);
    return site;
}

}  // namespace cp::audience
