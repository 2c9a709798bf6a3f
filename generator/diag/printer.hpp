#pragma once
// Prints diagnostics the way compilers do: `path:line:column: error: message`,
// then the source line and a caret under the column.
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace cp::diag {

// Returns the text of a source file for quoting its lines, or an empty string when unknown.
using SourceLookup = std::function<std::string(const std::string& path)>;

// Formats one diagnostic, with its source line and caret when the source is known.
std::string format(const Diagnostic& d, const std::string& source_text);

// Which of `diagnostics` (sorted) print() shows, by index, in the order it shows them: the first
// `limit`, errors before warnings when there are more than that.
std::vector<std::size_t> printed(const std::vector<Diagnostic>& diagnostics, std::size_t limit);

// Prints at most `limit` diagnostics, then a count of the rest; returns how many were printed.
std::size_t print(std::ostream& out, const std::vector<Diagnostic>& diagnostics, const SourceLookup& lookup,
                  std::size_t limit = 100);

}  // namespace cp::diag
