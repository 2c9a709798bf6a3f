#include "diag/suggest.hpp"

#include <algorithm>
#include <cstdlib>

namespace cp::diag {

int edit_distance(std::string_view a, std::string_view b, int limit) {
    if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > limit) return limit + 1;
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        int row_min = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > limit) return limit + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[b.size()], limit + 1);
}

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates,
                                   int max_distance) {
    std::optional<std::string> best;
    int best_distance = max_distance + 1;
    for (const auto& c : candidates) {
        int d = edit_distance(word, c, max_distance);
        // Two edits turn "name" into "date": a guess must keep most of the word.
        if (2 * d >= static_cast<int>(word.size())) continue;
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace cp::diag
