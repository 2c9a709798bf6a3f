// commonplace: the command-line entry point. Registers cmark-gfm's extensions and sets
// libgit2's options once, before any thread starts (both are global and not thread-safe).
#include <iostream>

#include "cli/app.hpp"
#include "history/reader.hpp"
#include "markdown/extensions.hpp"

// Under the sanitizers (cmake -DCOMMONPLACE_SANITIZE=ON) the build's data is freed like
// any other, so that LeakSanitizer reports only real leaks, not the one left on purpose.
#ifdef COMMONPLACE_SANITIZE
constexpr bool kLeaveDataToExit = false;
#else
constexpr bool kLeaveDataToExit = true;
#endif

int main(int argc, char** argv) {
    cp::markdown::register_extensions();
    cp::history::tune_libgit2();
    return cp::cli::run(argc, argv, std::cout, std::cerr, /*process_ends_after=*/kLeaveDataToExit);
}
