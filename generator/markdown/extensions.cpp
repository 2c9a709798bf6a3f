#include "markdown/extensions.hpp"

#include <cmark-gfm-core-extensions.h>

namespace cp::markdown {

void register_extensions() { cmark_gfm_core_extensions_ensure_registered(); }

}  // namespace cp::markdown
