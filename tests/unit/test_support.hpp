#pragma once
// Helpers for tests of what `check` and `build` say about a memory: the memory written
// inline (path -> text) into a fresh temp folder that is removed afterwards, check and
// build run in-process with their messages captured, and those messages split into lines.
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "site_fixture.hpp"

namespace cp::testing {

// A memory's files: path (relative to its root) -> content.
using MemoryFiles = std::map<std::string, std::string>;

// A memory written from path -> content into a fresh temp folder (removed when it goes).
// The memory is in root(); builds write to output(), beside it, never inside it.
class TempMemory {
public:
    explicit TempMemory(const MemoryFiles& files = {}) {
        fs::create_directories(root());
        write_files(root(), files);
    }
    void write(const std::string& path, const std::string& content) const { write_file(root() / path, content); }
    fs::path root() const { return folder_ / "memory"; }
    fs::path output() const { return folder_ / "site"; }

private:
    TempFolder folder_;
};

// Runs `commonplace check` on the memory in-process; `audience` is "community" or "public".
inline BuildRun run_check(const TempMemory& memory, const std::string& audience = "community") {
    auto options = options_for(memory.root(), memory.output());
    options.audience = audience == "public" ? audience::Audience::Public : audience::Audience::Community;
    return check_site(options);
}

// Runs `commonplace build` on the memory in-process, into memory.output(), printing warnings.
inline BuildRun run_build(const TempMemory& memory) {
    auto options = options_for(memory.root(), memory.output());
    options.quiet = false;
    return build_site(options);
}

// The problem lines of a run ("path:line:column: error: message"), without the quoted
// source lines, carets and closing summaries.
inline std::vector<std::string> problems(const std::string& messages) {
    std::vector<std::string> out;
    std::istringstream in(messages);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("    ", 0) == 0 || line.rfind("commonplace", 0) == 0 || line.rfind("... and ", 0) == 0) continue;
        if (line.rfind("problems by kind:", 0) == 0 || line.rfind("  ", 0) == 0) continue;  // the closing summary
        if (line.empty()) continue;
        out.push_back(line);
    }
    return out;
}

}  // namespace cp::testing
