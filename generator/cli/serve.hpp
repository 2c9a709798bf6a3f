#pragma once
// `commonplace serve`: a preview on 127.0.0.1 that rebuilds when a file changes and
// tells the open browser tabs to reload.
#include <ostream>

#include "site/build.hpp"

namespace cp::cli {

struct ServeOptions {
    site::BuildOptions build;
    int port = 1313;
    int max_seconds = 0;  // stop after this long (0: until interrupted); for tests
};

// Makes the site in memory (site::Preview), serves each file as it is asked for, and makes it
// again on change. A failed rebuild keeps the last good site served and prints the problems.
// Returns an exit status.
int serve(const ServeOptions& options, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
