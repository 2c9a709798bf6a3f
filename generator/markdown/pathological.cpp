#include "markdown/pathological.hpp"

#include <algorithm>
#include <vector>

namespace cp::markdown {

namespace {

struct Line {
    std::string_view text;
    int number = 1;
    std::size_t offset = 0;  // in the body
};

std::vector<Line> lines_of(std::string_view body) {
    std::vector<Line> out;
    std::size_t pos = 0;
    int number = 1;
    while (pos <= body.size()) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        out.push_back({body.substr(pos, end - pos), number++, pos});
        if (end == body.size()) break;
        pos = end + 1;
    }
    return out;
}

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

// "- - -", "***": a thematic break, which opens no container however many markers it has.
bool is_thematic_break(std::string_view rest, char marker) {
    int count = 0;
    for (char c : rest) {
        if (c == marker)
            ++count;
        else if (c != ' ' && c != '\t')
            return false;
    }
    return count >= 3;
}

// An over-estimate of the containers open on a line that opens one: each '>' and list marker
// in its leading run, plus one for every two columns of indentation (a nested list needs them).
int nesting_of(std::string_view line) {
    int markers = 0, columns = 0;
    int thematic[3] = {-1, -1, -1};  // for '-', '+', '*': checked once, at the first, so the scan stays linear
    std::size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (c == ' ') {
            ++columns, ++i;
        } else if (c == '\t') {
            columns += 4 - columns % 4, ++i;
        } else if (c == '>') {
            ++markers, ++i;
        } else if ((c == '-' || c == '+' || c == '*') &&
                   (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t')) {
            int& known = thematic[c == '-' ? 0 : c == '+' ? 1 : 2];
            if (known < 0) known = is_thematic_break(line.substr(i), c);
            if (known) break;
            ++markers, ++i;
        } else if (c >= '0' && c <= '9') {
            std::size_t j = i;
            while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
            bool marker = j < line.size() && (line[j] == '.' || line[j] == ')') &&
                (j + 1 == line.size() || line[j + 1] == ' ' || line[j + 1] == '\t');
            if (!marker) break;
            ++markers, i = j + 1;
        } else {
            break;
        }
    }
    return markers == 0 ? 0 : markers + columns / 2;
}

// Where byte `offset` of the body is, as line and column.
Pathology at(const std::vector<Line>& lines, std::size_t offset, std::string message) {
    std::size_t lo = 0, hi = lines.size();
    while (hi - lo > 1) {
        std::size_t mid = (lo + hi) / 2;
        (lines[mid].offset <= offset ? lo : hi) = mid;
    }
    return {lines[lo].number, static_cast<int>(offset - lines[lo].offset) + 1, std::move(message)};
}

// The bytes cmark scans for openers left without their closer: each one reads on to the closer
// or the end of the paragraph.
long long open_html_scan(std::string_view segment, std::string_view opener, std::string_view closer,
                         std::size_t* first) {
    long long work = 0;
    std::size_t close = segment.find(closer);
    for (std::size_t p = segment.find(opener); p != std::string_view::npos; p = segment.find(opener, p + 1)) {
        if (close != std::string_view::npos && close < p + opener.size())
            close = segment.find(closer, p + opener.size());
        std::size_t end = close == std::string_view::npos ? segment.size() : close;
        if (work == 0) *first = p;
        work += static_cast<long long>(end - p);
    }
    return work;
}

struct InlineWork {
    long long brackets = 0, emphasis = 0;
    std::size_t brackets_from = 0, emphasis_from = 0;  // where the first opener that counted is
};

// Walks a paragraph's brackets as cmark keeps them: every link formed ("](" or "][") walks back
// over the image openers still open and, in this version, over every emphasis delimiter run before it.
InlineWork inline_work(std::string_view segment) {
    InlineWork w;
    std::vector<bool> openers;  // true for an image opener "!["
    long long images_open = 0, delimiter_runs = 0;
    std::size_t first_image = 0, first_delimiter = 0;
    for (std::size_t i = 0; i < segment.size(); ++i) {
        char c = segment[i];
        if (c == '\\') {
            ++i;
        } else if (c == '*' || c == '_' || c == '~') {
            if (i == 0 || segment[i - 1] != c) {
                if (delimiter_runs++ == 0) first_delimiter = i;
            }
        } else if (c == '[') {
            bool image = i > 0 && segment[i - 1] == '!';
            if (image && images_open++ == 0) first_image = i - 1;
            openers.push_back(image);
        } else if (c == ']' && !openers.empty()) {
            bool image = openers.back();
            openers.pop_back();
            if (image) --images_open;
            bool link = i + 1 < segment.size() && (segment[i + 1] == '(' || segment[i + 1] == '[');
            if (link && !image) {
                if (w.brackets == 0 && images_open > 0) w.brackets_from = first_image;
                if (w.emphasis == 0 && delimiter_runs > 0) w.emphasis_from = first_delimiter;
                w.brackets += images_open;
                w.emphasis += delimiter_runs;
            }
        }
    }
    return w;
}

}  // namespace

std::optional<Pathology> find_pathological(std::string_view body) {
    std::vector<Line> lines = lines_of(body);
    const Line* deepest = nullptr;
    int depth = 0;
    for (const Line& l : lines)
        if (int d = nesting_of(l.text); d > depth) depth = d, deepest = &l;
    if (depth > kMaxNesting) {
        long long units = static_cast<long long>(lines.size());
        for (char c : body) units += c == '*' || c == '_' || c == '~' || c == '[' || c == ']' || c == '<' || c == '`';
        if (units * depth > kMaxNestingWork)
            return Pathology{deepest->number, 1,
                             "block quotes and list items nested about " + std::to_string(depth) + " deep (more than " +
                                 std::to_string(kMaxNesting) + "), over " + std::to_string(units) +
                                 " lines and delimiters: the renderer would take hours (CVE-2023-24824); "
                                 "the page is not rendered"};
    }
    // A paragraph never holds a blank line, so each run of lines between them bounds one.
    std::size_t start = 0;
    for (std::size_t k = 0; k <= lines.size(); ++k) {
        if (k < lines.size() && !is_blank(lines[k].text)) continue;
        std::size_t end = k < lines.size() ? lines[k].offset : body.size();
        std::string_view segment = body.substr(start, end - start);
        std::size_t first = 0;
        for (auto [opener, closer] :
             {std::pair<std::string_view, std::string_view>{"<?", "?>"}, {"<![CDATA[", "]]>"}}) {
            if (open_html_scan(segment, opener, closer, &first) > kMaxHtmlScan) {
                std::string message(1, '\'');  // built in steps: GCC 12 warns (-Wrestrict) on "'" + string
                message.append(opener).append("' opened again and again without '").append(closer);
                message +=
                    "': the renderer would take hours over this paragraph (CVE-2023-22484); the page is not rendered";
                return at(lines, start + first, std::move(message));
            }
        }
        InlineWork w = inline_work(segment);
        if (w.brackets > kMaxBracketWork)
            return at(lines, start + w.brackets_from,
                      "thousands of image brackets '![' left open before links: the renderer would take hours over "
                      "this paragraph (CVE-2023-22486); the page is not rendered");
        if (w.emphasis > kMaxEmphasisWork)
            return at(lines, start + w.emphasis_from,
                      "thousands of emphasis delimiters ('*', '_', '~') before thousands of links: the renderer would "
                      "take hours over this paragraph (CVE-2023-26485); the page is not rendered");
        if (k < lines.size()) start = std::min(body.size(), lines[k].offset + lines[k].text.size() + 1);
    }
    return std::nullopt;
}

}  // namespace cp::markdown
