// libFuzzer harness for the URL policy (issue #21): an allowed URL never has, as a browser reads
// it, a scheme outside the allow list. The browser's reading is written again here, apart from
// the policy's, so a mistake in one is caught by the other.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/url_policy.hpp"

namespace {

// The WHATWG URL parser's first steps, as a browser takes them.
std::string browser_scheme(std::string_view input) {
    std::size_t begin = 0, end = input.size();
    while (begin < end && static_cast<unsigned char>(input[begin]) <= 0x20) ++begin;
    while (end > begin && static_cast<unsigned char>(input[end - 1]) <= 0x20) --end;
    std::string url;
    for (std::size_t i = begin; i < end; ++i)
        if (input[i] != '\t' && input[i] != '\n' && input[i] != '\r') url.push_back(input[i]);
    auto alpha = [](char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; };
    if (url.empty() || !alpha(url[0])) return {};
    for (std::size_t i = 0; i < url.size(); ++i) {
        char c = url[i];
        if (c == ':') {
            // The scheme and the start of what follows (a data: URL's media type), lower-cased:
            // both are compared without case.
            std::string s = url.substr(0, i + 17);
            for (char& ch : s)
                if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            return s;
        }
        if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return {};
    }
    return {};
}

bool starts_with(const std::string& s, std::string_view prefix) { return s.compare(0, prefix.size(), prefix) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string seen = browser_scheme(input);
    if (cp::text::url_allowed(input, cp::text::UrlUse::Link)) {
        if (!(seen.empty() || starts_with(seen, "http:") || starts_with(seen, "https:") ||
              starts_with(seen, "mailto:")))
            __builtin_trap();
    }
    if (cp::text::url_allowed(input, cp::text::UrlUse::Media)) {
        if (!(seen.empty() || starts_with(seen, "http:") || starts_with(seen, "https:") ||
              starts_with(seen, "data:image/")))
            __builtin_trap();
        if (starts_with(seen, "data:image/svg")) __builtin_trap();
    }
    // Normalising twice changes nothing, and the scheme is the same read from either form.
    std::string once = cp::text::browser_normalised(input);
    if (cp::text::browser_normalised(once) != once) __builtin_trap();
    if (cp::text::url_scheme(input) != cp::text::url_scheme(once)) __builtin_trap();
    // A quoted URL is one printable line.
    for (char c : cp::text::quoted_url(input))
        if (c == '\n' || c == '\r' || c == '\t') __builtin_trap();
    (void)cp::text::is_site_address(input);
    return 0;
}
