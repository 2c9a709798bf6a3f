#pragma once
// The fields of one page's front matter, read into the Page by type (contract section 2),
// with the config's field_map applied.
#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "model/page.hpp"

namespace cp::model {

// Reads every field of the front-matter mapping `tree` into `page` (a `type:` field first, as it
// decides which fields apply). Wrong shapes and values are errors, misspelt keys warnings, all at
// the key or value in the file; the other fields are still read. Unknown fields go to page.params.
// Returns whether a date was written, right or wrong.
bool read_fields(Page& page, const frontmatter::YamlNode& tree, const config::Config& config, diag::Sink& sink);

}  // namespace cp::model
