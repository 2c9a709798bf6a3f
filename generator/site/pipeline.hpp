#pragma once
// The steps of a build, each a function from the last step's result to the next.
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <vector>

#include "audience/audit_facts.hpp"
#include "audience/guard.hpp"
#include "diag/diagnostic.hpp"
#include "indexes/timeline.hpp"
#include "links/bodies.hpp"
#include "links/resolve.hpp"
#include "links/resolved_site.hpp"
#include "model/site.hpp"
#include "output/writer.hpp"
#include "parallel/pool.hpp"
#include "search/search_index.hpp"
#include "site/build.hpp"
#include "site/page_contexts.hpp"
#include "source/snapshot.hpp"
#include "theme/theme.hpp"
#include "views/output_item.hpp"

namespace cp::site {

enum class Mode { Build, Check };

// Runs a build or a check; see build() and check().
int run(const BuildOptions& options, Mode mode, std::ostream& err);

struct Loaded {
    bool ok = false;
    source::Snapshot snapshot;
    model::Site site;  // unfiltered: hand it to the audience filter and nothing else
    // A public build's: the old versions of the pages it keeps as they were written, for its
    // audit (site.versions holds them as the build shows them).
    model::VersionsRead versions_as_written;
    // The unfiltered site's addresses (links::catalogue_of); serve's is kept between rebuilds.
    // Let go once the links step has used it.
    std::shared_ptr<const links::Catalogue> catalogue = std::make_shared<const links::Catalogue>();
    std::unique_ptr<theme::Theme> theme;
};

// Reads the source (working tree or a git ref), the config, the theme and the history (on a
// thread of `pool`'s while the pages are parsed on its workers), and builds the unfiltered
// site model. Problems go to the sink. `step`, when set, is called with a name as each timed
// part ends ("read source", "history").
Loaded load(const BuildOptions& options, parallel::Pool& pool, diag::Sink& sink,
            const std::function<void(const char*)>& step = {});

// Everything the build writes besides assets and the theme's static files.
struct Outputs {
    std::unique_ptr<PageContexts> page_contexts;  // for every page of site.pages
    std::vector<views::HtmlPage> pages;           // everything else: lists, indexes, home if generated
    std::vector<views::RawFile> files;
    std::vector<std::string> assets;  // site-absolute URLs of assets to copy
    // The search index's files, built when first asked for (make_outputs).
    std::shared_future<std::vector<search::SearchFile>> search_index;
};

// Everything a build makes before it writes: the site as loaded, filtered and resolved, its
// outputs, and (public builds) what the audit looks for. A build writes it; serve holds it
// and renders from it what the browser asks for.
struct Prepared {
    Loaded loaded;
    std::unique_ptr<const links::ResolvedSite> resolved;  // unset when the build stopped at errors
    Outputs outputs;                                      // empty for a check
    audience::AuditFacts audit_facts;
    audience::GuardReport guard;
};

// load, the audience filter (and, public, the personal-data guard), the links step and
// make_outputs, with `step` called with each step's name as it ends. Stops before the links
// step when the files have errors (but for a check, which goes on to report every problem),
// and before make_outputs for a check or when the links step found errors.
std::unique_ptr<Prepared> prepare(const BuildOptions& options, Mode mode, parallel::Pool& pool, diag::Sink& sink,
                                  const std::function<void(const char*)>& step);

// Prints the sink's problems with their source lines, capped at `limit` (0: no cap), a summary
// by kind past ten, and then the personal-data guard's summary, a line per kind, when it
// found any.
void print_problems(const diag::Sink& sink, const source::Snapshot& snapshot, std::ostream& err, std::size_t limit,
                    const audience::GuardReport& guard = {});

// Makes every output from the resolved site: pages, lists, indexes, feeds (the indexes on a
// thread of `pool`'s). `resolved` outlives the outputs: contexts are made as the pages are
// written, and the search index by the first thread that asks for its files
// (search_output_files), which a build does once every page is written.
Outputs make_outputs(const links::ResolvedSite& resolved, parallel::Pool& pool, diag::Sink& sink);

// One file of the site, as a build writes it and serve shows it: the same bytes either way.
struct OutputFile {
    std::string path;    // site-relative: "notes/x/index.html"
    std::string origin;  // what made it, for naming both sides of a clash
    // Its bytes, made when asked for and handed over piece by piece...
    output::SiteWriter::Producer produce;
    // ...or, when set, a file on disk copied as it is.
    std::filesystem::path copy_from;
};

// Reports that `file` would be written where `earlier` (another file's origin) already wrote:
// one must never overwrite the other. The same words in a build and in serve.
void report_clash(const OutputFile& file, const std::string& earlier, diag::Sink& sink);

// The files the outputs make: the site's own pages and the lists rendered through the theme,
// and the made files (feeds, the export). Each producer reads `site`, `outputs` and `theme`,
// which must outlive it.
std::vector<OutputFile> output_files(const model::Site& site, const Outputs& outputs, const theme::Theme& theme);
// How many output_files() makes, and the k-th of them, made alone: a build writes each as it
// makes it.
std::size_t output_file_count(const model::Site& site, const Outputs& outputs);
OutputFile output_file(const model::Site& site, const Outputs& outputs, const theme::Theme& theme, std::size_t k);
// The files copied as they are: the assets the site uses, then the theme's static files.
std::vector<OutputFile> copied_files(const Outputs& outputs, const theme::Theme& theme,
                                     const source::Snapshot& snapshot);
// The search index's files; waits for the index to be built.
std::vector<OutputFile> search_output_files(const Outputs& outputs);

// Renders the pages through the theme (on `pool`'s threads) and writes everything; a path
// written twice is an error naming both origins.
void write_outputs(const model::Site& site, const Outputs& outputs, const theme::Theme& theme,
                   const source::Snapshot& snapshot, output::SiteWriter& writer, parallel::Pool& pool,
                   diag::Sink& sink);

// Public builds only: searches every written file (and file name) for what must not
// be there (`facts`, worked out before the filter); each hit is an error naming the file
// and what was found (read back on `pool`'s threads). Returns how many files (and folders) it
// read back.
std::size_t audit_public_output(const output::SiteWriter& writer, const audience::AuditFacts& facts,
                                parallel::Pool& pool, diag::Sink& sink);

}  // namespace cp::site
