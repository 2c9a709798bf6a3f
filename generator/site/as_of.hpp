#pragma once
// --as-of DATE and --as-of-meeting SLUG: the memory as it stood, built as --ref of one commit.
#include <optional>
#include <string>

#include "site/build.hpp"
#include "source/git_tree.hpp"

namespace cp::site {

// The commit that --as-of or --as-of-meeting names: the last one on or before the date on
// the first-parent line of --ref (or HEAD). A meeting is looked for in the working tree, or
// in that commit when the repository is bare or --ref is given, by its slug. Nothing, with
// `error` set to a sentence, when the date, the meeting or such a commit is not there.
std::optional<std::string> as_of_commit(const BuildOptions& options, const source::Repository& repo,
                                        std::string& error);

}  // namespace cp::site
