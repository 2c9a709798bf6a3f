#pragma once
// Small conversions every report makes: a list of strings as JSON, and references shown by name.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "model/page.hpp"

namespace cp::reports {

// What a reference shows: the page's title once resolved, else the text as written.
inline const std::string& shown(const model::Ref& r) { return r.label.empty() ? r.text : r.label; }

// "Ada Okafor, Tom Bramley": the references shown, comma-separated.
inline std::string names(const std::vector<model::Ref>& refs) {
    std::string out;
    for (const auto& r : refs) out += (out.empty() ? "" : ", ") + shown(r);
    return out;
}

inline nlohmann::json strings(const std::vector<std::string>& items) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : items) out.push_back(s);
    return out;
}

}  // namespace cp::reports
