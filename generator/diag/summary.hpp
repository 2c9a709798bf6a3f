#pragma once
// A closing summary of many problems, grouped by kind, so that one systematic cause (a
// folder of minutes with no type, a missing image folder) reads as one line, not hundreds.
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace cp::diag {

// The kind of a problem: its message with the particulars (quoted names, paths, numbers)
// taken out. "broken image: 'a.png' (no file notes/a.png)" -> "broken image".
std::string kind_of(const Diagnostic& d);

// Prints "problems by kind:" and one line per kind, most frequent first, with its count and
// one file where it occurs. Prints nothing for an empty list.
void print_summary(std::ostream& out, const std::vector<Diagnostic>& diagnostics);

}  // namespace cp::diag
