#include "history/raw_tree.hpp"

#include <algorithm>
#include <cstring>

namespace cp::history {

namespace {

// libgit2's own normalisation of a mode as written, so both readers agree on what changed.
git_filemode_t normalise(unsigned mode) {
    constexpr unsigned kTypeMask = 0170000;
    if ((mode & kTypeMask) == GIT_FILEMODE_TREE) return GIT_FILEMODE_TREE;
    if (mode & 0100) return GIT_FILEMODE_BLOB_EXECUTABLE;
    if ((mode & kTypeMask) == GIT_FILEMODE_COMMIT) return GIT_FILEMODE_COMMIT;
    if ((mode & kTypeMask) == GIT_FILEMODE_LINK) return GIT_FILEMODE_LINK;
    return GIT_FILEMODE_BLOB;
}

}  // namespace

git_oid RawEntry::oid() const {
    git_oid out;
    std::memcpy(out.id, id, GIT_OID_RAWSZ);
    return out;
}

bool RawTreeReader::next(RawEntry& entry) {
    if (pos_ >= data_.size()) return false;
    const char* start = data_.data() + pos_;
    const char* end = data_.data() + data_.size();
    // The mode: octal digits up to a space, at most what fits in 16 bits (as libgit2 reads it).
    const char* p = start;
    unsigned mode = 0;
    while (p < end && *p >= '0' && *p <= '7') {
        mode = mode * 8 + static_cast<unsigned>(*p - '0');
        if (mode > 0xFFFF) break;
        ++p;
    }
    if (p == start || p >= end || *p != ' ' || mode > 0xFFFF) {
        malformed_ = true;
        return false;
    }
    const char* name = p + 1;
    const char* nul = static_cast<const char*>(std::memchr(name, '\0', static_cast<std::size_t>(end - name)));
    if (!nul || static_cast<std::size_t>(end - (nul + 1)) < GIT_OID_RAWSZ) {
        malformed_ = true;
        return false;
    }
    const char* after = nul + 1 + GIT_OID_RAWSZ;
    entry.bytes = std::string_view(start, static_cast<std::size_t>(after - start));
    entry.name = std::string_view(name, static_cast<std::size_t>(nul - name));
    entry.mode = normalise(mode);
    entry.id = reinterpret_cast<const unsigned char*>(nul + 1);
    pos_ = static_cast<std::size_t>(after - data_.data());
    return true;
}

int git_order(const RawEntry& a, const RawEntry& b) {
    std::size_t n = std::min(a.name.size(), b.name.size());
    if (int c = std::memcmp(a.name.data(), b.name.data(), n)) return c;
    unsigned char ca = a.name.size() > n ? static_cast<unsigned char>(a.name[n]) : (a.is_tree() ? '/' : 0);
    unsigned char cb = b.name.size() > n ? static_cast<unsigned char>(b.name[n]) : (b.is_tree() ? '/' : 0);
    return ca < cb ? -1 : ca > cb ? 1 : 0;
}

}  // namespace cp::history
