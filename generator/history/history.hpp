#pragma once
// What git knows about the memory's files, read in one pass over the commits.
#include <map>
#include <string>
#include <vector>

namespace cp::history {

struct Revision {
    std::string commit;        // full id
    std::string date;          // YYYY-MM-DD (author date, in UTC)
    std::string author_name;
    std::string author_email;  // for mapping to people only: never written to output
    std::string subject;       // the commit message's first line
};

struct FileHistory {
    std::vector<Revision> revisions;  // newest first
    bool incomplete = false;          // the walk stopped at a shallow clone's graft
    const Revision* created() const { return revisions.empty() ? nullptr : &revisions.back(); }
    const Revision* updated() const { return revisions.empty() ? nullptr : &revisions.front(); }
};

struct Commit {
    std::string id;
    std::string date;  // YYYY-MM-DD
    std::string author_name;
    std::string author_email;  // never written to output
    std::string subject;
    std::vector<std::string> paths;  // memory-relative paths it touched
};

struct History {
    bool available = false;                    // false: no repository, or no commits
    bool shallow = false;
    std::map<std::string, FileHistory> files;  // by memory-relative path, as it is now
    std::vector<Commit> recent;                // newest first, at most 100
    std::map<std::string, std::string> mailmap;  // e-mail or name -> canonical name, from .mailmap
    const FileHistory* find(const std::string& path) const {
        auto it = files.find(path);
        return it == files.end() ? nullptr : &it->second;
    }
};

}  // namespace cp::history
