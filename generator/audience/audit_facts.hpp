#pragma once
// What a public build must not contain, worked out from the unfiltered site before the
// audience filter runs. It holds the forbidden strings themselves, so it goes to the
// audit of the written files and nowhere else: no template or index ever sees it.
#include <string>
#include <vector>

#include "audience/filter.hpp"
#include "audience/matcher.hpp"
#include "model/site.hpp"
#include "source/snapshot.hpp"

namespace cp::audience {

struct Forbidden {
    std::string text;  // in audit_text form: what must not occur
    Edge edge = Edge::Word;
    std::string what;  // for the message: "the title of notes/x.md", never the text itself
};

struct AuditFacts {
    std::vector<Forbidden> forbidden;
    std::vector<std::string> urls;  // site-absolute addresses of what was filtered, for links read from HTML
    std::string base_url;           // the site's absolute URL, to read absolute links as site addresses
};

// Works out, from the site as loaded (before filtering) and its sources, every string the
// build for `options` must not write (see ARCHITECTURE.md, "Audiences", for the rules that
// keep common words out). Never fails. E-mail addresses from git and front matter are
// always forbidden; the rest only when the build leaves pages or blocks out.
// `versions_as_written`: the old versions of the pages the build keeps, unfiltered
// (site::read_versions_as_written); the site's own are already as the build shows them.
AuditFacts audit_facts(const model::Site& unfiltered, const model::VersionsRead& versions_as_written,
                       const source::Snapshot& snapshot, const FilterOptions& options);

}  // namespace cp::audience
