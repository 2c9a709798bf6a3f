#include "text/files.hpp"

#include <algorithm>
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

std::string read_file_head(const std::filesystem::path& path, std::size_t max_bytes) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::string out(max_bytes, '\0');
    in.read(out.data(), static_cast<std::streamsize>(max_bytes));
    out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    return out;
}

}  // namespace cp::text
