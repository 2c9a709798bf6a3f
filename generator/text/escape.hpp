#pragma once
// Escaping and unescaping shared by every writer of HTML, XML and SVG, and by link reading.
#include <string>
#include <string_view>

namespace cp::text {

// & < > " ' as entities: safe in HTML and XML text and in quoted attributes.
std::string escape_markup(std::string_view s);
// The same but for apostrophes, which stay as they are: for words written between elements or in
// double-quoted attributes only (a theme's translated words, whose "don't" reads as typed).
std::string escape_markup_keeping_apostrophes(std::string_view s);

// A URL with every byte but letters, digits and -_.!~*'();/?:@&=+$,%# percent-encoded ("%20"),
// as cmark-gfm writes a link's; for a template, which escapes & and ' itself.
std::string percent_encode_url(std::string_view url);

// A URL as the value of a quoted href or src: percent_encode_url(), then & and ' as entities.
// Says nothing about whether the URL is safe: ask the URL policy first.
std::string escape_href(std::string_view url);

// "%20"-style escapes decoded, as a link to a file may be written; malformed ones kept as written.
std::string percent_decode(std::string_view s);

}  // namespace cp::text
