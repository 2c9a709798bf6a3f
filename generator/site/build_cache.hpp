#pragma once
// What one build hands to the next in the same process (serve's rebuild after a save): the
// parts of a build that depend only on inputs that did not change, each kept with everything
// it was made from, so that a rebuild reads, parses and renders only what the save touched.
// A build without one (the command line's) makes everything, as before; the preview's test
// (tests/unit/preview_test.cpp) checks that a build with one writes the same bytes.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "history/history.hpp"
#include "links/bodies.hpp"
#include "links/resolve.hpp"
#include "model/loader.hpp"
#include "model/versions.hpp"
#include "source/working_tree.hpp"

namespace cp::site {

struct BuildCache {
    // The working tree's files, by path, with the size and modification time they were read at.
    source::FileCache files;
    // Each file as parsed into a page, with the config's text it was parsed with.
    model::PageCache pages;
    // The history of one commit: a save in the working tree does not move HEAD.
    std::string history_commit;
    std::shared_ptr<const history::History> history;
    // The old versions of pages, read from the commits of that history, parsed with the config
    // whose text is `versions_config`; by the page's source path: as a build for the audience
    // `versions_for` shows them (site/page_versions.hpp), and as they were written (for the
    // public audit).
    std::string versions_commit, versions_config, versions_for;
    model::Versions versions_shown;
    model::VersionsRead versions_written;
    // The catalogue of the site's addresses; its key says what it was made from.
    std::shared_ptr<const links::Catalogue> catalogue;
    // Each page's rendered Markdown, with the problems its rendering reported.
    links::BodyCache bodies;
};

}  // namespace cp::site
