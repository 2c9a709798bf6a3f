#include "history/versions.hpp"

#include <git2.h>

#include "parallel/pool.hpp"
#include "source/git_tree.hpp"

namespace cp::history {

namespace {

using BlobPtr = source::GitPtr<git_blob, git_blob_free>;

// One file's versions, newest first: each revision's blob, as the history pass recorded it.
std::vector<std::optional<FileVersion>> versions_of(const source::Repository& repo, const VersionRequest& request,
                                                    std::uintmax_t max_size) {
    const std::vector<Revision>& revisions = *request.revisions;
    std::vector<std::optional<FileVersion>> out(revisions.size());
    for (std::size_t k = 0; k < revisions.size(); ++k) {
        const Revision& revision = revisions[k];
        if (!revision.has_blob) continue;
        git_oid oid;
        std::copy(revision.blob.begin(), revision.blob.end(), std::begin(oid.id));
        git_blob* blob = nullptr;
        if (git_blob_lookup(&blob, repo.handle(), &oid) != 0) continue;
        BlobPtr owned(blob);
        auto size = static_cast<std::uintmax_t>(git_blob_rawsize(blob));
        if (size > max_size) continue;
        out[k] = FileVersion{revision.path_then.empty() ? request.path : revision.path_then,
                             std::string(static_cast<const char*>(git_blob_rawcontent(blob)), size)};
    }
    return out;
}

}  // namespace

void read_versions_each(const std::filesystem::path& folder, const std::vector<VersionRequest>& requests,
                        std::uintmax_t max_size, parallel::Pool& pool,
                        const std::function<void(std::size_t, std::vector<std::optional<FileVersion>>&&)>& take) {
    if (requests.empty()) return;
    // Files in slices, each slice with its own repository object; more slices than threads,
    // so a slice of long histories does not leave the other cores idle.
    const std::size_t slices = std::min<std::size_t>(requests.size(), std::size_t{pool.jobs()} * 4);
    pool.parallel_for(slices, [&](std::size_t s) {
        std::string error;
        auto repo = source::Repository::find(folder, error);
        if (!repo) return;
        for (std::size_t i = s; i < requests.size(); i += slices) take(i, versions_of(*repo, requests[i], max_size));
    });
}

}  // namespace cp::history
