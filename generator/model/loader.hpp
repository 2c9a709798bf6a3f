#pragma once
// Builds the site model from a snapshot of the memory: every page read (in
// parallel), every address known and checked for collisions, git history applied.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "history/history.hpp"
#include "model/minutes.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"
#include "source/snapshot.hpp"

namespace cp::model {

// Pages as parsed by an earlier build in this process (serve's rebuilds): a file whose bytes are
// the same, read with the same config, parses to the same page with the same problems.
struct PageCache {
    struct Entry {
        std::uint64_t content = 0;  // text::QuickHash of the file's bytes it was parsed from
        bool too_large = false;
        std::optional<Page> page;
        std::vector<diag::Diagnostic> problems;
    };
    std::string config;  // the text of the config the pages were read with; another empties the cache
    std::unordered_map<std::string, Entry> by_path;
    MinutesCache minutes;  // the facts read from each meeting's minutes
};

struct LoadOptions {
    // With a cache, unchanged files are not parsed again, and it is updated.
    PageCache* cache = nullptr;
    // Called on the parse's threads with each file read into a page, and the page, once the
    // page is made: nothing later in the load reads the file's text (a build lets go of it).
    std::function<void(const source::SourceFile&, const Page&)> page_read;
};

// Reads every page and asset of `snapshot`, on `pool`'s threads. Problems go to the sink (the
// caller stops on errors once loading is done); drafts are kept, marked, for the audience filter.
Site load_site(const source::Snapshot& snapshot, const config::Config& config, history::History history,
               const LoadOptions& options, parallel::Pool& pool, diag::Sink& sink);

// The same, with the history asked for only once every page is parsed: `history` is
// called once, then, so the caller can read git's history on another thread meanwhile.
Site load_site(const source::Snapshot& snapshot, const config::Config& config,
               const std::function<history::History()>& history, const LoadOptions& options, parallel::Pool& pool,
               diag::Sink& sink);

}  // namespace cp::model
