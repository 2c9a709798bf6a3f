// The config (commonplace.yaml): parsed, then used to read a small memory, so that what it sets
// (exclude patterns, field_map, default_visibility, public_names) is exercised as a build uses it.
#include <cstdint>
#include <string>
#include <string_view>

#include "audience/filter.hpp"
#include "fuzz_memory.hpp"
#include "parallel/pool.hpp"

using namespace cp;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    diag::Sink sink;
    config::Config config = config::parse_config(text, "commonplace.yaml", sink);
    static const std::string memory =
        "==== notes/handover.md\n---\ntitle: Night handovers\nvisibility: public\ntags: [handover]\n"
        "authors: [ada-okafor]\n---\nWe met in [[ada-okafor]]'s ward.\n"
        "==== people/ada-okafor.md\n---\ntitle: Ada Okafor\nrole: ward sister\n---\nAda.\n"
        "==== meetings/2016/2016-03-01-handovers.md\n---\ntitle: Handovers\ndate: 2016-03-01\n"
        "attendees: [ada-okafor]\nsummary: we talked\n---\nNotes.\n"
        "==== drafts/tmp.md\n---\ntitle: Scratch\n---\nscratch\n";
    source::Snapshot snapshot = fuzz::snapshot_of(fuzz::files_of(memory));
    diag::Sink load_sink;
    model::Site site = fuzz::load(snapshot, config, load_sink);
    parallel::Pool pool(1);
    (void)audience::filter(std::move(site), {audience::Audience::Public, false}, pool);
    return 0;
}
