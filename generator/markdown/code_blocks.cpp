#include "markdown/code_blocks.hpp"

#include <cmark-gfm.h>

namespace cp::markdown {

std::vector<std::pair<int, int>> code_block_lines(std::string_view markdown) {
    std::vector<std::pair<int, int>> out;
    cmark_node* root = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
    if (!root) return out;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_CODE_BLOCK)
            out.emplace_back(cmark_node_get_start_line(n), cmark_node_get_end_line(n));
    }
    cmark_iter_free(iter);
    cmark_node_free(root);
    return out;
}

}  // namespace cp::markdown
