#pragma once
// The theme: Mustache templates (parsed once) and static files. A memory's own
// `layouts/NAME.mustache` replaces the theme's template of that name.
#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"

namespace cp::theme {

struct StaticFile {
    std::string path;  // site-relative, "static/style.css"
    std::filesystem::path from;
};

class Theme {
public:
    // Loads `theme_dir`/templates/*.mustache and `theme_dir`/static/**, then applies the
    // overrides (template name -> text). A template that does not parse is an error in the sink.
    Theme(const std::filesystem::path& theme_dir, const std::map<std::string, std::string>& overrides,
          diag::Sink& sink);
    ~Theme();
    Theme(Theme&&) noexcept;

    // Renders `template_name` with `context`, then the "base" layout around it (the inner
    // HTML as {{{content}}}). Thread-safe. Throws std::runtime_error naming the template
    // when it is missing.
    std::string render_page(const std::string& template_name, const nlohmann::json& context) const;
    // The same bytes, handed to `piece` in order, the page never copied into the layout.
    void render_page(const std::string& template_name, const nlohmann::json& context,
                     const std::function<void(std::string_view)>& piece) const;
    // Renders one template alone (no layout): feeds, calendars, redirects.
    std::string render(const std::string& template_name, const nlohmann::json& context) const;
    // The same bytes, handed to `piece` in order as they are made (the printed memory is a
    // quarter of a gigabyte at 50,000 notes, its skeleton alone half that).
    void render(const std::string& template_name, const nlohmann::json& context,
                const std::function<void(std::string_view)>& piece) const;
    bool has(const std::string& template_name) const;
    // What every template sees besides its context: {"t": the theme's words}
    // (i18n::Catalog::templates()). Set once, before any render.
    void set_globals(nlohmann::json globals) { globals_ = std::move(globals); }
    const std::vector<StaticFile>& static_files() const { return static_files_; }

private:
    struct Compiled;
    // Throws std::runtime_error naming the template when the theme has none of that name.
    const Compiled& named(const std::string& name) const;
    std::map<std::string, std::shared_ptr<const Compiled>> templates_;
    std::vector<StaticFile> static_files_;
    nlohmann::json globals_ = nlohmann::json::object();
};

// Expands every {{> name}} in `text` from `partials`, recursively up to a small depth,
// so each template is parsed once instead of its partials being re-parsed on every render.
std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials, int depth = 0);

}  // namespace cp::theme
