#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include "markdown/extensions.hpp"

// The GFM extensions are registered once, before any test (and any thread) runs.
int main(int argc, char* argv[]) {
    cp::markdown::register_extensions();
    return Catch::Session().run(argc, argv);
}
