#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include <filesystem>

#include "cli/scaffold.hpp"
#include "cli/serve.hpp"
#include "model/audience.hpp"
#include "site/build.hpp"

#ifndef COMMONPLACE_THEMES_DIR
#define COMMONPLACE_THEMES_DIR "themes"
#endif

namespace cp::cli {

namespace fs = std::filesystem;

namespace {

// Where the themes are: beside the binary's install (share/commonplace/themes) or the source tree.
fs::path default_themes_dir() {
    if (const char* env = std::getenv("COMMONPLACE_THEMES")) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "commonplace" / "themes";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return COMMONPLACE_THEMES_DIR;
}

void add_source_options(CLI::App* cmd, site::BuildOptions& o, std::string& audience) {
    cmd->add_option("SOURCE", o.source, "the memory's folder")->capture_default_str();
    cmd->add_option("--ref", o.ref, "build the memory as it was at this commit, tag or branch");
    cmd->add_option("--config", o.config_file, "read the config from this file instead of SOURCE/commonplace.yaml");
    cmd->add_option("--max-problems", o.max_problems, "print at most this many problems in full (0: all)")
        ->capture_default_str();
    cmd->add_option("--as-of", o.as_of, "build the memory as it stood on this day (YYYY-MM-DD)");
    cmd->add_option("--as-of-meeting", o.as_of_meeting, "build the memory as it stood on this meeting's day (its slug)")
        ->excludes(cmd->get_option("--as-of"));
    cmd->add_option("--audience", audience, "community or public")
        ->check(CLI::IsMember(
            {model::audience_name(model::Audience::Community), model::audience_name(model::Audience::Public)}))
        ->capture_default_str();
    cmd->add_flag("--drafts", o.drafts, "include drafts");
    cmd->add_option("-j,--jobs", o.jobs, "worker threads (default: every core)");
}

}  // namespace

int run(int argc, char** argv, std::ostream& out, std::ostream& err, bool process_ends_after,
        void (*before_serving)()) {
    CLI::App app{"Commonplace: a community of practice's shared memory, as a static site", "commonplace"};
    app.require_subcommand(1);
    site::BuildOptions options;
    options.themes_dir = default_themes_dir();
    std::string audience = model::audience_name(model::Audience::Community);

    CLI::App* build = app.add_subcommand("build", "render SOURCE into OUT");
    add_source_options(build, options, audience);
    build->add_option("-o,--output", options.output, "the output folder")->capture_default_str();
    build->add_option("--base-url", options.base_url, "the published site's absolute URL");
    build->add_flag("-q,--quiet", options.quiet, "print only problems");
    build->add_flag("--timings", options.timings, "print how long each step took");

    CLI::App* check = app.add_subcommand("check", "validate everything and print each problem");
    add_source_options(check, options, audience);

    ServeOptions serve_options;
    CLI::App* serve_cmd = app.add_subcommand("serve", "preview on 127.0.0.1, rebuilding when a file changes");
    add_source_options(serve_cmd, options, audience);
    serve_cmd->add_option("--port", serve_options.port, "the port to listen on")->capture_default_str();
    serve_cmd->add_option("--stop-after", serve_options.max_seconds, "stop after this many seconds (for scripts)");
    serve_cmd->add_flag("--timings", options.timings, "print how long each step of each rebuild took");

    NewPageOptions new_options;
    CLI::App* new_cmd =
        app.add_subcommand("new", "write a new meeting, note, domain or person with its fields laid out");
    new_cmd->add_option("TYPE", new_options.type, "meeting, note, domain or person")->required();
    new_cmd->add_option("TITLE", new_options.title, "the title")->required();
    new_cmd->add_option("--date", new_options.date, "YYYY-MM-DD (default: today)");
    new_cmd->add_option("--domain", new_options.domain, "a domain slug");
    new_cmd->add_option("-C,--memory", new_options.memory, "the memory's folder")->capture_default_str();

    fs::path init_dir;
    CLI::App* init_cmd =
        app.add_subcommand("init", "start a new memory with a config, a first domain and a git repository");
    init_cmd->add_option("DIR", init_dir, "the folder to start it in")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e, out, err);
        return code == 0 ? 0 : site::kExitUsage;
    }
    options.audience = model::audience_named(audience).value_or(model::Audience::Community);  // checked above
    if (*build) {
        options.free_memory = !process_ends_after;
        return site::build(options, err);
    }
    if (*check) return site::check(options, err);
    if (*serve_cmd) {
        serve_options.build = options;
        if (before_serving) before_serving();
        return serve(serve_options, out, err);
    }
    if (*new_cmd) return new_page(new_options, out, err);
    if (*init_cmd) return init_memory(init_dir, out, err);
    return site::kExitUsage;
}

}  // namespace cp::cli
