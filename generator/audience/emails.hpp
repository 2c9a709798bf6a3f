#pragma once
// E-mail addresses: found in text, and kept out of every page the filter hands on.
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/page.hpp"

namespace cp::audience {

// Where each e-mail address (local@domain.tld) starts in `text`, and its length. Never fails.
std::vector<std::pair<std::size_t, std::size_t>> find_email_addresses(std::string_view text);

// `text` with every e-mail address in it replaced by "(e-mail hidden)". Never fails.
std::string without_email_addresses(std::string_view text);

// Calls `edit` on every front-matter string a page shows (fields, references, unknown
// fields under params), each of which it may change. Never fails.
void edit_shown_strings(model::Page& page, const std::function<void(std::string&)>& edit);

// Replaces the e-mail addresses in every front-matter string of a page (fields, references,
// unknown fields under params): the contract never lets one reach an output file.
void hide_email_addresses(model::Page& page);

}  // namespace cp::audience
