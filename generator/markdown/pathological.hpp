#pragma once
// Bodies that cmark-gfm 0.29 (Debian 12's) takes quadratic time over, found before it sees
// them, deterministically: the same body is refused on every machine. Each check estimates
// the work cmark would do from a linear scan, over-estimating, and refuses above a budget
// that no ordinary page comes near.
#include <optional>
#include <string>
#include <string_view>

namespace cp::markdown {

struct Pathology {
    int line = 1, column = 1;  // in the body, 1-based
    std::string message;       // what was found and why it is refused
};

// The limits, chosen far above real pages and far below what takes cmark-gfm seconds.
inline constexpr int kMaxNesting = 40;  // block quotes and list items, one in another...
inline constexpr long long kMaxNestingWork =
    20'000'000;  // ...when that depth times the lines and delimiters is over this
inline constexpr long long kMaxHtmlScan = 200'000'000;     // bytes scanned for unclosed "<?" and "<![CDATA["
inline constexpr long long kMaxBracketWork = 10'000'000;   // image openers passed by each link
inline constexpr long long kMaxEmphasisWork = 10'000'000;  // emphasis delimiters passed by each link

// Nothing when cmark-gfm renders `body` in time linear in its size; otherwise where the first
// pattern that would take it quadratic time starts:
// - containers nested deeper than kMaxNesting, in a body whose lines and inline delimiters,
//   times that depth, pass kMaxNestingWork (CVE-2023-24824, its `>` and `-` forms: every line
//   and every emphasis delimiter walks all of them; deep nesting alone is linear);
// - inline "<?" or "<![CDATA[" left open, each scanning to the end of its paragraph (CVE-2023-22484);
// - links formed past many open image brackets `![` (CVE-2023-22486);
// - links formed past many emphasis delimiters `*`, `_`, `~` (CVE-2023-26485).
std::optional<Pathology> find_pathological(std::string_view body);

}  // namespace cp::markdown
