#include "site/build.hpp"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "audience/guard.hpp"
#include "config/config.hpp"
#include "diag/printer.hpp"
#include "diag/summary.hpp"
#include "indexes/lists.hpp"
#include "links/bodies.hpp"
#include "links/resolve.hpp"
#include "links/resolved_site.hpp"
#include "model/loader.hpp"
#include "output/writer.hpp"
#include "parallel/pool.hpp"
#include "site/pipeline.hpp"
#include "source/working_tree.hpp"
#include "theme/theme.hpp"
#include "views/context.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

// The process's resident memory now, its peak so far and the mapped files' part of it, in MB, from /proc/self/status
// (Linux); {0, 0} where there is none. Printed beside each step's time, so that what holds
// the memory at each step is measured by the build itself (issue #20's breakdown).
struct Resident {
    long now = 0, peak = 0, files = 0;  // files: of `now`, the pages of mapped files (git's packs)
};
Resident resident_megabytes() {
    std::ifstream status("/proc/self/status");
    Resident r;
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) r.now = std::atol(line.c_str() + 6) / 1024;
        if (line.rfind("VmHWM:", 0) == 0) r.peak = std::atol(line.c_str() + 6) / 1024;
        if (line.rfind("RssFile:", 0) == 0) r.files = std::atol(line.c_str() + 8) / 1024;
    }
    return r;
}

class StepTimer {
public:
    StepTimer(bool enabled, std::ostream& err) : enabled_(enabled), err_(err), last_(Clock::now()) {}
    void step(const char* name) {
        auto now = Clock::now();
        if (enabled_) {
            Resident r = resident_megabytes();
            err_ << "  " << name << ": " << std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()
                 << " ms (resident " << r.now << " MB, peak " << r.peak << " MB, mapped files " << r.files << " MB)\n";
        }
        last_ = now;
    }

private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    std::ostream& err_;
    Clock::time_point last_;
};

// Past this many problems, a summary by kind closes the list: one cause, one line.
constexpr std::size_t kSummaryFrom = 10;

// Prints the sink's problems with their source lines, capped at `limit` (0: no cap), a summary
// by kind past kSummaryFrom, and then the personal-data guard's summary, a line per kind, when
// it found any.
void print_problems(const diag::Sink& sink, const source::Snapshot& snapshot, std::ostream& err, std::size_t limit,
                    const audience::GuardReport& guard = {}) {
    auto problems = sink.sorted();
    diag::print(
        err, problems,
        [&](const std::string& path) -> std::string {
            const source::SourceFile* f = snapshot.find(path);
            return f ? f->content : std::string{};
        },
        limit == 0 ? problems.size() : limit);
    if (problems.size() > kSummaryFrom) diag::print_summary(err, problems);
    for (const auto& line : audience::guard_summary(guard)) err << "commonplace: " << line << "\n";
}

}  // namespace

