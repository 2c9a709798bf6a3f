#include "model/slug.hpp"

#include <cctype>

#include "frontmatter/fields.hpp"

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
    if (stem.size() >= 10 && frontmatter::is_valid_date(stem.substr(0, 10)) &&
        (stem.size() == 10 || stem[10] == '-' || stem[10] == '_'))
        return std::string(stem.substr(0, 10));
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

std::string collision_key(std::string_view url) {
    // Map the common precomposed Latin letters (two-byte UTF-8, U+00C0..U+017F) to their base
    // letter, so "café" and "cafe\u0301" and "CAFÉ" meet; combining marks are dropped.
    std::string out;
    for (std::size_t i = 0; i < url.size(); ++i) {
        auto c = static_cast<unsigned char>(url[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(std::tolower(c)));
            continue;
        }
        if ((c == 0xCC || c == 0xCD) && i + 1 < url.size()) {  // U+0300..U+036F combining marks
            auto c1 = static_cast<unsigned char>(url[i + 1]);
            unsigned cp = ((c & 0x1F) << 6) | (c1 & 0x3F);
            if (cp >= 0x300 && cp <= 0x36F) {
                ++i;
                continue;
            }
        }
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < url.size()) {
            unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(url[i + 1]) & 0x3F);
            static const char* latin1 = "aaaaaaaceeeeiiiidnooooo*ouuuuyts";  // U+00C0..U+00DF and U+00E0..U+00FF
            if (cp >= 0xC0 && cp <= 0xFF) {
                out.push_back(latin1[(cp - 0xC0) % 32]);
                ++i;
                continue;
            }
        }
        out.push_back(static_cast<char>(c));
    }
    return out;
}

}  // namespace cp::model
