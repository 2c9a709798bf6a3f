// Git trees through the raw tree reader (history/raw_tree.hpp), which the history pass uses on
// the stored bytes of every version of every folder. Any bytes may be in a damaged or hostile
// repository: the reader must refuse what is not a tree rather than read past it, and on every
// tree that libgit2 itself parses it must give libgit2's entries (names, modes, ids, in order).
// git_order must be a consistent order on the entries it reads.
#include <git2.h>
#include <git2/sys/mempack.h>
#include <git2/sys/repository.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

#include "history/raw_tree.hpp"

using namespace cp;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "raw tree reader: %s\n", what);
    std::abort();
}

// A repository whose objects live in memory only, made once.
struct MemoryRepository {
    git_repository* repo = nullptr;
    git_odb* odb = nullptr;
    git_odb_backend* pack = nullptr;
    MemoryRepository() {
        git_libgit2_init();
        // The reader is compared with libgit2's parse of what git would store, so libgit2 must
        // take the bytes as they are rather than check them on the way in.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
        // Every input is a new object: a cache of parsed trees would only grow.
        git_libgit2_opts(GIT_OPT_ENABLE_CACHING, 0);
        if (git_odb_new(&odb) != 0 || git_mempack_new(&pack) != 0 || git_odb_add_backend(odb, pack, 1) != 0 ||
            git_repository_wrap_odb(&repo, odb) != 0)
            fail("cannot make an in-memory repository");
    }
};

// True when the bytes are entries as git writes them: octal digits, a space, a name, a NUL and
// 20 bytes. libgit2 reads more than that (a mode "-0000" or " 644", through strtol), which git
// itself refuses; the reader refuses it too, so the two are compared on git's format only.
bool in_git_format(std::string_view bytes) {
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        std::size_t digits = pos;
        while (digits < bytes.size() && bytes[digits] >= '0' && bytes[digits] <= '7') ++digits;
        if (digits == pos || digits - pos > 6 || digits >= bytes.size() || bytes[digits] != ' ') return false;
        std::size_t nul = bytes.find('\0', digits + 1);
        if (nul == std::string_view::npos || bytes.size() - nul - 1 < GIT_OID_RAWSZ) return false;
        pos = nul + 1 + GIT_OID_RAWSZ;
    }
    return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    history::RawTreeReader reader(bytes);
    std::vector<history::RawEntry> entries;
    history::RawEntry entry;
    std::size_t consumed = 0;
    while (reader.next(entry)) {
        // Each entry is the next bytes of the object, whole, and its parts lie inside it.
        if (entry.bytes.data() != bytes.data() + consumed) fail("an entry does not follow the one before");
        consumed += entry.bytes.size();
        if (consumed > size) fail("an entry runs past the object");
        if (entry.name.data() < entry.bytes.data() ||
            entry.name.data() + entry.name.size() + 1 + GIT_OID_RAWSZ != entry.bytes.data() + entry.bytes.size())
            fail("a name or id lies outside its entry");
        if (reinterpret_cast<const char*>(entry.id) != entry.name.data() + entry.name.size() + 1)
            fail("an id does not follow its name");
        entries.push_back(entry);
    }
    if (!reader.malformed() && consumed != size) fail("the end is reported before the last byte");
    if (reader.rest().size() != size - consumed) fail("rest() is not what is left");
    for (std::size_t i = 0; i < entries.size() && i < 64; ++i) {
        if (history::git_order(entries[i], entries[i]) != 0) fail("an entry does not equal itself");
        for (std::size_t j = i + 1; j < entries.size() && j < 64; ++j) {
            int a = history::git_order(entries[i], entries[j]), b = history::git_order(entries[j], entries[i]);
            if ((a < 0) != (b > 0) || (a == 0) != (b == 0)) fail("git_order is not antisymmetric");
        }
    }

    static MemoryRepository memory;
    git_oid id;
    if (git_odb_write(&id, memory.odb, data, size, GIT_OBJECT_TREE) != 0) return 0;
    git_tree* tree = nullptr;
    if (in_git_format(bytes) && git_tree_lookup(&tree, memory.repo, &id) == 0) {
        // libgit2 read it as a tree: so must the reader, entry for entry.
        if (reader.malformed()) fail("libgit2 parses a tree the reader calls malformed");
        if (git_tree_entrycount(tree) != entries.size()) fail("a different number of entries than libgit2's");
        for (std::size_t i = 0; i < entries.size(); ++i) {
            const git_tree_entry* expected = git_tree_entry_byindex(tree, i);
            if (entries[i].name != git_tree_entry_name(expected)) fail("a name differs from libgit2's");
            if (entries[i].mode != git_tree_entry_filemode(expected)) fail("a mode differs from libgit2's");
            git_oid oid = entries[i].oid();
            if (!git_oid_equal(&oid, git_tree_entry_id(expected))) fail("an id differs from libgit2's");
        }
        git_tree_free(tree);
    }
    git_mempack_reset(memory.pack);
    return 0;
}
