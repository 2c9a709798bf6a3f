#pragma once
// Meeting fields from the minutes' own sections (minutes/facts.hpp), for meetings whose front
// matter does not give them: who came, apologies, roles, decisions, actions. The names written
// there are matched to the memory's people, so people pages, attendance measures, /actions/ and
// "who came" work as for front matter. Front matter always wins.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "minutes/facts.hpp"
#include "model/page.hpp"
#include "parallel/pool.hpp"

namespace cp::model {

// The memory's people, as minutes name them: by slug, full name, handle (`github:`, `gitlab:`,
// `handle:` or `username:` on the profile, or a `git:` identity that is one word), or by a
// first name only one person has.
class People {
public:
    explicit People(const std::vector<Page>& pages);

    // The slug of the person a name or handle names, or empty.
    std::string find(const std::string& name, const std::string& handle) const;
    // The slug of the person whose name the text starts with ("Ada Lovelace drafts ..."), or empty.
    std::string named_at_start(std::string_view text) const;
    // The person's full name, or empty.
    std::string name_of(const std::string& slug) const;

private:
    std::unordered_map<std::string, std::string> by_name_, by_handle_,
        by_first_name_;                                   // lower-cased -> slug ("" when two share it)
    std::unordered_map<std::string, std::string> names_;  // slug -> full name
};

// Reads every meeting's minutes into the fields its front matter left empty (on `pool`'s
// threads); what cannot be read as minutes is a warning at its line.
// The facts read from each meeting's minutes by an earlier build in this process (serve's), by
// source path, with a hash of the body and first line they were read from: the same body, read
// with the same config (the page cache, which holds this, is emptied for another), gives the
// same facts. Reading them was a tenth of a rebuild at 10,000 notes.
struct MinutesCache {
    struct Entry {
        std::uint64_t body = 0;
        std::shared_ptr<const minutes::Facts> facts;
    };
    std::unordered_map<std::string, Entry> by_path;
};

// With a cache, a meeting whose body is unchanged takes its facts from it, and it is updated.
void read_minutes(std::vector<Page>& pages, const config::Config& config, parallel::Pool& pool, diag::Sink& sink,
                  MinutesCache* cache = nullptr);

// Reads one meeting's minutes again from its body as it is now, replacing only what was read
// from the minutes before: the public build calls it once the community-only blocks are gone.
void read_minutes_again(Page& page, const minutes::Vocabulary& words, const People& people);

}  // namespace cp::model
