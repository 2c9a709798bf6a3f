#include "text/escape.hpp"

namespace cp::text {

namespace {

std::string escaped(std::string_view s, bool apostrophes) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                if (apostrophes) {
                    out += "&apos;";
                    break;
                }
                [[fallthrough]];
            default:
                out.push_back(c);
        }
    }
    return out;
}

}  // namespace

std::string escape_markup(std::string_view s) { return escaped(s, true); }

std::string escape_markup_keeping_apostrophes(std::string_view s) { return escaped(s, false); }

std::string percent_encode_url(std::string_view url) {
    static constexpr std::string_view kSafe = "-_.!~*'();/?:@&=+$,%#";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
            kSafe.find(c) != std::string_view::npos) {
            out.push_back(c);
        } else {
            out.push_back('%');
            out.push_back(kHex[u >> 4]);
            out.push_back(kHex[u & 0xF]);
        }
    }
    return out;
}

std::string escape_href(std::string_view url) {
    std::string out;
    for (char c : percent_encode_url(url)) {
        if (c == '&')
            out += "&amp;";
        else if (c == '\'')
            out += "&#x27;";
        else
            out.push_back(c);
    }
    return out;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percent_decode(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        int hi = (s[i] == '%' && i + 2 < s.size()) ? hex_value(s[i + 1]) : -1;
        int lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
        if (hi >= 0 && lo >= 0) {
            out.push_back(static_cast<char>(hi * 16 + lo));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

}  // namespace cp::text
