#pragma once
// A git tree object's entries read straight from its bytes ("<octal mode> <name>\0<20-byte id>",
// one after another, in git's order).
//
// The history pass compares every version of every changed folder with the one before:
// tens of millions of entries at 50,000 notes. Through git_tree_lookup each version was
// parsed into an array first, and each comparison measured both names again; read in place,
// an entry that did not change is one memcmp of its bytes.
#include <git2.h>

#include <cstddef>
#include <string_view>

namespace cp::history {

struct RawEntry {
    std::string_view bytes;  // the whole entry: mode, name and id
    std::string_view name;
    git_filemode_t mode = GIT_FILEMODE_UNREADABLE;  // as git_tree_entry_filemode gives it
    const unsigned char* id = nullptr;              // GIT_OID_RAWSZ bytes

    bool is_tree() const { return mode == GIT_FILEMODE_TREE; }
    bool is_submodule() const { return mode == GIT_FILEMODE_COMMIT; }
    git_oid oid() const;
};

class RawTreeReader {
public:
    explicit RawTreeReader(std::string_view data) : data_(data) {}
    // The next entry; false at the end, or when the bytes are not a tree (then malformed()).
    bool next(RawEntry& entry);
    bool malformed() const { return malformed_; }
    // The bytes after the entries read so far.
    std::string_view rest() const { return data_.substr(pos_); }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
    bool malformed_ = false;
};

// Git's order of two entries of one tree: by name, a folder's name compared as if it ended in '/'.
int git_order(const RawEntry& a, const RawEntry& b);

}  // namespace cp::history
