#pragma once
// The build as a flat list of steps, each taking what the last produced:
// source -> config -> history -> site model -> audience filter -> links ->
// indexes, search, feeds -> theme -> output (atomic swap).
#include <filesystem>
#include <ostream>
#include <string>

#include "audience/filter.hpp"

namespace cp::site {

struct BuildCache;

struct BuildOptions {
    std::filesystem::path source = ".";
    std::filesystem::path output = "_site";
    audience::Audience audience = audience::Audience::Community;
    bool drafts = false;
    std::string ref;  // build the memory as it was at this commit; empty: the working tree
    // Build the memory as it stood on this day (YYYY-MM-DD), or on the day of this meeting:
    // the last commit on or before it on the first-parent line of `ref` (or HEAD), built as
    // `ref` of that commit is (site/as_of.hpp).
    std::string as_of, as_of_meeting;
    std::string base_url;               // overrides the config's base_url when set
    std::filesystem::path config_file;  // --config: read instead of the memory's commonplace.yaml
    std::size_t max_problems = 100;     // problems printed in full; 0: all of them
    unsigned jobs = 0;                  // 0: every core
    std::filesystem::path themes_dir;   // where "default" and other named themes live
    bool quiet = false;
    bool timings = false;  // print how long each step took
    // False when the process ends right after the build (the command line's build): the
    // build's data is then left for the process's exit to hand back at once, as compilers
    // do (clang's -disable-free). Freeing it object by object took a tenth of the build's
    // time at 10,000 notes. Keep true anywhere that builds more than once (serve, tests).
    bool free_memory = true;
    // What an earlier build in this process left to reuse (serve's rebuilds; site/build_cache.hpp),
    // or nullptr: everything is made anew. Updated by the build.
    BuildCache* cache = nullptr;
};

// Exit statuses, as the contract's command line says.
inline constexpr int kExitOk = 0;
inline constexpr int kExitContentError = 1;
inline constexpr int kExitUsage = 2;

// Builds the site. Prints problems (capped) and a one-line summary to `err`.
// Returns kExitOk, or kExitContentError with the earlier output left untouched.
int build(const BuildOptions& options, std::ostream& err);

// Validates everything a build would, with unknown references as errors, and writes nothing.
// Returns kExitOk when there is no error (warnings are printed), else kExitContentError.
int check(const BuildOptions& options, std::ostream& err);

}  // namespace cp::site
