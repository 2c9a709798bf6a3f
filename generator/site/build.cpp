#include "site/build.hpp"

#include <iostream>
#include <map>
#include <utility>

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
#include "site/build_cache.hpp"
#include "site/pipeline.hpp"
#include "site/step_timer.hpp"
#include "source/read_again.hpp"
#include "source/working_tree.hpp"
#include "theme/theme.hpp"
#include "views/context.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

// Past this many problems, a summary by kind closes the list: one cause, one line.
constexpr std::size_t kSummaryFrom = 10;

}  // namespace

// Prints the sink's problems with their source lines, capped at `limit` (0: no cap), a summary
// by kind past kSummaryFrom, and then the personal-data guard's summary, a line per kind, when
// it found any.
void print_problems(const diag::Sink& sink, const source::Snapshot& snapshot, std::ostream& err, std::size_t limit,
                    const audience::GuardReport& guard) {
    auto problems = sink.sorted();
    source::ReadAgain reader(snapshot);
    std::map<std::string, std::string> texts;  // each file's, read once for all its problems
    diag::print(
        err, problems,
        [&](const std::string& path) -> std::string {
            auto [at, added] = texts.try_emplace(path);
            if (const source::SourceFile* f = snapshot.find(path); added && f)
                at->second = reader.text_of(*f).value_or(std::string{});
            return at->second;
        },
        limit == 0 ? problems.size() : limit);
    if (problems.size() > kSummaryFrom) diag::print_summary(err, problems);
    for (const auto& line : audience::guard_summary(guard)) err << "commonplace: " << line << "\n";
}

namespace {

// The public build's audit of what it wrote, as the line that says what it found.
std::string audit_verdict(const output::SiteWriter& writer, const audience::AuditFacts& facts, parallel::Pool& pool,
                          diag::Sink& sink, StepTimer& timer) {
    std::size_t errors = sink.error_count();
    std::size_t files = audit_public_output(writer, facts, pool, sink);
    timer.step("public audit");
    return sink.error_count() == errors ? "commonplace: public audit: " + std::to_string(files) +
            " files read back, nothing found that must not be public\n"
                                        : "commonplace: public audit: " + std::to_string(sink.error_count() - errors) +
            " leak(s) found in the written files; nothing is published\n";
}

// The pages' Markdown, read, filtered, audited and rendered by now, is not read again: what a
// build kept of each page's source text (a public build's front matter; serve's whole texts) is
// let go, and the lines the printed problems quote are read again (source::ReadAgain).
void forget_page_texts(source::Snapshot& snapshot) {
    for (auto& file : snapshot.files)
        if (file.path.ends_with(".md") && !file.underscored && !file.path.starts_with("assets/"))
            source::let_go_of_text(file);
}

}  // namespace

std::unique_ptr<Prepared> prepare(const BuildOptions& options, Mode mode, parallel::Pool& pool, diag::Sink& sink,
                                  const std::function<void(const char*)>& step) {
    auto step_ends = [&step](const char* name) {
        if (step) step(name);
    };
    auto held = std::make_unique<Prepared>();
    Loaded& loaded = held->loaded;
    loaded = load(options, pool, sink, step);
    // check goes on past errors in the files, to report every problem in one run.
    if ((sink.has_errors() && mode != Mode::Check) || !loaded.ok) return held;

    const links::Catalogue& catalogue = *loaded.catalogue;
    // What the public build must not contain, known only before the filter removes it.
    bool is_public = options.audience == audience::Audience::Public;
    if (is_public)
        held->audit_facts = audience::audit_facts(loaded.site, std::exchange(loaded.versions_as_written, {}),
                                                  loaded.snapshot, {options.audience, options.drafts});
    model::Site filtered = audience::filter(std::move(loaded.site), {options.audience, options.drafts}, pool);
    step_ends("audience filter");
    // On exactly what the public site will show, before anything is derived from it.
    if (is_public) {
        held->guard = audience::guard_personal_data(filtered, loaded.snapshot, &held->audit_facts, pool, sink);
        audience::hand_to_audit(held->guard, held->audit_facts);
        step_ends("personal data");
    }

    links::ResolveOptions resolve_options;
    resolve_options.strictness = mode == Mode::Check ? links::Strictness::Check : links::Strictness::Build;
    resolve_options.max_bytes = filtered.config.max_file_size;
    resolve_options.cache = options.cache ? &options.cache->bodies : nullptr;
    // A recording's player is the theme's `media` template (its words are the theme's to translate).
    resolve_options.media_html = [theme = loaded.theme.get(),
                                  language = filtered.config.language](const markdown::MediaEmbed& media) {
        if (!theme || !theme->has("media")) return markdown::default_media_html(media);
        return theme->render("media", views::media_context(media, language));
    };
    held->resolved = links::resolve(std::move(filtered), catalogue, resolve_options, pool, sink);
    // Nothing after the links step looks addresses up in it (serve's cache holds its own).
    loaded.catalogue.reset();
    step_ends("markdown and links");
    if (mode == Mode::Check || sink.has_errors()) return held;
    forget_page_texts(loaded.snapshot);
    held->outputs = make_outputs(*held->resolved, pool, sink);
    step_ends("indexes");
    return held;
}

int run(const BuildOptions& options, Mode mode, std::ostream& err) {
    diag::Sink sink;
    StepTimer timer(options.timings, err);
    // Every thread of the build, made here once and handed to each step that works in parallel.
    parallel::Pool pool(options.jobs);
    std::unique_ptr<Prepared> held = prepare(options, mode, pool, sink, [&](const char* name) { timer.step(name); });
    // The build's large data is left to the process's exit (see BuildOptions::free_memory), but
    // only a finished build's: on the way out of a failed one, a thread (the search index's)
    // may still be running, and its data must be waited for.
    bool leave = false;
    struct LeaveToExit {
        std::unique_ptr<Prepared>& held;
        bool& leave;
        ~LeaveToExit() {
            if (leave) (void)held.release();  // deliberately never freed
        }
    } leave_to_exit{held, leave};
    const Loaded& loaded = held->loaded;
    const audience::GuardReport& guard = held->guard;
    if (!held->resolved) {
        print_problems(sink, loaded.snapshot, err, options.max_problems);
        err << "commonplace: " << sink.error_count() << " error(s); nothing was written\n";
        return kExitContentError;
    }
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
    const model::Site& site = held->resolved->site();  // from here on, nothing changes the site
    try {
        output::SiteWriter writer(options.output);
        write_outputs(site, held->outputs, *loaded.theme, loaded.snapshot, writer, pool, sink);
        timer.step("render and write");
        std::string verdict = site.audience == model::Audience::Public && !sink.has_errors()
            ? audit_verdict(writer, held->audit_facts, pool, sink, timer)
            : std::string{};
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
        leave = !options.free_memory;
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
