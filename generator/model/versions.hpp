#pragma once
// A page's versions: the file as it was at each commit of its history, read as a page.
#include <map>
#include <string>
#include <vector>

#include "model/page.hpp"

namespace cp::model {

// A paragraph of a version's text that differs from the version before.
struct ParagraphChange {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    std::string html;  // the paragraph's words, escaped, with <ins>…</ins> and <del>…</del> around what changed
};

struct Version {
    std::string commit;  // the commit's full id: its date, author and subject are in the history's revisions
    std::string path;    // the file's memory-relative path then (a domain that moved had another)
    Page page;           // the file at that commit, read as a page (its references not resolved)
    // Its text's changes from the version before (the next in its list), worked out once the
    // audience filter has made the versions what this build shows (indexes::settle_versions).
    // The page then keeps only the fields a versions page compares: the texts are dropped.
    std::vector<ParagraphChange> changes;
};

// By the page's source path as it is now; each page's versions newest first. Only pages that
// get a versions page have an entry: every domain, and any page whose file has two versions or more.
using Versions = std::map<std::string, std::vector<Version>>;

}  // namespace cp::model
