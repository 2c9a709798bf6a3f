#include "text/url_policy.hpp"

namespace cp::text {

namespace {

bool is_c0_or_space(unsigned char c) { return c <= 0x20; }
bool is_tab_or_newline(char c) { return c == '\t' || c == '\n' || c == '\r'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_scheme_char(char c) { return is_ascii_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'; }

}  // namespace

std::string browser_normalised(std::string_view url) {
    while (!url.empty() && is_c0_or_space(static_cast<unsigned char>(url.front()))) url.remove_prefix(1);
    while (!url.empty() && is_c0_or_space(static_cast<unsigned char>(url.back()))) url.remove_suffix(1);
    std::string out;
    out.reserve(url.size());
    for (char c : url)
        if (!is_tab_or_newline(c)) out.push_back(c);
    return out;
}

std::optional<std::string> url_scheme(std::string_view raw) {
    std::string url = browser_normalised(raw);
    if (url.empty() || !is_ascii_alpha(url.front())) return std::nullopt;
    for (std::size_t i = 0; i < url.size(); ++i) {
        char c = url[i];
        if (c == ':') {
            std::string scheme = url.substr(0, i);
            for (char& s : scheme)
                if (s >= 'A' && s <= 'Z') s = static_cast<char>(s - 'A' + 'a');
            return scheme;
        }
        if (!is_scheme_char(c)) return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> refuse_url(std::string_view url, UrlUse use) {
    auto scheme = url_scheme(url);
    if (!scheme) return std::nullopt;
    if (*scheme == "http" || *scheme == "https") return std::nullopt;
    if (*scheme == "mailto" && use == UrlUse::Link) return std::nullopt;
    if (*scheme == "data" && use == UrlUse::Media) {
        // A raster picture inlined: no browser runs these (image/svg+xml, text/html are refused).
        std::string rest = browser_normalised(url).substr(5);
        for (char& c : rest)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        rest = rest.substr(0, rest.find_first_of(";,"));
        if (rest == "image/png" || rest == "image/jpeg" || rest == "image/gif" || rest == "image/webp")
            return std::nullopt;
    }
    std::string allowed = use == UrlUse::Link ? "http, https and mailto" : "http and https";
    return "uses the scheme '" + *scheme +
        "', which this site never writes (a browser may run it as a script): " + "only " + allowed +
        " addresses and the site's own files are written; it is shown as text";
}

bool is_site_address(std::string_view url) {
    for (char c : url)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F || c == '\\') return false;
    if (url.size() >= 1 && url[0] == '/') return url.size() == 1 || url[1] != '/';  // "//host" is not a path
    auto scheme = url_scheme(url);
    if (!scheme || (*scheme != "http" && *scheme != "https")) return false;
    std::string_view rest = url.substr(scheme->size() + 1);
    return rest.size() > 2 && rest.substr(0, 2) == "//" && rest[2] != '/';
}

std::string quoted_url(std::string_view url) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    std::size_t shown = 0;
    for (char ch : url) {
        if (++shown > 80) {
            out += "…";
            break;
        }
        auto c = static_cast<unsigned char>(ch);
        if (c == '\t')
            out += "\\t";
        else if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c < 0x20 || c == 0x7F)
            out += std::string("\\x") + hex[c >> 4] + hex[c & 0xF];
        else
            out.push_back(ch);
    }
    return out;
}

}  // namespace cp::text
