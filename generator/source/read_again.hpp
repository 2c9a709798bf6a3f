#pragma once
// A page's source text is let go once the page is read from it; the few files whose lines the
// printed problems quote are read again from where they came from.
#include <cstddef>
#include <optional>
#include <string>

#include "source/snapshot.hpp"

namespace cp::source {

// Lets go of `file`'s text but for its first `keep` bytes (what a later step still reads: a
// public build's audit reads the front matter), marking it let go and remembering the whole
// text's hash for read_again.
void let_go_of_text(SourceFile& file, std::size_t keep = 0);

// The whole text of `file`: its content, or when that was let go, its bytes read again from
// where `snapshot` read them (the same commit's tree, or the working tree). Nothing when they
// cannot be read, or no longer hash as they did: a line quoted from a file saved since the
// build read it would point at the wrong words.
std::optional<std::string> read_again(const Snapshot& snapshot, const SourceFile& file);

}  // namespace cp::source
