#pragma once
// The last few git trees the history pass read, as git stores them, and owning handles to them.
#include <git2.h>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "source/git_tree.hpp"

namespace cp::history {

// One tree's stored bytes, kept alive by the handle itself: the bytes stay valid for as long
// as the handle lives, whatever is read after it (issue #14: a view into a reused slot was
// freed when the next tree was read into that slot, and another tree's bytes were compared).
class TreeBytes {
public:
    explicit TreeBytes(std::shared_ptr<git_odb_object> object) : object_(std::move(object)) {}
    std::string_view bytes() const {
        return {static_cast<const char*>(git_odb_object_data(object_.get())), git_odb_object_size(object_.get())};
    }

private:
    std::shared_ptr<git_odb_object> object_;
};

// The last few trees read, as git stores them: a folder's version that is both a commit's
// parent's and the next commit's own is read once.
class RecentTrees {
public:
    explicit RecentTrees(git_repository* repo) {
        git_odb* odb = nullptr;
        if (git_repository_odb(&odb, repo) == 0) odb_.reset(odb);
    }
    // The tree; nothing when it cannot be read or is not a tree (libgit2's error says why).
    // The handle shares the object with the cache, so reusing a slot never frees it.
    std::optional<TreeBytes> get(const git_oid& id) {
        for (auto& slot : slots_)
            if (slot.object && git_oid_equal(&slot.id, &id)) return TreeBytes(slot.object);
        git_odb_object* object = nullptr;
        if (!odb_ || git_odb_read(&object, odb_.get(), &id) != 0) return std::nullopt;
        std::shared_ptr<git_odb_object> owned(object, git_odb_object_free);
        if (git_odb_object_type(object) != GIT_OBJECT_TREE) {
            git_error_set_str(GIT_ERROR_OBJECT, ("object " + std::string(git_oid_tostr_s(&id)) + " is not a tree").c_str());
            return std::nullopt;
        }
        Slot& slot = slots_[next_++ % slots_.size()];
        slot.id = id;
        slot.object = owned;
        return TreeBytes(std::move(owned));
    }

private:
    struct Slot {
        git_oid id{};
        std::shared_ptr<git_odb_object> object;
    };
    source::GitPtr<git_odb, git_odb_free> odb_;
    std::array<Slot, 4> slots_;
    std::size_t next_ = 0;
};

}  // namespace cp::history
