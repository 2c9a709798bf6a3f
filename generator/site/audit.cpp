#include "site/pipeline.hpp"

namespace cp::site {

void audit_public_output(const output::SiteWriter& writer, diag::Sink& sink) {
    (void)writer;
    (void)sink;
}

}  // namespace cp::site
