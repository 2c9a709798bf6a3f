#pragma once
// /export/memory.json: the whole memory as this build's audience may see it, for deposit in
// an institutional repository: Dublin Core metadata, then every page with its fields, its
// rendered text (HTML with absolute links, and plain), its history and its links.
// /export/schema.json describes it (JSON Schema, draft 2020-12). Reads only the filtered site.
#include <string>
#include <vector>

#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "views/output_item.hpp"

namespace cp::reports {

// The export; `bodies[i]` is site.pages[i] rendered. Pages in address order. Never fails.
views::RawFile memory_export(const links::ResolvedSite& resolved);

// The JSON Schema memory.json is written to.
views::RawFile export_schema();
const std::string& export_schema_text();

}  // namespace cp::reports
