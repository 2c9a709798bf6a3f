#include "indexes/word_diff.hpp"

#include <algorithm>

#include "text/escape.hpp"

namespace cp::indexes {

namespace {

// Past this many cells, the longest common subsequence would cost more than it shows:
// the two sides are then given as removed and added whole.
constexpr std::size_t kMaxCells = 4'000'000;

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string::npos) end = text.size();
        if (end > pos) out.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

enum class Op { Keep, Remove, Add };

// The edit script from `a` to `b` by their longest common subsequence; at a tie, removals come
// before additions, so a replaced word reads "<del>old</del> <ins>new</ins>".
template <typename T>
std::vector<Op> edit_script(const std::vector<T>& a, const std::vector<T>& b) {
    std::vector<Op> ops;
    const std::size_t n = a.size(), m = b.size();
    if (n * m > kMaxCells) {
        ops.insert(ops.end(), n, Op::Remove);
        ops.insert(ops.end(), m, Op::Add);
        return ops;
    }
    // lcs[i][j]: the length of the longest common subsequence of a[i..] and b[j..].
    std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
    auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a[i] == b[j]) {
            ops.push_back(Op::Keep);
            ++i, ++j;
        } else if (i < n && (j == m || at(i + 1, j) >= at(i, j + 1))) {
            ops.push_back(Op::Remove);
            ++i;
        } else {
            ops.push_back(Op::Add);
            ++j;
        }
    }
    return ops;
}

std::string wrapped(const char* tag, const std::vector<std::string>& words) {
    std::string inner;
    for (const auto& w : words) inner += (inner.empty() ? "" : " ") + text::escape_markup(w);
    return std::string("<") + tag + ">" + inner + "</" + tag + ">";
}

}  // namespace

std::string word_diff(const std::string& before, const std::string& after) {
    std::vector<std::string> a = words_of(before), b = words_of(after);
    std::vector<Op> ops = edit_script(a, b);
    std::string out;
    std::vector<std::string> removed, added;
    auto append = [&](const std::string& piece) { out += (out.empty() ? "" : " ") + piece; };
    auto flush = [&] {
        if (!removed.empty()) append(wrapped("del", removed));
        if (!added.empty()) append(wrapped("ins", added));
        removed.clear();
        added.clear();
    };
    std::size_t i = 0, j = 0;
    for (Op op : ops) {
        if (op == Op::Keep) {
            flush();
            append(text::escape_markup(a[i]));
            ++i, ++j;
        } else if (op == Op::Remove) {
            removed.push_back(a[i++]);
        } else {
            added.push_back(b[j++]);
        }
    }
    flush();
    return out;
}

std::vector<ParagraphChange> changed_paragraphs(const std::vector<std::string>& before,
                                                const std::vector<std::string>& after) {
    std::vector<ParagraphChange> out;
    std::vector<Op> ops = edit_script(before, after);
    std::vector<const std::string*> removed, added;
    // Between two matched paragraphs: the old and new in the same place compared word by word.
    auto flush = [&] {
        std::size_t paired = std::min(removed.size(), added.size());
        for (std::size_t k = 0; k < paired; ++k)
            out.push_back({ParagraphChange::Kind::Changed, word_diff(*removed[k], *added[k])});
        for (std::size_t k = paired; k < removed.size(); ++k)
            out.push_back({ParagraphChange::Kind::Removed, wrapped("del", words_of(*removed[k]))});
        for (std::size_t k = paired; k < added.size(); ++k)
            out.push_back({ParagraphChange::Kind::Added, wrapped("ins", words_of(*added[k]))});
        removed.clear();
        added.clear();
    };
    std::size_t i = 0, j = 0;
    for (Op op : ops) {
        if (op == Op::Keep) {
            flush();
            ++i, ++j;
        } else if (op == Op::Remove) {
            removed.push_back(&before[i++]);
        } else {
            added.push_back(&after[j++]);
        }
    }
    flush();
    return out;
}

}  // namespace cp::indexes
