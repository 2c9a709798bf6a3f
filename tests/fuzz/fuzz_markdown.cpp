// Markdown with links, wikilinks and `:::community` blocks, through the path a build takes: the
// audience filter's block handling, then the renderer with the real link resolver of a small
// memory (public and community pages, a person, a meeting), in a community or a public build.
// Raw HTML is left out by the renderer, so no input may put a script or a javascript: link in
// the page.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "audience/filter.hpp"
#include "fuzz_memory.hpp"
#include "links/resolved_site.hpp"
#include "markdown/extensions.hpp"
#include "markdown/render.hpp"
#include "parallel/pool.hpp"

using namespace cp;

namespace {

const char* kMemory =
    "==== notes/handover.md\n---\ntitle: Night handovers\nvisibility: public\ntags: [handover]\n---\nPublic.\n"
    "==== notes/secret-review.md\n---\ntitle: Ward 7 review\n---\nCommunity only.\n"
    "==== people/ada-okafor.md\n---\ntitle: Ada Okafor\nvisibility: public\n---\nAda.\n"
    "==== people/gareth-evans.md\n---\ntitle: Gareth Evans\n---\nGareth.\n"
    "==== meetings/2016/2016-03-01-handovers.md\n---\ntitle: Handovers\ndate: 2016-03-01\nvisibility: public\n---\nNotes.\n"
    "==== domains/safer-handovers.md\n---\ntitle: Safer handovers\nvisibility: public\n---\nDomain.\n";

// One audience's view of the memory, made once.
struct Built {
    links::Catalogue catalogue;
    std::unique_ptr<const links::ResolvedSite> resolved;
    std::size_t page = 0;  // notes/handover.md, the page the fuzzed body is rendered as
};

Built build_for(audience::Audience audience) {
    Built built;
    diag::Sink sink;
    source::Snapshot snapshot = fuzz::snapshot_of(fuzz::files_of(kMemory));
    model::Site unfiltered = fuzz::load(snapshot, config::Config{}, sink);
    built.catalogue = links::catalogue_of(unfiltered);
    parallel::Pool pool(1);
    built.resolved = links::resolve(audience::filter(std::move(unfiltered), {audience, false}, pool), built.catalogue,
                                    {}, pool, sink);
    const auto& pages = built.resolved->site().pages;
    for (std::size_t i = 0; i < pages.size(); ++i)
        if (pages[i].source_path == "notes/handover.md") built.page = i;
    return built;
}

bool contains_folded(std::string_view haystack, std::string_view needle) {
    std::string lower(haystack);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find(needle) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    markdown::register_extensions();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 1) return 0;
    static const Built community = build_for(audience::Audience::Community);
    static const Built published = build_for(audience::Audience::Public);
    // The first byte chooses the build: its audience and how strict links are.
    bool is_public = data[0] & 1;
    auto strictness = data[0] & 2 ? links::Strictness::Check : links::Strictness::Build;
    std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
    const Built& built = is_public ? published : community;

    std::string filtered =
        audience::filter_community_blocks(body, is_public ? audience::Audience::Public : audience::Audience::Community);
    diag::Sink sink;
    links::PageLinks found;
    auto resolver = links::make_resolver(built.resolved->index(), built.resolved->site().pages[built.page],
                                         built.catalogue, strictness, sink, found);
    markdown::RenderOptions options;
    options.first_line = 5;
    options.title = "Night handovers";
    markdown::Rendered rendered = markdown::render(filtered, resolver, options);
    if (contains_folded(rendered.html, "<script") || contains_folded(rendered.html, "href=\"javascript:") ||
        contains_folded(rendered.html, "src=\"javascript:")) {
        std::fprintf(stderr, "raw HTML or a script link reached the page:\n%s\n", rendered.html.c_str());
        std::abort();
    }
    return 0;
}
