#include "audience/matcher.hpp"

#include <cctype>
#include <deque>
#include <utility>

namespace cp::audience {

namespace {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(std::tolower(static_cast<int>(cp))));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x110000) {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool parse_hex(std::string_view s, std::uint32_t& value) {
    if (s.empty() || s.size() > 6) return false;
    value = 0;
    for (char c : s) {
        if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
        value = value * 16 +
            static_cast<std::uint32_t>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                                                                                   : (std::tolower(c) - 'a' + 10));
    }
    return true;
}

// An HTML entity at text[i] ('&'): its code point and length, or false.
bool entity_at(std::string_view text, std::size_t i, std::uint32_t& cp, std::size_t& length) {
    std::size_t semi = text.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) return false;
    std::string_view name = text.substr(i + 1, semi - i - 1);
    length = semi - i + 1;
    static const std::pair<std::string_view, std::uint32_t> named[] = {
        {"amp", '&'}, {"lt", '<'},  {"gt", '>'},  {"quot", '"'}, {"apos", '\''}, {"nbsp", ' '}, {"#39", '\''},
        {"#34", '"'}, {"#38", '&'}, {"#60", '<'}, {"#62", '>'},  {"#61", '='},   {"#96", '`'}};
    for (const auto& [n, c] : named)
        if (name == n) {
            cp = c;
            return true;
        }
    if (name.size() > 2 && name[0] == '#' && (name[1] == 'x' || name[1] == 'X')) return parse_hex(name.substr(2), cp);
    if (name.size() > 1 && name[0] == '#') {
        cp = 0;
        for (char c : name.substr(1)) {
            if (!std::isdigit(static_cast<unsigned char>(c)) || cp > 0x10FFFF) return false;
            cp = cp * 10 + static_cast<std::uint32_t>(c - '0');
        }
        return true;
    }
    return false;
}

bool word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
bool slug_byte(unsigned char c) { return std::isalnum(c) || c == '-'; }
bool address_byte(unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

}  // namespace

std::string audit_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    auto space = [&] {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        std::uint32_t cp = 0;
        std::size_t length = 0;
        if (c == '&' && entity_at(text, i, cp, length)) {
            if (cp == ' ' || cp == 0xA0)
                space();
            else
                append_utf8(out, cp);
            i += length - 1;
        } else if (c == '\\' && i + 1 < text.size()) {
            char n = text[i + 1];
            if (n == 'u' && i + 5 < text.size() && parse_hex(text.substr(i + 2, 4), cp)) {
                i += 5;
                // A surrogate pair written as two escapes is one character.
                if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < text.size() && text[i + 1] == '\\' && text[i + 2] == 'u') {
                    std::uint32_t low = 0;
                    if (parse_hex(text.substr(i + 3, 4), low) && low >= 0xDC00 && low < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(out, cp);
            } else if (n == 'n' || n == 't' || n == 'r') {
                space();
                ++i;
            } else if (std::ispunct(static_cast<unsigned char>(n))) {
                out.push_back(n);
                ++i;
            } else {
                out.push_back('\\');
            }
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            space();  // a no-break space
            ++i;
        } else if (std::isspace(c)) {
            space();
        } else {
            out.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
        }
    }
    return out;
}

void Matcher::add(std::string needle, Edge edge) { needles_.push_back({std::move(needle), edge}); }

int Matcher::next(int node, unsigned char c) const {
    if (node == 0) return root_edges_[c];
    if (int table = dense_of_[static_cast<std::size_t>(node)]; table >= 0)
        return dense_[static_cast<std::size_t>(table) * 256 + c];
    for (std::uint32_t e = first_edge_[static_cast<std::size_t>(node)];
         e < first_edge_[static_cast<std::size_t>(node) + 1]; ++e)
        if (edge_bytes_[e] == c) return edge_targets_[e];
    return -1;
}

