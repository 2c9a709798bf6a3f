#pragma once
// What `serve` shows: the site made from the memory as it is now, held in memory and rendered
// a file at a time as the browser asks for it. A rebuild after a save makes the site model
// again (reusing, through the BuildCache, what the save did not change) but renders nothing
// until asked, so a reporter's saved note is on screen as soon as its model is made. Every
// file it gives is byte for byte what `commonplace build` writes for the same files
// (tests/unit/preview_test.cpp checks this after edits, additions, renames and deletions).
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "site/build.hpp"

namespace cp::parallel {
class Pool;
}

namespace cp::site {

struct BuildCache;

class Preview {
public:
    // `options` as for a build; `options.output` is not used: nothing is written.
    explicit Preview(BuildOptions options);
    ~Preview();
    Preview(const Preview&) = delete;
    Preview& operator=(const Preview&) = delete;

    // Reads the memory again and makes its site. True when it built; on errors (printed to
    // `err`, with the warnings) the site shown before stays. The site it replaces is kept
    // until let_go_of_previous(). `changed`: the files saved since the last rebuild, when the
    // caller knows (serve's watcher); then only those are looked at on disk. Nothing: every
    // folder is walked.
    bool rebuild(std::ostream& err, const std::optional<std::vector<std::string>>& changed = std::nullopt);
    // Frees the site the last rebuild replaced (requests still reading it keep it until they
    // end). serve calls it once no save has come for a while: freeing a whole site took 40 ms
    // of a core at 10,000 notes, which the browser's reload would wait behind. (A rebuild
    // before then frees it once the new site is shown.)
    void let_go_of_previous();
    // The bytes of the file at a site-relative path ("notes/x/index.html"), rendered on the
    // first ask and kept until the next rebuild; nothing when the site has no such file.
    std::optional<std::string> file(const std::string& path);
    // The site's 404 page as the preview shows it at an unknown address. A static host serves
    // 404.html at any depth, so its links are absolute, at the published base URL; here they
    // are made to lead into the preview instead. Nothing before the first successful rebuild.
    std::optional<std::string> not_found_page();
    // Every file the site has, sorted; empty before the first successful rebuild.
    std::vector<std::string> paths();
    // How many rebuilds walked every folder of the memory; the others looked on disk only at
    // the files they were told had changed.
    std::size_t folder_walks() const;

private:
    struct Shown;
    std::shared_ptr<Shown> current() const;

    std::unique_ptr<BuildCache> cache_;  // what each rebuild leaves to the next (one rebuild at a time)
    BuildOptions options_;
    // One pool for every rebuild: its threads' memory, freed with the site before, is what the
    // next rebuild's pages are made in (a pool of new threads made them in memory the kernel had
    // to give afresh: 20,000 page faults a rebuild at 10,000 notes). Declared before the sites,
    // so none outlives it.
    std::unique_ptr<parallel::Pool> pool_;
    mutable std::mutex mutex_;         // guards shown_
    std::shared_ptr<Shown> shown_;     // swapped whole by rebuild(), while requests may read the old one
    std::shared_ptr<Shown> previous_;  // the one it replaced, until let_go_of_previous() (rebuild's thread only)
};

}  // namespace cp::site
