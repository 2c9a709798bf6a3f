#pragma once
// The export's JSON written straight into a string. nlohmann's dump() decodes every byte of
// every string through its UTF-8 state machine; the export is mostly HTML and words (over
// 100 MB at 10,000 notes), and that decoding, with a second copy to indent each page, was
// most of the time the export took.
#include <string>

#include <nlohmann/json.hpp>

namespace cp::reports {

// Appends exactly what j.dump(1, '\t', false, json::error_handler_t::replace) writes, with
// every line after the first `depth` levels further in (as if `j` were nested that deep).
// A string that is not valid UTF-8, and every floating-point number, is written by nlohmann
// itself, so the bytes are always its own.
void append_json(std::string& out, const nlohmann::json& j, unsigned depth = 0);

}  // namespace cp::reports
