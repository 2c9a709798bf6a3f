#include "site/build.hpp"

#include <chrono>
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

class StepTimer {
public:
    StepTimer(bool enabled, std::ostream& err) : enabled_(enabled), err_(err), last_(Clock::now()) {}
    void step(const char* name) {
        auto now = Clock::now();
        if (enabled_)
            err_ << "  " << name << ": " << std::chrono::duration_cast<std::chrono::milliseconds>(now - last_).count()
                 << " ms\n";
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

// The build's large data, held together so that it can be left to the process's exit.
struct Held {
    Loaded loaded;
    std::unique_ptr<const links::ResolvedSite> resolved;
    Outputs outputs;
};

// Leaves the held data unfreed on the way out when `leave` is set.
struct LeaveToExit {
    std::unique_ptr<Held>& held;
    bool leave;
    ~LeaveToExit() {
        if (leave) (void)held.release();  // deliberately never freed: see BuildOptions::free_memory
    }
};

// What a public build checks besides the filter: what the audit of the written files will look
// for, and what the personal-data guard found. Both empty in a community build.
struct PublicChecks {
    audience::AuditFacts audit_facts;
    audience::GuardReport guard;
};

// The audience step: the loaded site filtered for the audience. A public build first works out
// what the audit must look for (known only before the filter removes it), and after the filter
// runs the personal-data guard on exactly what the public site will show, before anything is
// derived from it.
model::Site filter_for_audience(Loaded& loaded, const BuildOptions& options, parallel::Pool& pool, PublicChecks& checks,
                                StepTimer& timer, diag::Sink& sink) {
    const bool is_public = options.audience == audience::Audience::Public;
    if (is_public)
        checks.audit_facts = audience::audit_facts(loaded.site, loaded.snapshot, {options.audience, options.drafts});
    model::Site filtered = audience::filter(std::move(loaded.site), {options.audience, options.drafts}, pool);
    timer.step("audience filter");
    if (is_public) {
        checks.guard = audience::guard_personal_data(filtered, loaded.snapshot, &checks.audit_facts, pool, sink);
        audience::hand_to_audit(checks.guard, checks.audit_facts);
        timer.step("personal data");
    }
    return filtered;
}

// How the Markdown and links are resolved: strictly in check, within the memory's file size
// limit, and a recording's player from the theme's `media` template (its words are the
// theme's to translate).
links::ResolveOptions resolve_options_for(Mode mode, const model::Site& filtered, const Loaded& loaded) {
    links::ResolveOptions resolve_options;
    resolve_options.strictness = mode == Mode::Check ? links::Strictness::Check : links::Strictness::Build;
    resolve_options.max_bytes = filtered.config.max_file_size;
    resolve_options.media_html = [theme = loaded.theme.get(),
                                  language = filtered.config.language](const markdown::MediaEmbed& media) {
        if (!theme || !theme->has("media")) return markdown::default_media_html(media);
        return theme->render("media", views::media_context(media, language));
    };
    return resolve_options;
}

// check's end: every problem, and a count when there is any (a clean memory prints nothing,
// like a compiler).
int report_check(const diag::Sink& sink, const Loaded& loaded, const BuildOptions& options, const PublicChecks& checks,
                 std::ostream& err) {
    print_problems(sink, loaded.snapshot, err, options.max_problems, checks.guard);
    if (sink.error_count() + sink.warning_count() > 0)
        err << "commonplace check: " << sink.error_count() << " error(s), " << sink.warning_count() << " warning(s)\n";
    return sink.has_errors() ? kExitContentError : kExitOk;
}

// Public builds, when nothing else went wrong: reads the written files back for what must not
// be public (each hit an error). Returns the verdict line, or "" when nothing was audited.
std::string audit_written(const output::SiteWriter& writer, const BuildOptions& options, const PublicChecks& checks,
                          parallel::Pool& pool, StepTimer& timer, diag::Sink& sink) {
    if (sink.has_errors() || options.audience != audience::Audience::Public) return {};
    std::size_t errors = sink.error_count();
    std::size_t files = audit_public_output(writer, checks.audit_facts, pool, sink);
    timer.step("public audit");
    return sink.error_count() == errors ? "commonplace: public audit: " + std::to_string(files) +
            " files read back, nothing found that must not be public\n"
                                        : "commonplace: public audit: " + std::to_string(sink.error_count() - errors) +
            " leak(s) found in the written files; nothing is published\n";
}

// The last steps: renders and writes everything into a staging folder, audits it (public
// builds) and swaps it in when nothing is wrong, then prints the problems (warnings) and what
// was built. Returns the exit status; on any error, or an exception, the earlier output is
// left untouched. A finished build sets `leave_to_exit` as the options ask.
int write_site(const BuildOptions& options, const Loaded& loaded, const links::ResolvedSite& resolved,
               const Outputs& outputs, const PublicChecks& checks, parallel::Pool& pool, StepTimer& timer,
               diag::Sink& sink, LeaveToExit& leave_to_exit, std::ostream& err) {
    const model::Site& site = resolved.site();
    try {
        output::SiteWriter writer(options.output);
        write_outputs(site, outputs, *loaded.theme, loaded.snapshot, writer, pool, sink);
        timer.step("render and write");
        std::string verdict = audit_written(writer, options, checks, pool, timer, sink);
        if (sink.has_errors()) {
            print_problems(sink, loaded.snapshot, err, options.max_problems, checks.guard);
            err << verdict << "commonplace: " << sink.error_count() << " error(s); the earlier output is untouched\n";
            return kExitContentError;
        }
        writer.commit();
        timer.step("swap in");
        print_problems(sink, loaded.snapshot, err, options.max_problems,
                       checks.guard);  // warnings: the build went on, but they are worth reading
        if (!options.quiet || !checks.guard.reported.empty()) err << verdict;
        // Only a finished build is left to the exit: on the way out of a failed one, a thread
        // (the search index's) may still be running, and its data must be waited for.
        leave_to_exit.leave = !options.free_memory;
        if (!options.quiet) {
            err << "commonplace: built " << writer.paths().size() << " files (" << site.pages.size() << " pages, "
                << model::audience_name(site.audience) << ") into " << options.output.string() << "\n";
        }
    } catch (const std::exception& e) {
        print_problems(sink, loaded.snapshot, err, options.max_problems, checks.guard);
        err << "commonplace: build failed: " << e.what() << "; the earlier output is untouched\n";
        return kExitContentError;
    }
    return kExitOk;
}

}  // namespace

int run(const BuildOptions& options, Mode mode, std::ostream& err) {
    auto held = std::make_unique<Held>();
    LeaveToExit leave_to_exit{held, false};
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

    PublicChecks checks;
    model::Site filtered = filter_for_audience(loaded, options, pool, checks, timer, sink);
    const links::ResolveOptions resolve_options = resolve_options_for(mode, filtered, loaded);
    held->resolved = links::resolve(std::move(filtered), loaded.catalogue, resolve_options, pool, sink);
    const links::ResolvedSite& resolved = *held->resolved;  // from here on, nothing changes the site
    timer.step("markdown and links");

    if (mode == Mode::Check) return report_check(sink, loaded, options, checks, err);
    if (sink.has_errors()) {
        print_problems(sink, loaded.snapshot, err, options.max_problems, checks.guard);
        err << "commonplace: " << sink.error_count() << " error(s); the earlier output is untouched\n";
        return kExitContentError;
    }

    held->outputs = make_outputs(resolved, pool, sink);
    timer.step("indexes");
    return write_site(options, loaded, resolved, held->outputs, checks, pool, timer, sink, leave_to_exit, err);
}

int build(const BuildOptions& options, std::ostream& err) { return run(options, Mode::Build, err); }

int check(const BuildOptions& options, std::ostream& err) { return run(options, Mode::Check, err); }

}  // namespace cp::site
