#include "reports/words.hpp"

#include <algorithm>
#include <set>

namespace cp::reports {

namespace {

// Words that carry no theme of their own: articles, pronouns, auxiliaries, and the words
// meeting feedback is full of whatever it is about.
bool is_small_word(const std::string& w) {
    static const std::set<std::string> small = {
        "a",      "about", "after",  "again",  "all",   "also",      "an",   "and",   "any",  "are",   "as",
        "at",     "be",    "been",   "before", "being", "better",    "but",  "by",    "can",  "could", "did",
        "do",     "does",  "for",    "from",   "get",   "got",       "had",  "has",   "have", "how",   "i",
        "if",     "in",    "into",   "is",     "it",    "its",       "just", "less",  "let",  "lot",   "made",
        "make",   "many",  "more",   "most",   "much",  "must",      "need", "needs", "next", "no",    "not",
        "of",     "off",   "on",     "one",    "only",  "or",        "our",  "ours",  "out",  "over",  "people",
        "really", "same",  "should", "so",     "some",  "something", "than", "that",  "the",  "their", "them",
        "then",   "there", "these",  "they",   "this",  "those",     "time", "to",    "too",  "two",   "up",
        "us",     "very",  "was",    "we",     "were",  "what",      "when", "which", "who",  "why",   "will",
        "with",   "would", "you",    "your"};
    return small.count(w) != 0;
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

}  // namespace

std::vector<std::string> content_words(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_byte(static_cast<unsigned char>(text[i]))) ++i;
        std::string word;
        // An apostrophe inside a word ("it's", "don't") keeps the word whole.
        while (i < text.size() &&
               (is_word_byte(static_cast<unsigned char>(text[i])) ||
                (text[i] == '\'' && !word.empty() && i + 1 < text.size() &&
                 std::isalpha(static_cast<unsigned char>(text[i + 1]))))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
            ++i;
        }
        if (word.empty()) continue;
        if (auto apostrophe = word.find('\''); apostrophe != std::string::npos) word.erase(apostrophe);
        if (is_small_word(word)) continue;
        // Endings dropped, so "started" meets "start" and "dropping" meets "dropped".
        auto ends = [&](const char* end, std::size_t min) {
            std::size_t n = std::char_traits<char>::length(end);
            return word.size() >= min && word.compare(word.size() - n, n, end) == 0;
        };
        if (ends("ing", 6))
            word.resize(word.size() - 3);
        else if (ends("ed", 6))
            word.resize(word.size() - 2);
        else if (ends("s", 4) && !ends("ss", 4))
            word.pop_back();
        if (!is_small_word(word)) out.push_back(std::move(word));
    }
    return out;
}

std::string theme_key(std::string_view text) {
    std::vector<std::string> words = content_words(text);
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    std::string key;
    for (const auto& w : words) key += (key.empty() ? "" : " ") + w;
    return key;
}

bool share_a_word(std::string_view a, std::string_view b) {
    std::vector<std::string> wa = content_words(a), wb = content_words(b);
    std::set<std::string> in_a(wa.begin(), wa.end());
    return std::any_of(wb.begin(), wb.end(), [&](const std::string& w) { return in_a.count(w) != 0; });
}

}  // namespace cp::reports
