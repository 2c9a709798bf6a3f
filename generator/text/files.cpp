#include "text/files.hpp"

#include <fstream>
#include <sstream>

namespace cp::text {

std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return std::move(out).str();
}

std::string read_file_or_empty(const std::filesystem::path& path) { return read_file(path).value_or(std::string{}); }

}  // namespace cp::text
