#include "indexes/labels.hpp"

namespace cp::indexes {

std::string kind_heading(const i18n::Catalog& words, const std::string& kind) {
    return words.label("kind_headings", kind);
}

std::string kind_label(const i18n::Catalog& words, const std::string& kind) {
    return words.label("kinds", kind.empty() ? "note" : kind);
}

}  // namespace cp::indexes
