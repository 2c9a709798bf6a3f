#pragma once
// The one URL policy: every href and src the site writes from content (Markdown links and
// images, front-matter URL fields, the config's base_url and repo_url) is asked here first.
// The scheme is read as a browser reads it (the WHATWG URL standard): leading and trailing C0
// controls and spaces stripped, tabs and newlines removed anywhere, case ignored. So
// "java\tscript:", " JaVaScRiPt:" and "data:text/html,..." are seen for what they are.
#include <optional>
#include <string>
#include <string_view>

namespace cp::text {

// What a URL is for: a link (href) may also be mailto:; media (an image's src) may not.
enum class UrlUse { Link, Media };

// The URL as a browser's parser starts on it: C0 controls and spaces stripped from both ends,
// every tab, line feed and carriage return removed.
std::string browser_normalised(std::string_view url);

// The scheme, lower-cased ("https", "javascript"), as the WHATWG parser finds it: an ASCII
// letter, then letters, digits, '+', '-' or '.', up to ':'. Nothing for a relative URL
// ("../x/", "#part", "//host/x", "notes/a:b"); "a:b" has the scheme "a", as a browser reads it.
std::optional<std::string> url_scheme(std::string_view url);

// Nothing when the URL may be written for `use`: relative, http, https, (links only) mailto,
// or (media only) an inlined PNG, JPEG, GIF or WebP picture (data:image/png...). Otherwise a
// sentence saying why not, to follow "link '...' " in a warning.
std::optional<std::string> refuse_url(std::string_view url, UrlUse use = UrlUse::Link);

// True when refuse_url() has nothing to say.
inline bool url_allowed(std::string_view url, UrlUse use = UrlUse::Link) { return !refuse_url(url, use); }

// True for where a site lives, as the config's base_url and repo_url must be written: an
// absolute http(s) URL with a host ("https://example.org/memory/"), or a path from the site's
// root ("/memory/"). No control character or space anywhere: those are how disguises hide.
bool is_site_address(std::string_view url);

// The URL as a message may quote it: control characters written as \t, \n, \xNN, and cut
// after 80 characters, so a warning stays one readable line.
std::string quoted_url(std::string_view url);

}  // namespace cp::text
