#pragma once
// "Did you mean": the closest known word within a small edit distance.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::diag {

// Levenshtein distance, giving up (returning limit+1) once it exceeds `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit = 3);

// The candidate within `max_distance` edits of `word` (the closest, then the first), if any;
// a candidate that changes half the word or more ("name" -> "date") is no guess.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                   int max_distance = 2);

}  // namespace cp::diag
