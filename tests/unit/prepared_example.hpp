#pragma once
// The example memory taken through a build's steps up to its outputs (site::prepare), for the
// tests that look at what a build would write before it writes any of it.
#include <memory>

#include "diag/diagnostic.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "site_fixture.hpp"

namespace cp::testing {

struct PreparedExample {
    TempFolder tmp;
    diag::Sink sink;
    parallel::Pool pool{2};
    std::unique_ptr<site::Prepared> prepared =
        site::prepare(options_for(example_memory(), tmp / "site"), site::Mode::Build, pool, sink, {});
};

}  // namespace cp::testing
