#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "history/reader.hpp"
#include "markdown/extensions.hpp"

// The GFM extensions are registered once, before any test (and any thread) runs, and libgit2
// is set up as the program sets it up (no cache of trees): a test of the history pass must
// see the objects freed as they are in a real build.
int main(int argc, char* argv[]) {
    cp::markdown::register_extensions();
    cp::history::tune_libgit2();
    return Catch::Session().run(argc, argv);
}
