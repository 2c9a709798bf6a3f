// commonplace: the command-line entry point. Registers cmark-gfm's extensions once,
// before any thread starts (their registry is global and not thread-safe).
#include <iostream>

#include "cli/app.hpp"
#include "markdown/extensions.hpp"

int main(int argc, char** argv) {
    cp::markdown::register_extensions();
    return cp::cli::run(argc, argv, std::cout, std::cerr);
}
