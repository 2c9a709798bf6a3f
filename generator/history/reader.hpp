#pragma once
// Reads the memory's history from git in one pass over the commits (never one log
// walk per file): each commit is diffed tree-to-tree against its first parent, with
// renames followed, and the changes are credited to the files as they are named now.
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "history/history.hpp"
#include "source/git_tree.hpp"

namespace cp::history {

// How many commits /changes/ lists.
inline constexpr std::size_t kRecentCommits = 100;

// Reads the history of `paths` (memory-relative, as they are at `start`) from every commit
// reachable from `start`, newest first in date order (git log --date-order).
// A merge is diffed against its first parent, and a file it leaves as one of its other
// parents had it is not a change of the merge: merged work keeps the date it was written.
// A shallow clone's graft (a parent that is not there) stops the walk on that line and marks
// the files still open there incomplete. A commit that cannot be read is a warning, and
// the history stops there too. `start` empty (no commits) gives an empty, unavailable History.
History read_history(const source::Repository& repo, const std::string& start, const std::vector<std::string>& paths,
                     diag::Sink& sink);

// Sets libgit2's process-wide options for the history pass (no cache of parsed trees, no
// re-hashing of every object read). Call once from main, before any thread starts: the
// options are global, and libgit2 reads them without a lock.
void tune_libgit2();

// The text with every e-mail address cut to its local part ("ada@example.org" -> "ada"),
// so no address reaches an output file.
std::string without_emails(std::string_view text);

}  // namespace cp::history
