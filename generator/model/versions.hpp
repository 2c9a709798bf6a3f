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

// An old version as read: the file at one commit of its history, read as a page.
struct VersionRead {
    std::string commit;  // the commit's full id: its date, author and subject are in the history's revisions
    std::string path;    // the file's memory-relative path then (a domain that moved had another)
    Page page;           // its references not resolved
};

// The fields of a version that a versions page compares with the version before.
struct VersionFields {
    std::string title;
    std::string phase;
    std::vector<Ref> conveners;
    std::vector<std::string> practices;
    std::vector<LearningQuestion> learning_agenda;
    std::vector<std::string> expected_results;
};

// An old version as a build shows it (indexes::settle_version_list makes it from one read and
// filtered for the build's audience): what its versions page compares, not its whole text.
struct Version {
    std::string commit;  // as VersionRead's
    std::string path;
    VersionFields page;
    std::vector<ParagraphChange> changes;  // its text's, from the version before (the next in its list)
};

// By the page's source path as it is now; each page's versions newest first. Only pages that
// get a versions page have an entry: every domain, and any page whose file has two versions or more.
using Versions = std::map<std::string, std::vector<Version>>;
using VersionsRead = std::map<std::string, std::vector<VersionRead>>;

}  // namespace cp::model
