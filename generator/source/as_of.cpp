#include "source/as_of.hpp"

#include <git2.h>

namespace cp::source {

std::optional<std::string> last_commit_on_or_before(const Repository& repo, const std::string& start,
                                                    const std::string& day, std::string& error) {
    using Commit = GitPtr<git_commit, git_commit_free>;
    git_oid oid;
    if (git_oid_fromstr(&oid, start.c_str()) != 0) {
        error = "'" + start + "' is not a commit id";
        return std::nullopt;
    }
    git_commit* raw = nullptr;
    if (git_commit_lookup(&raw, repo.handle(), &oid) != 0) {
        error = "commit " + start + " cannot be read";
        return std::nullopt;
    }
    Commit commit(raw);
    for (;;) {
        if (git_day(git_commit_time(commit.get()), git_commit_time_offset(commit.get())) <= day)
            return std::string(git_oid_tostr_s(git_commit_id(commit.get())));
        // A root commit, or a shallow clone's graft: nothing older to stand on.
        if (git_commit_parentcount(commit.get()) == 0 || git_commit_parent(&raw, commit.get(), 0) != 0) break;
        commit.reset(raw);
    }
    error = "the memory has no commit on or before " + day;
    return std::nullopt;
}

}  // namespace cp::source
