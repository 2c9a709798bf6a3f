#pragma once
// The context of every page a build of the example memory renders, made by the build's own
// steps (site/build.cpp): load, audience filter, links, bodies, outputs. Shared by the tests
// that need real contexts: the Mustache reference test and the theme contract test.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "audience/filter.hpp"
#include "diag/diagnostic.hpp"
#include "links/resolve.hpp"
#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "site_fixture.hpp"
#include "views/context.hpp"
#include "views/output_item.hpp"

namespace cp::testing {

struct PageCase {
    std::string url;
    std::string template_name;
    nlohmann::json context;
};

// Every page's context for `memory` (at `ref`, when given) built for `audience`.
// `globals`, when given, gets what the build gives every template besides the page's context
// (the words, `t`).
inline std::vector<PageCase> pages_of(const std::filesystem::path& memory, audience::Audience audience,
                                      const std::string& ref = "", nlohmann::json* globals = nullptr) {
    TempFolder tmp;
    auto options = options_for(memory, tmp / "site");
    options.audience = audience;
    options.ref = ref;
    diag::Sink sink;
    parallel::Pool pool(2);
    site::Loaded loaded = site::load(options, pool, sink);
    REQUIRE(loaded.ok);
    REQUIRE_FALSE(sink.has_errors());
    if (globals) *globals = {{"t", loaded.site.words.templates()}};
    links::Catalogue catalogue = links::catalogue_of(loaded.site);
    links::ResolveOptions resolve_options;
    resolve_options.max_bytes = loaded.site.config.max_file_size;
    auto resolved = links::resolve(audience::filter(std::move(loaded.site), {audience, false}, pool), catalogue,
                                   resolve_options, pool, sink);
    const model::Site& site = resolved->site();
    REQUIRE_FALSE(sink.has_errors());
    site::Outputs outputs = site::make_outputs(*resolved, pool, sink);
    REQUIRE_FALSE(sink.has_errors());
    std::vector<PageCase> out;
    for (const auto& page : outputs.pages) out.push_back({page.url, page.template_name, views::context_of(page)});
    for (std::size_t i = 0; i < site.pages.size(); ++i)
        out.push_back({site.pages[i].url, views::template_for(site.pages[i]), outputs.page_contexts->make(i)});
    return out;
}

inline std::vector<PageCase> example_pages(audience::Audience audience) { return pages_of(example_memory(), audience); }

}  // namespace cp::testing
