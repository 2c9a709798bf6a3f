#include <filesystem>
#include <fstream>

#include "config/config.hpp"
#include "model/loader.hpp"
#include "parallel/parallel_for.hpp"
#include "site/pipeline.hpp"
#include "source/working_tree.hpp"

namespace cp::site {

namespace fs = std::filesystem;

namespace {

fs::path theme_dir_for(const config::Config& config, const BuildOptions& options) {
    fs::path named(config.theme);
    if (named.is_absolute() || config.theme.find('/') != std::string::npos) {
        return named.is_absolute() ? named : fs::path(options.source) / named;
    }
    return options.themes_dir / config.theme;
}

// The memory's own layouts/NAME.mustache, which replace the theme's templates of that name.
std::map<std::string, std::string> layout_overrides(const source::Snapshot& snapshot) {
    std::map<std::string, std::string> out;
    const std::string prefix = "layouts/", suffix = ".mustache";
    for (const auto& f : snapshot.files) {
        if (f.path.rfind(prefix, 0) != 0 || f.path.size() <= prefix.size() + suffix.size()) continue;
        if (f.path.compare(f.path.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
        std::string name = f.path.substr(prefix.size(), f.path.size() - prefix.size() - suffix.size());
        if (name.find('/') == std::string::npos) out[name] = f.content;
    }
    return out;
}

}  // namespace

Loaded load(const BuildOptions& options, diag::Sink& sink) {
    Loaded loaded;
    unsigned jobs = options.jobs ? options.jobs : parallel::default_jobs();
    source::ReadOptions read_options;
    if (!options.ref.empty()) {
        sink.error(options.source.string(), 0, 0, "--ref is not supported yet");
        return loaded;
    }
    // The config decides the size limit, so it is read first, on its own.
    config::Config config;
    {
        std::error_code ec;
        fs::path config_path = options.source / "commonplace.yaml";
        if (fs::is_regular_file(config_path, ec)) {
            std::ifstream in(config_path, std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            config = config::parse_config(text, "commonplace.yaml", sink);
        }
    }
    if (!options.base_url.empty()) {
        config.base_url = options.base_url;
        if (config.base_url.back() != '/') config.base_url += '/';
    }
    read_options.max_file_size = config.max_file_size;
    loaded.snapshot = source::read_working_tree(options.source, read_options, sink);
    loaded.theme = std::make_unique<theme::Theme>(theme_dir_for(config, options), layout_overrides(loaded.snapshot), sink);

    history::History history;
    model::LoadOptions load_options;
    load_options.jobs = jobs;
    loaded.site = model::load_site(loaded.snapshot, config, std::move(history), load_options, sink);
    loaded.ok = true;
    return loaded;
}

}  // namespace cp::site
