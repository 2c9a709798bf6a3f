// history_bench MEMORY_DIR [RUNS]
//
// Times history::read_history alone on a memory's repository (HEAD, every file of it), the
// pass a build runs on its own thread while it parses: docs/git.md compares it with
// `git log --date-order --no-renames --name-status`. Prints the fastest of RUNS (default 3).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "history/reader.hpp"
#include "source/git_tree.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: history_bench MEMORY_DIR [RUNS]\n");
        return 2;
    }
    cp::history::tune_libgit2();  // as the program does
    std::string error;
    auto repo = cp::source::Repository::find(argv[1], error);
    auto head = repo ? repo->head() : std::nullopt;
    if (!head) {
        std::fprintf(stderr, "history_bench: %s has no repository with commits %s\n", argv[1], error.c_str());
        return 1;
    }
    int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    auto paths = repo->file_paths(*head);
    long best = -1;
    std::size_t files = 0, revisions = 0;
    for (int r = 0; r < runs; ++r) {
        cp::diag::Sink sink;
        auto start = std::chrono::steady_clock::now();
        auto history = cp::history::read_history(*repo, *head, paths, sink);
        auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
        if (best < 0 || ms < best) best = ms;
        files = history.files.size();
        revisions = 0;
        for (const auto& [path, file] : history.files) revisions += file.revisions.size();
    }
    std::printf("%zu files, %zu revisions, history pass in %ld ms (fastest of %d)\n", files, revisions, best, runs);
    return 0;
}
