#pragma once
// The command line (contract section 8): parses arguments and runs one command.
#include <ostream>

namespace cp::cli {

// Runs the command in argv. Returns the exit status: 0 success, 1 content errors,
// 2 a wrong command line (with a message on `err`). `process_ends_after`: the caller exits
// as soon as this returns (main does), so a build may leave its memory to the exit.
// `before_serving`, when set, is called once `serve` is about to start: main tunes its
// allocator for a process that rebuilds its site again and again.
int run(int argc, char** argv, std::ostream& out, std::ostream& err, bool process_ends_after = false,
        void (*before_serving)() = nullptr);

}  // namespace cp::cli
