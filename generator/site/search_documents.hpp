#pragma once
// What the search index holds for each page: built from the filtered site only, so a
// public index can hold only public text.
#include <vector>

#include "links/resolved_site.hpp"
#include "search/search_index.hpp"

namespace cp::site {

// One document per page: its body's words plus the words of its fields (agenda,
// decisions, actions, expertise, practices...) so "who knows what" is searchable too.
std::vector<search::SearchDocument> search_documents(const links::ResolvedSite& resolved);

}  // namespace cp::site
