#pragma once
// Whole-file reads, written once for every module that reads a file from disk.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace cp::text {

// The file's bytes as they are (no newline translation); nothing when it cannot be opened.
// A read that fails part way gives what was read before it.
std::optional<std::string> read_file(const std::filesystem::path& path);

// The same, with an unopenable file read as empty: for callers to whom a missing file and an
// empty one mean the same.
std::string read_file_or_empty(const std::filesystem::path& path);

// The file's first `max_bytes` bytes (all of a shorter file); empty when it cannot be opened.
std::string read_file_head(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace cp::text
