#pragma once
// What the search index holds for each page: built from the filtered site only, so a
// public index can hold only public text.
#include <vector>

#include "links/bodies.hpp"
#include "model/site.hpp"
#include "search/search_index.hpp"

namespace cp::site {

// One document per page: its body's words plus the words of its fields (agenda,
// decisions, actions, expertise, practices...) so "who knows what" is searchable too.
std::vector<search::SearchDocument> search_documents(const model::Site& site,
                                                     const std::vector<links::RenderedPage>& bodies);

}  // namespace cp::site