int run(const BuildOptions& options, Mode mode, std::ostream& err) {
    // The build's large data, held together so that it can be left to the process's exit.
    struct Held {
        Loaded loaded;
        std::unique_ptr<const links::ResolvedSite> resolved;
        Outputs outputs;
    };
    auto held = std::make_unique<Held>();
    struct LeaveToExit {
        std::unique_ptr<Held>& held;
        bool leave;
        ~LeaveToExit() {
            if (leave) (void)held.release();  // deliberately never freed: see BuildOptions::free_memory
        }
    } leave_to_exit{held, false};

    diag::Sink sink;
    StepTimer timer(options.timings, err);
    // Every thread of the build, made here once and handed to each step that works in parallel.
    // Declared after `held`, whose data its threads use, so it is destroyed (joined) first.
    parallel::Pool pool(options.jobs);

    Loaded& loaded = held->loaded;
    loaded = load(options, pool, sink, [&](const char* name) { timer.step(name); });
    // check goes on past errors in the files, to report every problem in one run.
    if ((sink.has_errors() && mode != Mode::Check) || !loaded.ok) {
        print_problems(sink, loaded.snapshot, err, options.max_problems);
        err << "commonplace: " << sink.error_count() << " error(s); nothing was written\n";
        return kExitContentError;
    }

    const links::Catalogue& catalogue = loaded.catalogue;
    // What the public build must not contain, known only before the filter removes it.
    audience::AuditFacts audit_facts;
    bool is_public = options.audience == audience::Audience::Public;
    if (is_public)
        audit_facts = audience::audit_facts(loaded.site, loaded.snapshot, {options.audience, options.drafts});
    model::Site filtered = audience::filter(std::move(loaded.site), {options.audience, options.drafts}, pool);
    timer.step("audience filter");
    // On exactly what the public site will show, before anything is derived from it.
    audience::GuardReport guard;
    if (is_public) {
        guard = audience::guard_personal_data(filtered, loaded.snapshot, &audit_facts, pool, sink);
        audience::hand_to_audit(guard, audit_facts);
        timer.step("personal data");
    }

    links::ResolveOptions resolve_options;
    resolve_options.strictness = mode == Mode::Check ? links::Strictness::Check : links::Strictness::Build;
    resolve_options.max_bytes = filtered.config.max_file_size;
    // A recording's player is the theme's `media` template (its words are the theme's to translate).
    resolve_options.media_html = [theme = loaded.theme.get(),
                                  language = filtered.config.language](const markdown::MediaEmbed& media) {
        if (!theme || !theme->has("media")) return markdown::default_media_html(media);
        return theme->render("media", views::media_context(media, language));
    };
    held->resolved = links::resolve(std::move(filtered), catalogue, resolve_options, pool, sink);
    const links::ResolvedSite& resolved = *held->resolved;
    const model::Site& site = resolved.site();  // from here on, nothing changes the site
    timer.step("markdown and links");

    if (mode == Mode::Check) {
        print_problems(sink, loaded.snapshot, err, options.max_problems, guard);
        // A clean memory prints nothing, like a compiler.
        if (sink.error_count() + sink.warning_count() > 0)
            err << "commonplace check: " << sink.error_count() << " error(s), " << sink.warning_count()
                << " warning(s)\n";
        return sink.has_errors() ? kExitContentError : kExitOk;
    }
    if (sink.has_errors()) {
        print_problems(sink, loaded.snapshot, err, options.max_problems, guard);
        err << "commonplace: " << sink.error_count() << " error(s); the earlier output is untouched\n";
        return kExitContentError;
    }

    Outputs& outputs = held->outputs;
    outputs = make_outputs(resolved, pool, sink);
    timer.step("indexes");

    try {
        output::SiteWriter writer(options.output);
        write_outputs(site, outputs, *loaded.theme, loaded.snapshot, writer, pool, sink);
        timer.step("render and write");
        std::string verdict;
        if (!sink.has_errors() && is_public) {
            std::size_t errors = sink.error_count();
            std::size_t files = audit_public_output(writer, audit_facts, pool, sink);
            timer.step("public audit");
            verdict = sink.error_count() == errors
                ? "commonplace: public audit: " + std::to_string(files) +
                    " files read back, nothing found that must not be public\n"
                : "commonplace: public audit: " + std::to_string(sink.error_count() - errors) +
                    " leak(s) found in the written files; nothing is published\n";
        }
        if (sink.has_errors()) {
            print_problems(sink, loaded.snapshot, err, options.max_problems, guard);
            err << verdict << "commonplace: " << sink.error_count() << " error(s); the earlier output is untouched\n";
            return kExitContentError;
        }
        writer.commit();
        timer.step("swap in");
        print_problems(sink, loaded.snapshot, err, options.max_problems,
                       guard);  // warnings: the build went on, but they are worth reading
        if (!options.quiet || !guard.reported.empty()) err << verdict;
        // Only a finished build is left to the exit: on the way out of a failed one, a thread
        // (the search index's) may still be running, and its data must be waited for.
        leave_to_exit.leave = !options.free_memory;
        if (!options.quiet) {
            err << "commonplace: built " << writer.paths().size() << " files (" << site.pages.size() << " pages, "
                << model::audience_name(site.audience) << ") into " << options.output.string() << "\n";
        }
    } catch (const std::exception& e) {
        print_problems(sink, loaded.snapshot, err, options.max_problems, guard);
        err << "commonplace: build failed: " << e.what() << "; the earlier output is untouched\n";
        return kExitContentError;
    }
    return kExitOk;
}

int build(const BuildOptions& options, std::ostream& err) { return run(options, Mode::Build, err); }

int check(const BuildOptions& options, std::ostream& err) { return run(options, Mode::Check, err); }

}  // namespace cp::site