void Matcher::build() {
    nodes_ = 1;
    // The trie as it grows: each node's children, found by a scan (few but the root's).
    std::vector<std::vector<std::pair<unsigned char, int>>> children(1);
    auto child_of = [&](int node, unsigned char c) {
        if (node == 0) return root_edges_[c];
        for (auto [byte, child] : children[static_cast<std::size_t>(node)])
            if (byte == c) return child;
        return -1;
    };
    ends_.assign(1, {});
    std::fill(std::begin(root_edges_), std::end(root_edges_), -1);
    for (std::size_t n = 0; n < needles_.size(); ++n) {
        const std::string& text = needles_[n].text;
        if (text.empty()) continue;
        int node = 0;
        for (char ch : text) {
            unsigned char c = static_cast<unsigned char>(ch);
            int child = child_of(node, c);
            if (child < 0) {
                child = nodes_++;
                children.emplace_back();
                ends_.emplace_back();
                children[node].emplace_back(c, child);
                if (node == 0) root_edges_[c] = child;
            }
            node = child;
        }
        ends_[node].push_back(static_cast<int>(n));
    }
    fail_.assign(nodes_, 0);
    dict_.assign(nodes_, -1);
    std::deque<int> queue;
    for (auto [c, child] : children[0]) queue.push_back(child);
    while (!queue.empty()) {
        int node = queue.front();
        queue.pop_front();
        for (auto [c, child] : children[node]) {
            int f = fail_[node];
            while (f != 0 && child_of(f, c) < 0) f = fail_[f];
            int target = child_of(f, c);
            fail_[child] = target >= 0 && target != child ? target : 0;
            dict_[child] = ends_[fail_[child]].empty() ? dict_[fail_[child]] : fail_[child];
            queue.push_back(child);
        }
    }
    // Missing root edges loop back to the root, so scanning never needs a special case.
    for (int& e : root_edges_)
        if (e < 0) e = 0;

    // The edges for scanning (see the header): full tables for the root's children.
    dense_of_.assign(static_cast<std::size_t>(nodes_), -1);
    dense_.clear();
    for (auto [c, child] : children[0]) {
        dense_of_[static_cast<std::size_t>(child)] = static_cast<int>(dense_.size() / 256);
        dense_.resize(dense_.size() + 256, -1);
        for (auto [grand_c, grandchild] : children[static_cast<std::size_t>(child)])
            dense_[dense_.size() - 256 + grand_c] = grandchild;
    }
    first_edge_.assign(static_cast<std::size_t>(nodes_) + 1, 0);
    edge_bytes_.clear();
    edge_targets_.clear();
    for (int node = 0; node < nodes_; ++node) {
        first_edge_[static_cast<std::size_t>(node)] = static_cast<std::uint32_t>(edge_bytes_.size());
        for (auto [c, child] : children[static_cast<std::size_t>(node)]) {
            edge_bytes_.push_back(c);
            edge_targets_.push_back(child);
        }
    }
    first_edge_[static_cast<std::size_t>(nodes_)] = static_cast<std::uint32_t>(edge_bytes_.size());
}

bool Matcher::whole(std::size_t n, std::string_view text, std::size_t start, std::size_t end) const {
    const Needle& needle = needles_[n];
    auto before = [&]() -> int { return start == 0 ? -1 : static_cast<unsigned char>(text[start - 1]); };
    auto after = [&]() -> int { return end >= text.size() ? -1 : static_cast<unsigned char>(text[end]); };
    unsigned char first = static_cast<unsigned char>(needle.text.front());
    unsigned char last = static_cast<unsigned char>(needle.text.back());
    int b = before(), a = after();
    switch (needle.edge) {
        case Edge::Word:
            return !(word_byte(first) && b >= 0 && word_byte(static_cast<unsigned char>(b))) &&
                !(word_byte(last) && a >= 0 && word_byte(static_cast<unsigned char>(a)));
        case Edge::Slug:
            return !(b >= 0 && slug_byte(static_cast<unsigned char>(b))) &&
                !(a >= 0 && slug_byte(static_cast<unsigned char>(a)));
        case Edge::Dashed:
            return (b < 0 || b == '-' || b == ' ') && (a < 0 || a == '-' || a == ' ');
        case Edge::UrlPath: {
            if (a < 0 || text.substr(end, 10) == "index.html") return true;
            unsigned char ac = static_cast<unsigned char>(a);
            return !(std::isalnum(ac) || ac == '-' || ac == '_' || ac == '.' || ac >= 0x80);
        }
        case Edge::Email:
            return !(b >= 0 && address_byte(static_cast<unsigned char>(b))) && !(a >= 0 && std::isalnum(a));
    }
    return false;
}

void Matcher::scan(std::string_view text, const std::function<void(std::size_t)>& found) const {
    std::vector<bool> reported(needles_.size(), false);
    auto report = [&](int node, std::size_t end) {
        for (int m = ends_[node].empty() ? dict_[node] : node; m > 0; m = dict_[m])
            for (int n : ends_[m]) {
                if (reported[n]) continue;
                std::size_t length = needles_[n].text.size();
                if (!whole(n, text, end - length, end)) continue;
                reported[n] = true;
                found(static_cast<std::size_t>(n));
            }
    };
    int node = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        int to = next(node, c);
        while (to < 0) {
            node = fail_[node];
            to = next(node, c);
        }
        node = to;
        if (node != 0 && (!ends_[node].empty() || dict_[node] > 0)) report(node, i + 1);
    }
}

}  // namespace cp::audience
