#pragma once
// What git knows about the memory's files, read in one pass over the commits.
#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cp::history {

// What a commit says of itself: held once, and shared by the revision of every file the commit
// touched (a copy in each of the 89,000 revisions of a 25,000-commit memory was 35 MB more).
struct CommitFacts {
    std::string commit;        // full id
    std::string date;          // YYYY-MM-DD: the author date, in the author's own time zone (git log --date=short)
    std::string author_name;   // as the commit records it (git log %an), any e-mail address in it cut to its local part
    std::string author_email;  // for mapping to people only: never written to output
    std::string mailmap_name;  // the .mailmap's name for the author (%aN); author_name when it has none
    std::string mailmap_email;  // the .mailmap's e-mail (%aE), for mapping only: never written to output
    std::string subject;        // the commit message's first paragraph, as one line (%s), e-mail addresses cut
};

struct Revision {
    // Never changed once read (serve's cache shares them with every rebuild); a history read
    // from git always has them.
    std::shared_ptr<const CommitFacts> facts;
    std::string contributor;      // set by the site model: the person's slug, else the name to show
    bool subject_hidden = false;  // set by a public build's filter, for a commit not known to be clean
    // Where the file's bytes at this commit are, so that an old version is one blob read (no
    // commit or tree lookups, no rename search): its blob id, and its memory-relative path
    // then when a rename since changed it (empty: the path it has now).
    std::array<unsigned char, 20> blob{};
    bool has_blob = false;
    std::string path_then;

    // The commit's facts (empty when there are none).
    const std::string& commit() const { return of().commit; }
    const std::string& date() const { return of().date; }
    const std::string& author_name() const { return of().author_name; }
    const std::string& author_email() const { return of().author_email; }
    const std::string& mailmap_name() const { return of().mailmap_name; }
    const std::string& mailmap_email() const { return of().mailmap_email; }
    // Empty when the filter hid it.
    const std::string& subject() const;

private:
    const CommitFacts& of() const;
};

struct FileHistory {
    std::vector<Revision> revisions;  // newest first
    bool incomplete = false;          // the walk stopped at a shallow clone's graft
    const Revision* created() const { return revisions.empty() ? nullptr : &revisions.back(); }
    const Revision* updated() const { return revisions.empty() ? nullptr : &revisions.front(); }
};

struct Commit {
    std::string id;
    std::string date;  // YYYY-MM-DD, as Revision::date
    std::string author_name;
    std::string author_email;  // never written to output
    std::string mailmap_name;
    std::string mailmap_email;  // never written to output
    std::string subject;
    std::vector<std::string> paths;  // memory-relative paths it touched (as they are now when the file still exists)
    std::string contributor;         // set by the site model, as Revision::contributor
};

struct History {
    bool available = false;                      // false: no repository, or no commits
    bool shallow = false;                        // the walk stopped at a graft: some histories are incomplete
    std::map<std::string, FileHistory> files;    // by memory-relative path, as it is now
    std::vector<Commit> recent;                  // newest first, at most 100
    std::map<std::string, std::string> mailmap;  // lower-cased e-mail -> canonical name, where the .mailmap renames
    const FileHistory* find(const std::string& path) const {
        auto it = files.find(path);
        return it == files.end() ? nullptr : &it->second;
    }
};

}  // namespace cp::history
