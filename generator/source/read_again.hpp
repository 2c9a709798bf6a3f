#pragma once
// A page's source text is let go once the page is read from it; the few files whose lines the
// printed problems quote are read again from where they came from.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "source/snapshot.hpp"

namespace cp::source {

class Repository;

// Lets go of `file`'s text but for its first `keep` bytes (what a later step still reads: a
// public build's audit reads the front matter), marking it let go and remembering the whole
// text's hash for ReadAgain. A text let go already can be let go further.
void let_go_of_text(SourceFile& file, std::size_t keep = 0);

// Reads whole texts again from where `snapshot` read them (the same commit's tree, or the
// working tree), the repository opened once for all of them.
class ReadAgain {
public:
    explicit ReadAgain(const Snapshot& snapshot);
    ~ReadAgain();
    ReadAgain(const ReadAgain&) = delete;
    ReadAgain& operator=(const ReadAgain&) = delete;

    // The whole text of `file`: its content, or when that was let go, its bytes read again.
    // Nothing when they cannot be read, or no longer hash as they did: a line quoted from a
    // file saved since the build read it would point at the wrong words.
    std::optional<std::string> text_of(const SourceFile& file);

private:
    const Snapshot& snapshot_;
    std::unique_ptr<Repository> repository_;  // opened for the first file read from a commit
    bool tried_ = false;
};

}  // namespace cp::source
