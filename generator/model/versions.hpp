#pragma once
// A page's versions: the file as it was at each commit of its history, read as a page.
#include <map>
#include <string>
#include <vector>

#include "model/page.hpp"

namespace cp::model {

struct Version {
    std::string commit;  // the commit's full id: its date, author and subject are in the history's revisions
    std::string path;    // the file's memory-relative path then (a domain that moved had another)
    Page page;           // the file at that commit, read as a page (its references not resolved)
};

// By the page's source path as it is now; each page's versions newest first. Only pages that
// get a versions page have an entry: every domain, and any page whose file has two versions or more.
using Versions = std::map<std::string, std::vector<Version>>;

}  // namespace cp::model
