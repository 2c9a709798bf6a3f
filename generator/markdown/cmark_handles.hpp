#pragma once
// RAII owners for cmark-gfm's C objects, for every place that parses Markdown (the renderer,
// the versions' paragraphs, the minutes reader).
#include <cmark-gfm.h>

#include <memory>

namespace cp::markdown {

struct ParserFree {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserFree>;
using NodePtr = std::unique_ptr<cmark_node, NodeFree>;

}  // namespace cp::markdown
