// `:::community` blocks: found once here, so the filter that removes them and the audit
// that looks for their text afterwards agree on where they are.
#include <cctype>

#include "audience/filter.hpp"
#include "markdown/render.hpp"

namespace cp::audience {

namespace {

// text::trim, and a CR too at the end: a fence line of a CRLF file is read with its '\r'.
std::string_view trim_line(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// The word after a fence of three or more colons ("community" in "::: Community"), or
// empty when the line is not a fence; `is_fence` tells a bare `:::` from no fence at all.
std::string fence_word(std::string_view line, bool& is_fence) {
    std::string_view t = trim_line(line);
    std::size_t colons = 0;
    while (colons < t.size() && t[colons] == ':') ++colons;
    is_fence = colons >= 3;
    if (!is_fence) return {};
    std::string_view rest = trim_line(t.substr(colons));
    std::string word;
    for (char c : rest) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') break;
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    // "::: {.community}" is pandoc's way of writing the same thing.
    if (word.empty() && rest.find("community") != std::string_view::npos) return "community";
    if (word.empty() && !rest.empty()) return "div";
    return word;
}

std::vector<std::string_view> lines_of(std::string_view body) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        lines.push_back(body.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

}  // namespace

std::vector<CommunityBlock> community_blocks(std::string_view body) {
    std::vector<CommunityBlock> blocks;
    if (body.find(":::") == std::string_view::npos) return blocks;  // no fence: no line to look at
    auto lines = lines_of(body);
    int depth = 0;  // divs open inside the current block, itself included
    CommunityBlock current;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        bool is_fence = false;
        std::string word = fence_word(lines[i], is_fence);
        if (depth == 0) {
            if (is_fence && word.rfind("community", 0) == 0) {
                current = CommunityBlock{i, lines.size(), {}};
                depth = 1;
            }
            continue;
        }
        if (is_fence && word.empty()) {
            if (--depth == 0) {
                current.end_line = i;
                blocks.push_back(std::move(current));
                current = {};
            }
            continue;
        }
        // A nested `:::note` must not let its closing line end the community block early.
        if (is_fence) ++depth;
        if (!current.text.empty() || i > current.first_line + 1) current.text += '\n';
        current.text += lines[i];
    }
    if (depth > 0) blocks.push_back(std::move(current));  // unclosed: runs to the end
    return blocks;
}

std::string filter_community_blocks(std::string_view body, Audience audience) {
    auto blocks = community_blocks(body);
    if (blocks.empty()) return std::string(body);
    auto lines = lines_of(body);
    std::string out;
    out.reserve(body.size());
    std::size_t next_block = 0;
    bool community = audience == Audience::Community;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const CommunityBlock* block = next_block < blocks.size() ? &blocks[next_block] : nullptr;
        if (block && i == block->first_line) {
            if (community) out += markdown::kCommunityStart;
        } else if (block && i == block->end_line) {
            if (community) out += markdown::kCommunityEnd;
            ++next_block;
        } else if (!block || i < block->first_line || community) {
            out += lines[i];
        }
        // Kept empty, the line still counts: messages point at the file's own lines.
        if (i + 1 < lines.size() || (!body.empty() && body.back() == '\n')) out.push_back('\n');
    }
    if (next_block < blocks.size() && community) out += "\n" + std::string(markdown::kCommunityEnd) + "\n";
    return out;
}

}  // namespace cp::audience
