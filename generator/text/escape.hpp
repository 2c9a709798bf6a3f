#pragma once
// Escaping and unescaping shared by every writer of HTML, XML and SVG, and by link reading.
#include <string>
#include <string_view>

namespace cp::text {

// & < > " ' as entities: safe in HTML and XML text and in quoted attributes.
std::string escape_markup(std::string_view s);

// "%20"-style escapes decoded, as a link to a file may be written; malformed ones kept as written.
std::string percent_decode(std::string_view s);

}  // namespace cp::text
