#pragma once
// Finding many forbidden strings in much text at once, for the public build's audit:
// one pass per file however many strings there are (Aho-Corasick), whole matches only.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::audience {

// Text as a reader sees it, so a string is found however the output escaped it: HTML
// entities and JSON/Markdown backslash escapes decoded, ASCII lower-cased, every run of
// white space one space. Both the strings looked for and the files looked in go through it.
std::string audit_text(std::string_view text);

// What must surround a match for it to count, so "ada" is not found inside "canada".
enum class Edge {
    Word,     // no letter or digit just before or after (titles, phrases, tag names)
    Slug,     // no letter, digit or '-' just before or after (a slug standing alone)
    Dashed,   // '-', ' ' or nothing just before and after (a slug inside slugified text)
    UrlPath,  // followed by no letter, digit, '-', '_' or '.', or by "index.html"
    Email,    // no character of an address just before or after
};

class Matcher {
public:
    // Adds a needle (already in audit_text form); its index is the number of earlier adds.
    // An empty needle is kept (so indices stay aligned) but never matches.
    void add(std::string needle, Edge edge);
    // Prepares the automaton; call once after the last add() and before scan().
    void build();
    // Calls found(needle index) once for each needle occurring whole in `text`. Never fails.
    void scan(std::string_view text, const std::function<void(std::size_t)>& found) const;
    std::size_t size() const { return needles_.size(); }

private:
    bool whole(std::size_t needle, std::string_view text, std::size_t start, std::size_t end) const;
    int next(int node, unsigned char c) const;

    struct Needle {
        std::string text;
        Edge edge;
    };
    std::vector<Needle> needles_;
    std::vector<int> fail_, dict_;        // failure link; nearest suffix node that ends a needle
    std::vector<std::vector<int>> ends_;  // needles ending at each node
    // The trie's edges, looked up once per byte of every output file: the root's and its
    // children's in full tables (most bytes are read near the root), every other node's
    // (mostly one child) as a short run of bytes in edge_bytes_/edge_targets_.
    std::vector<int> dense_of_;              // node -> its table in dense_, or -1
    std::vector<int> dense_;                 // 256 targets per table, -1 for none
    std::vector<std::uint32_t> first_edge_;  // node -> its first edge; nodes_ + 1 entries
    std::vector<unsigned char> edge_bytes_;
    std::vector<int> edge_targets_;
    int root_edges_[256] = {};
    int nodes_ = 1;
};

}  // namespace cp::audience
