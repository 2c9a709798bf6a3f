#pragma once
// A small memory made from a fuzzer's bytes, and the steps of a build run on it in memory:
// the harnesses go through the same functions as `commonplace build`, without a disk source.
//
// The input is a list of files, each introduced by a line "==== PATH" (the path may be left
// out: then the file is notes/fuzz-N.md). Text before the first such line is the first file.
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "model/loader.hpp"
#include "output/writer.hpp"
#include "parallel/pool.hpp"
#include "source/snapshot.hpp"

namespace cp::fuzz {

inline constexpr std::string_view kFileLine = "==== ";
inline constexpr std::size_t kMaxFiles = 8;

// The files of the input, at most kMaxFiles, each path used once.
inline std::vector<source::SourceFile> files_of(std::string_view input) {
    std::vector<source::SourceFile> files;
    auto add = [&](std::string path, std::string_view text) {
        bool usable = output::is_safe_relative_path(path) && path.size() < 100 &&
            (path.ends_with(".md") || path == "commonplace.yaml");
        if (!usable) path = "notes/fuzz-" + std::to_string(files.size()) + ".md";
        for (const auto& f : files)
            if (f.path == path) path = "notes/fuzz-" + std::to_string(files.size()) + ".md";
        source::SourceFile file;
        file.path = std::move(path);
        file.content = std::string(text);
        file.size = file.content.size();
        files.push_back(std::move(file));
    };
    // Where each "==== PATH" line starts.
    std::vector<std::size_t> heads;
    if (input.starts_with(kFileLine)) heads.push_back(0);
    for (std::size_t at = input.find(std::string("\n").append(kFileLine)); at != std::string_view::npos;
         at = input.find(std::string("\n").append(kFileLine), at + 1))
        heads.push_back(at + 1);
    std::size_t first = heads.empty() ? input.size() : heads.front();
    if (first > 0) add("", input.substr(0, first));
    for (std::size_t k = 0; k < heads.size() && files.size() < kMaxFiles; ++k) {
        std::size_t name_start = heads[k] + kFileLine.size();
        std::size_t line_end = std::min(input.find('\n', name_start), input.size());
        std::size_t text_start = std::min(line_end + 1, input.size());
        std::size_t text_end = k + 1 < heads.size() ? heads[k + 1] : input.size();
        add(std::string(input.substr(name_start, line_end - name_start)),
            input.substr(text_start, text_end - text_start));
    }
    return files;
}

// The files as a snapshot, sorted by path as the source readers give it.
inline source::Snapshot snapshot_of(std::vector<source::SourceFile> files) {
    source::Snapshot snapshot;
    snapshot.files = std::move(files);
    std::sort(snapshot.files.begin(), snapshot.files.end(),
              [](const source::SourceFile& a, const source::SourceFile& b) { return a.path < b.path; });
    snapshot.reference_date = "2017-06-01";
    return snapshot;
}

// The memory's config: its commonplace.yaml, or the defaults.
inline config::Config config_of(const source::Snapshot& snapshot, diag::Sink& sink) {
    const source::SourceFile* file = snapshot.find("commonplace.yaml");
    return file ? config::parse_config(file->content, file->path, sink) : config::Config{};
}

// The unfiltered site, as site::load makes it, without history (a fuzzed memory has no git),
// on this thread only.
inline model::Site load(const source::Snapshot& snapshot, const config::Config& config, diag::Sink& sink) {
    parallel::Pool pool(1);
    return model::load_site(snapshot, config, history::History{}, {}, pool, sink);
}

// A folder of this process's own under the temporary folder, for a build's staging folder.
inline std::filesystem::path scratch_folder() {
    static const std::filesystem::path folder = [] {
        auto p = std::filesystem::temp_directory_path() / ("cp-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(p);
        return p;
    }();
    return folder;
}

}  // namespace cp::fuzz
