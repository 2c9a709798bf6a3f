#pragma once
// "The memory as it stood": which commit a date names.
#include <optional>
#include <string>

#include "source/git_tree.hpp"

namespace cp::source {

// The newest commit on `start`'s first-parent line whose date (Repository::commit_date, the
// committer's own calendar day) is on or before `day` (YYYY-MM-DD). First parents only, so a
// merged branch's older work does not stand in for the line the memory was on. Nothing, with
// `error` set to a sentence, when every commit on the line is later than `day`.
std::optional<std::string> last_commit_on_or_before(const Repository& repo, const std::string& start,
                                                    const std::string& day, std::string& error);

}  // namespace cp::source
