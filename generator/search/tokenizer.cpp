#include "search/tokenizer.hpp"

#include <array>
#include <cstdint>

namespace cp::search {
namespace {

// Folded form of each code point of a block, '|'-separated; an empty entry keeps the
// character. Derived once with Python's unicodedata: NFD(lower(c)) without the
// combining marks U+0300..U+036F, then ß->ss æ->ae œ->oe ø->o đ,ð->d ħ->h ı->i ł,ŀ->l
// ŧ->t þ->th ĸ->k ς->σ ſ->s ŉ->n ǆ->dz ǉ->lj ǌ->nj ĳ->ij. search.js computes the same
// with toLowerCase() and normalize('NFD'); bench/search checks that they agree.
// U+00C0..U+024F
constexpr std::string_view kLatin =
    "a|a|a|a|a|a|ae|c|e|e|e|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|ss|a|a|a|a|a|a|ae|c|e|e|e"
    "|e|i|i|i|i|d|n|o|o|o|o|o||o|u|u|u|u|y|th|y|a|a|a|a|a|a|c|c|c|c|c|c|c|c|d|d|d|d|e|e|e|e|e"
    "|e|e|e|e|e|g|g|g|g|g|g|g|g|h|h|h|h|i|i|i|i|i|i|i|i|i|i|ij|ij|j|j|k|k|k|l|l|l|l|l|l|l|l|l"
    "|l|n|n|n|n|n|n|n|ŋ||o|o|o|o|o|o|oe|oe|r|r|r|r|r|r|s|s|s|s|s|s|s|s|t|t|t|t|t|t|u|u|u|u|u"
    "|u|u|u|u|u|u|u|w|w|y|y|y|z|z|z|z|z|z|s||ɓ|ƃ||ƅ||ɔ|ƈ||ɖ|ɗ|ƌ|||ǝ|ə|ɛ|ƒ||ɠ|ɣ|"
    "|ɩ|ɨ|ƙ||||ɯ|ɲ||ɵ|o|o|ƣ||ƥ||ʀ|ƨ||ʃ|||ƭ||ʈ|u|u|ʊ|ʋ|ƴ||ƶ||ʒ|ƹ||||ƽ|||||"
    "|||dz|dz|dz|lj|lj|lj|nj|nj|nj|a|a|i|i|o|o|u|u|u|u|u|u|u|u|u|u||a|a|a|a|ae|ae|ǥ||g|g|k|k"
    "|o|o|o|o|ʒ|ʒ|j|ǳ|ǳ||g|g|ƕ|ƿ|n|n|a|a|ae|ae|o|o|a|a|a|a|e|e|e|e|i|i|i|i|o|o|o|o|r|r|"
    "r|r|u|u|u|u|s|s|t|t|ȝ||h|h|ƞ||ȣ||ȥ||a|a|e|e|o|o|o|o|o|o|o|o|y|y|||||||ⱥ|ȼ||ƚ|ⱦ"
    "|||ɂ||ƀ|ʉ|ʌ|ɇ||ɉ||ɋ||ɍ||ɏ|";
// U+0370..U+03FF
constexpr std::string_view kGreek =
    "ͱ||ͳ||ʹ||ͷ||||||||;|ϳ||||||¨|α|·|ε|η|ι||ο||υ|ω|ι|α|β|γ|δ|ε|ζ|η|θ|"
    "ι|κ|λ|μ|ν|ξ|ο|π|ρ||σ|τ|υ|φ|χ|ψ|ω|ι|υ|α|ε|η|ι|υ||||||||||||||||||"
    "σ||||||||ι|υ|ο|υ|ω|ϗ||||ϒ|ϒ||||ϙ||ϛ||ϝ||ϟ||ϡ||ϣ||ϥ||ϧ||ϩ||ϫ||ϭ||ϯ||"
    "||||θ|||ϸ||ϲ|ϻ|||ͻ|ͼ|ͽ";
// U+0400..U+04FF
constexpr std::string_view kCyrillic =
    "е|е|ђ|г|є|ѕ|і|і|ј|љ|њ|ћ|к|и|у|џ|а|б|в|г|д|е|ж|з|и|и|к|л|м|"
    "н|о|п|р|с|т|у|ф|х|ц|ч|ш|щ|ъ|ы|ь|э|ю|я||||||||||и||||||||||||||||||||"
    "|||е|е||г||||і|||||к|и|у||ѡ||ѣ||ѥ||ѧ||ѩ||ѫ||ѭ||ѯ||ѱ||ѳ||ѵ||ѵ|ѵ|ѹ||"
    "ѻ||ѽ||ѿ||ҁ||||||||||ҋ||ҍ||ҏ||ґ||ғ||ҕ||җ||ҙ||қ||ҝ||ҟ||ҡ||ң||ҥ||ҧ||ҩ||"
    "ҫ||ҭ||ү||ұ||ҳ||ҵ||ҷ||ҹ||һ||ҽ||ҿ||ӏ|ж|ж|ӄ||ӆ||ӈ||ӊ||ӌ||ӎ|||а|а|а|"
    "а|ӕ||е|е|ә||ә|ә|ж|ж|з|з|ӡ||и|и|и|и|о|о|ө||ө|ө|э|э|у|у|у|у|у|"
    "у|ч|ч|ӷ||ы|ы|ӻ||ӽ||ӿ|";
// U+1E00..U+1EFF
constexpr std::string_view kLatinAdditional =
    "a|a|b|b|b|b|b|b|c|c|d|d|d|d|d|d|d|d|d|d|e|e|e|e|e|e|e|e|e|e|f|f|g|g|h|h|h|h|h|h|h|h|h|h|"
    "i|i|i|i|k|k|k|k|k|k|l|l|l|l|l|l|l|l|m|m|m|m|m|m|n|n|n|n|n|n|n|n|o|o|o|o|o|o|o|o|p|p|p|p|"
    "r|r|r|r|r|r|r|r|s|s|s|s|s|s|s|s|s|s|t|t|t|t|t|t|t|t|u|u|u|u|u|u|u|u|u|u|v|v|v|v|w|w|w|w|"
    "w|w|w|w|w|w|x|x|x|x|y|y|z|z|z|z|z|z|h|t|w|y||s|||ss||a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a|a"
    "|a|a|a|a|a|a|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|e|i|i|i|i|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o|o"
    "|o|o|o|o|o|o|u|u|u|u|u|u|u|u|u|u|u|u|u|u|y|y|y|y|y|y|y|y|ỻ||ỽ||ỿ|";

// U+1F00..U+1FFF
constexpr std::string_view kGreekExtended =
    "α|α|α|α|α|α|α|α|α|α|α|α|α|α|α|α|ε|ε|ε|ε|ε|ε|||ε|ε|ε|ε|ε|ε|||"
    "η|η|η|η|η|η|η|η|η|η|η|η|η|η|η|η|ι|ι|ι|ι|ι|ι|ι|ι|ι|ι|ι|ι|ι|"
    "ι|ι|ι|ο|ο|ο|ο|ο|ο|||ο|ο|ο|ο|ο|ο|||υ|υ|υ|υ|υ|υ|υ|υ||υ||υ||υ||υ"
    "|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|α|α|ε|ε|η|η|ι|ι|ο|ο|υ|υ|ω|"
    "ω|||α|α|α|α|α|α|α|α|α|α|α|α|α|α|α|α|η|η|η|η|η|η|η|η|η|η|η|η"
    "|η|η|η|η|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|ω|α|α|α|α|α||α|α|α|α"
    "|α|α|α||ι|||¨|η|η|η||η|η|ε|ε|η|η|η|᾿|᾿|᾿|ι|ι|ι|ι|||ι|ι|ι|ι|"
    "ι|ι||῾|῾|῾|υ|υ|υ|υ|ρ|ρ|υ|υ|υ|υ|υ|υ|ρ|¨|¨|`|||ω|ω|ω||ω|ω|ο|"
    "ο|ω|ω|ω|´||";
struct FoldBlock {
    char32_t first;
    std::string_view table;
};
constexpr std::array<FoldBlock, 5> kBlocks{
    {{0x00C0, kLatin}, {0x0370, kGreek}, {0x0400, kCyrillic}, {0x1E00, kLatinAdditional}, {0x1F00, kGreekExtended}}};

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at s[i], advancing i; an invalid or truncated sequence
// (overlong, surrogate, above U+10FFFF) yields kInvalid and advances by one byte.
char32_t next_code_point(std::string_view s, std::size_t& i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++i;
        return kInvalid;
    }
    if (i + len > s.size()) {
        ++i;
        return kInvalid;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return kInvalid;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return kInvalid;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The folded entries of every block, split once (thread-safe static initialisation).
const std::array<std::vector<std::string_view>, kBlocks.size()>& fold_entries() {
    static const auto entries = [] {
        std::array<std::vector<std::string_view>, kBlocks.size()> out;
        for (std::size_t b = 0; b < kBlocks.size(); ++b) {
            std::string_view t = kBlocks[b].table;
            for (std::size_t start = 0;;) {
                const std::size_t bar = t.find('|', start);
                out[b].push_back(t.substr(start, bar == std::string_view::npos ? bar : bar - start));
                if (bar == std::string_view::npos) break;
                start = bar + 1;
            }
        }
        return out;
    }();
    return entries;
}

void append_folded(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
        return;
    }
    if (cp >= 0x0300 && cp <= 0x036F) return;  // combining accents: é written as e + U+0301
    const auto& entries = fold_entries();
    for (std::size_t b = 0; b < kBlocks.size(); ++b) {
        const char32_t first = kBlocks[b].first;
        if (cp >= first && cp - first < entries[b].size()) {
            const std::string_view folded = entries[b][cp - first];
            if (folded.empty()) break;
            out += folded;
            return;
        }
    }
    append_utf8(out, cp);
}

// Ideographs and kana: no spaces between words, so each is a word of its own.
bool is_cjk(char32_t cp) {
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

// Letters, digits and combining marks; everything below U+00C0 but ASCII letters and
// digits, and the punctuation and symbol blocks above it, separate words.
bool is_word_char(char32_t cp) {
    if (cp < 0x80) {
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    }
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == kInvalid) return false;
    if (cp == 0x037E || cp == 0x0385 || cp == 0x0387) return false;  // Greek punctuation
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;                  // punctuation, symbols, arrows, shapes
    if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    if (cp >= 0xE000 && cp <= 0xF8FF) return false;
    if (cp >= 0xFE10 && cp <= 0xFE1F) return false;
    if (cp >= 0xFE30 && cp <= 0xFE6F) return false;
    if ((cp >= 0xFF00 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
        (cp >= 0xFF5B && cp <= 0xFF65))
        return false;
    if (cp >= 0xFFF0 && cp <= 0xFFFF) return false;
    if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
    return true;
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

}  // namespace

std::string fold(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t cp = next_code_point(utf8, i);
        if (cp != kInvalid) append_folded(out, cp);
    }
    return out;
}

void for_each_word(std::string_view utf8, const std::function<void(std::string_view)>& each) {
    // ASCII letters and digits folded, every other ASCII byte but the apostrophe a
    // separator: the same as the general rules below give, one table lookup a byte for the
    // text most memories are written in (the search index reads every word of every page).
    static constexpr auto kAsciiFold = [] {
        std::array<char, 128> t{};
        for (char c = '0'; c <= '9'; ++c) t[static_cast<unsigned char>(c)] = c;
        for (char c = 'a'; c <= 'z'; ++c) t[static_cast<unsigned char>(c)] = c;
        for (char c = 'A'; c <= 'Z'; ++c) t[static_cast<unsigned char>(c)] = static_cast<char>(c - 'A' + 'a');
        return t;
    }();
    std::string word;
    auto finish = [&] {
        if (!word.empty()) each(word);
        word.clear();
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto byte = static_cast<unsigned char>(utf8[i]);
        if (byte < 0x80 && byte != '\'') {
            if (const char folded = kAsciiFold[byte]) {
                word += folded;
            } else {
                finish();
            }
            ++i;
            continue;
        }
        const char32_t cp = next_code_point(utf8, i);
        if (is_cjk(cp)) {
            finish();
            append_folded(word, cp);
            finish();
        } else if (is_word_char(cp)) {
            append_folded(word, cp);
        } else if (is_apostrophe(cp) && !word.empty()) {
            // Dropped inside a word, a separator anywhere else.
            std::size_t j = i;
            const char32_t next = j < utf8.size() ? next_code_point(utf8, j) : kInvalid;
            if (!is_word_char(next) || is_cjk(next)) finish();
        } else {
            finish();
        }
    }
    finish();
}

std::vector<std::string> tokenize(std::string_view utf8) {
    std::vector<std::string> words;
    for_each_word(utf8, [&](std::string_view w) { words.emplace_back(w); });
    return words;
}

}  // namespace cp::search
