#pragma once
// The command line (contract section 8): parses arguments and runs one command.
#include <ostream>

namespace cp::cli {

// Runs the command in argv. Returns the exit status: 0 success, 1 content errors,
// 2 a wrong command line (with a message on `err`).
int run(int argc, char** argv, std::ostream& out, std::ostream& err);

}  // namespace cp::cli
