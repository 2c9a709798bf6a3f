#include "model/slug.hpp"

#include <cctype>

#include "time/date.hpp"

namespace cp::model {

std::string slugify(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) && c < 0x80) {
            if (pending_dash && !out.empty()) out.push_back('-');
            pending_dash = false;
            out.push_back(static_cast<char>(std::tolower(c)));
        } else {
            pending_dash = true;
        }
    }
    return out.empty() ? "page" : out;
}

std::string stem_of(std::string_view path) {
    auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    auto dot = name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
    return std::string(name);
}

std::string date_prefix(std::string_view stem) {
    if (auto day = time::Date::parse_prefix(stem); day && (stem.size() == 10 || stem[10] == '-' || stem[10] == '_'))
        return day->iso();
    return {};
}

std::string stem_in_words(std::string_view stem) {
    if (!date_prefix(stem).empty()) stem = stem.size() > 11 ? stem.substr(11) : std::string_view{};
    std::string out;
    for (char c : stem) out.push_back(c == '-' || c == '_' ? ' ' : c);
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
    return out.empty() ? std::string("Untitled") : out;
}

std::string collision_key(std::string_view name) {
    // Latin-1 letters decomposed as NFD would (base letter + combining mark), case folded, so
    // "Café", "café" and "cafe\u0301" meet while "cafe" stays apart.
    static const char base[] = "aaaaaaxceeeeiiiixnooooo-xuuuuyxy";  // U+00E0..U+00FF; x: no decomposition
    static const unsigned mark[] = {0x300, 0x301, 0x302, 0x303, 0x308, 0x30A, 0,     0x327, 0x300, 0x301, 0x302,
                                    0x308, 0x300, 0x301, 0x302, 0x308, 0,     0x303, 0x300, 0x301, 0x302, 0x303,
                                    0x308, 0,     0,     0x300, 0x301, 0x302, 0x308, 0x301, 0,     0x308};
    std::string out;
    for (std::size_t i = 0; i < name.size(); ++i) {
        auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(std::tolower(c)));
            continue;
        }
        if (c == 0xC3 && i + 1 < name.size()) {
            unsigned cp = 0xC0 | (static_cast<unsigned char>(name[i + 1]) & 0x3F);
            if (cp < 0xDF && cp != 0xD7) cp += 0x20;  // upper case to lower case
            unsigned m = cp >= 0xE0 ? mark[cp - 0xE0] : 0;
            ++i;
            if (m == 0) {  // a letter of its own (æ, ø, ß): kept, folded
                out.push_back(static_cast<char>(0xC3));
                out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
                continue;
            }
            out.push_back(base[cp - 0xE0]);
            out.push_back(static_cast<char>(0xC0 | (m >> 6)));
            out.push_back(static_cast<char>(0x80 | (m & 0x3F)));
            continue;
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace cp::model
