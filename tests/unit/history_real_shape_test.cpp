// The history pass on a history shaped like a real memory's: hundreds of commits, many
// folders changed in the same commits with long runs of small commits between them, work
// done on branches and merged (so the dates of two lines interleave), and new folders that
// start from the same template file (so two folders can hold the very same tree).
// The pass keeps recently read trees for reuse; a tree it still compares must never be
// dropped to make room for the next one (issue #14: it was, and the bytes of another tree
// were compared in its place: "history stops at commit X ... a tree object is malformed",
// and pages lost their created date).
#include <catch2/catch.hpp>

#include <random>
#include <set>

#include "git_fixture.hpp"
#include "history/reader.hpp"
#include "test_support.hpp"

using namespace cp;
using namespace cp::testing;

namespace {

// A memory's history written commit by commit, as a community on a forge writes one: pages
// edited on the main line, several branches open at once (each changing pages in several
// folders per commit) and merged one by one, now and then a commit that changes a page in
// every folder, and each year's new folders started from the same template.
class RealisticHistory {
public:
    explicit RealisticHistory(const fs::path& dir) : repo_(dir) {}

    // Writes about `commits` commits.
    void write(int commits) {
        main_.files = {{"commonplace.yaml", "title: A real memory\n"}};
        for (const auto& folder : folders_) start_folder(main_.files, folder);
        commit(main_, "Start the memory");
        while (count_ < commits) {
            auto roll = random_() % 100;
            if (count_ % 60 == 0) {
                for (const auto& folder : folders_) edit(main_, folder);
                commit(main_, "Rename the tag 'safety' to 'patient-safety' everywhere");
            } else if (count_ % 90 == 45 && next_year_ < 2027) {
                for (const std::string kind : {"meetings/", "notes/"}) {
                    folders_.push_back(kind + std::to_string(next_year_) + "/");
                    start_folder(main_.files, folders_.back());
                }
                commit(main_, "Open " + std::to_string(next_year_++));
            } else if (roll < 8 && open_.size() < 4) {
                Line branch = main_;
                branch.name = "refs/heads/work-" + std::to_string(branches_++);
                branch.written.clear();
                open_.push_back(std::move(branch));
            } else if (roll < 16 && !open_.empty()) {
                merge(open_.front());
                open_.erase(open_.begin());
            } else if (roll < 60 && !open_.empty()) {
                Line& branch = open_[random_() % open_.size()];
                for (auto n = 1 + random_() % 3; n > 0; --n) edit(branch, folders_[random_() % folders_.size()]);
                commit(branch, "Draft on a branch");
            } else {
                edit(main_, folders_[random_() % folders_.size()]);
                commit(main_, "Edit a page");
            }
        }
        while (!open_.empty()) {
            merge(open_.front());
            open_.erase(open_.begin());
        }
    }

    const std::map<std::string, std::string>& files() const { return main_.files; }

    // The commit that added the file (no file is deleted or moved here): its created date.
    std::string first_commit_of(const std::string& path) const { return added_.at(path); }

private:
    // A line of history: the main line or a branch.
    struct Line {
        std::string name = "HEAD";
        std::string head;
        std::map<std::string, std::string> files;
        std::set<std::string> written;  // a branch's own pages: the merge takes them as the branch has them
    };

    static void start_folder(std::map<std::string, std::string>& files, const std::string& folder) {
        files[folder + "index.md"] = "---\ntitle: Index\n---\nThe pages of this folder.\n";
    }

    // Edits a page in `folder`, or adds one; a branch writes pages of its own.
    void edit(Line& line, const std::string& folder) {
        std::string name = line.name == "HEAD" ? "page-" : line.name.substr(11) + "-";
        std::string path = folder + name + std::to_string(random_() % 8) + ".md";
        std::string text = "---\ntitle: Page " + std::to_string(random_()) + "\ntags: [safety]\n---\n";
        for (int k = 0; k < 6; ++k) text += std::to_string(random_()) + " " + std::to_string(random_()) + "\n";
        line.files[path] = text;
        if (line.name != "HEAD") line.written.insert(path);
    }

    void merge(const Line& branch) {
        if (branch.head == main_.head) return;  // nothing was committed on it
        for (const auto& path : branch.written) main_.files[path] = branch.files.at(path);
        commit(main_, "Merge branch '" + branch.name.substr(11) + "'", branch.head);
    }

    void commit(Line& line, const std::string& message, const std::string& other_parent = "") {
        std::vector<std::string> parents;
        if (!line.head.empty()) parents.push_back(line.head);
        if (!other_parent.empty()) parents.push_back(other_parent);
        Signature who{"Ada Okafor", "ada@example.org", utc("2021-01-04") + count_++ * 5400, 0};
        line.head = repo_.commit(text_files(line.files), parents, who, message, line.name);
        for (const auto& [path, unused] : line.files) added_.try_emplace(path, line.head);
    }

    GitRepo repo_;
    std::mt19937 random_{14};
    std::vector<std::string> folders_ = {"domains/",    "people/",        "notes/2021/",    "notes/2021/drafts/",
                                         "notes/2022/", "meetings/2021/", "meetings/2022/", "resources/",
                                         "projects/a/", "projects/b/",    "projects/c/",    "notes/2022/drafts/"};
    int next_year_ = 2023;
    Line main_;
    std::vector<Line> open_;
    std::map<std::string, std::string> added_;
    int count_ = 0, branches_ = 0;
};

}  // namespace

TEST_CASE("a history shaped like a real memory's: every page has its created date, and no history stops",
          "[history][tree_changes]") {
    TempFolder tmp;
    fs::path dir = tmp / "repo";
    RealisticHistory history(dir);
    history.write(420);
    std::vector<std::string> paths;
    for (const auto& [path, unused] : history.files()) paths.push_back(path);
    REQUIRE(paths.size() > 100);

    std::string error;
    auto repo = source::Repository::find(dir, error);
    REQUIRE(repo);
    auto head = repo->head();
    REQUIRE(head);
    diag::Sink sink;
    auto h = history::read_history(*repo, *head, paths, sink);
    std::vector<std::string> warnings;
    for (const auto& d : sink.sorted()) warnings.push_back(d.message);
    CHECK(warnings == std::vector<std::string>{});  // no "history stops at commit ..."
    CHECK(h.available);
    CHECK_FALSE(h.shallow);
    std::size_t dated = 0;
    for (const auto& path : paths) {
        INFO(path);
        const auto* fh = h.find(path);
        REQUIRE(fh);
        CHECK_FALSE(fh->incomplete);
        REQUIRE(fh->created());
        CHECK(fh->created()->commit() == history.first_commit_of(path));
        ++dated;
    }
    CHECK(dated == paths.size());
}
