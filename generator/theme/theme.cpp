#include "theme/theme.hpp"

#include <algorithm>
#include <stdexcept>

#include "text/files.hpp"
#include "theme/mustache.hpp"

namespace cp::theme {

namespace fs = std::filesystem;

// A template parsed once. Rendering it is const and keeps no state, so every thread
// renders the same one.
struct Theme::Compiled {
    Template tmpl;
    // As a layout: its page is only ever printed raw, so the page can be written into it as it
    // is rendered (render_page). Asked once here, not for every page.
    bool page_streams;
    explicit Compiled(const std::string& text) : tmpl(text), page_streams(tmpl.prints_raw_only("content")) {}
};

std::string expand_partials(const std::string& text, const std::map<std::string, std::string>& partials, int depth) {
    if (depth > 8) return text;
    std::string out;
    std::size_t pos = 0;
    while (true) {
        std::size_t open = text.find("{{>", pos);
        if (open == std::string::npos) break;
        std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 3, close - open - 3);
        while (!name.empty() && name.front() == ' ') name.erase(name.begin());
        while (!name.empty() && name.back() == ' ') name.pop_back();
        out += text.substr(pos, open - pos);
        auto it = partials.find(name);
        if (it != partials.end()) out += expand_partials(it->second, partials, depth + 1);
        pos = close + 2;
    }
    out += text.substr(pos);
    return out;
}

Theme::Theme(const fs::path& theme_dir, const std::map<std::string, std::string>& overrides, diag::Sink& sink) {
    std::map<std::string, std::string> texts;
    std::error_code ec;
    fs::path templates = theme_dir / "templates";
    if (!fs::is_directory(templates, ec)) {
        sink.error(theme_dir.string(), 0, 0, "theme not found: no templates/ folder in " + theme_dir.string());
        return;
    }
    for (const auto& entry : fs::directory_iterator(templates, ec))
        if (entry.path().extension() == ".mustache")
            texts[entry.path().stem().string()] = text::read_file_or_empty(entry.path());
    for (const auto& [name, text] : overrides) texts[name] = text;
    for (const auto& [name, text] : texts) {
        std::string expanded = expand_partials(text, texts);
        auto compiled = std::make_shared<Compiled>(expanded);
        if (!compiled->tmpl.ok()) {
            std::string origin =
                overrides.count(name) ? "layouts/" + name + ".mustache" : (templates / (name + ".mustache")).string();
            // The line and column are counted in the text as parsed; they point into the file
            // only when no partial was put in.
            if (expanded == text)
                sink.error(origin, compiled->tmpl.error_line(), compiled->tmpl.error_column(),
                           "template does not parse: " + compiled->tmpl.error());
            else
                sink.error(
                    origin, 0, 0,
                    "template does not parse: " + compiled->tmpl.error() + " (counted with its partials put in)");
            continue;
        }
        templates_[name] = std::move(compiled);
    }
    fs::path statics = theme_dir / "static";
    if (fs::is_directory(statics, ec)) {
        for (auto it = fs::recursive_directory_iterator(statics, ec); it != fs::recursive_directory_iterator(); ++it) {
            if (!it->is_regular_file()) continue;
            static_files_.push_back({"static/" + fs::relative(it->path(), statics).generic_string(), it->path()});
        }
        std::sort(static_files_.begin(), static_files_.end(),
                  [](const StaticFile& a, const StaticFile& b) { return a.path < b.path; });
    }
}

Theme::~Theme() = default;
Theme::Theme(Theme&&) noexcept = default;

bool Theme::has(const std::string& name) const { return templates_.count(name) != 0; }

const Theme::Compiled& Theme::named(const std::string& name) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("the theme has no template '" + name + "'");
    return *it->second;
}

std::string Theme::render(const std::string& name, const nlohmann::json& context) const {
    std::string out;
    named(name).tmpl.render(context, out, &globals_);
    return out;
}

void Theme::render(const std::string& name, const nlohmann::json& context,
                   const std::function<void(std::string_view)>& piece) const {
    named(name).tmpl.render(context, piece, &globals_);
}

std::string Theme::render_page(const std::string& name, const nlohmann::json& context) const {
    std::string out;
    render_page(name, context, [&out](std::string_view piece) { out.append(piece); });
    return out;
}

void Theme::render_page(const std::string& name, const nlohmann::json& context,
                        const std::function<void(std::string_view)>& piece) const {
    const Template& page = named(name).tmpl;
    const Compiled& base = named("base");
    const Template& layout = base.tmpl;
    if (!base.page_streams) {  // the page is held whole, and put in its layout
        std::string inner;
        page.render(context, inner, &globals_);
        layout.render_layout(context, inner, piece, &globals_);
        return;
    }
    // The page is written into its layout as it is rendered, never held whole (the largest
    // lists are tens of MB). The layout is rendered around a stand-in, handed on by itself
    // where the page goes; what comes before is held until the page has a character that is
    // not a space or a tab, the layout's own rule for a page that keeps its line. A page
    // blank throughout is put in its layout as a whole, where its line may be dropped.
    static const std::string kStandIn = "<cp-page>";
    std::string held;      // the layout's text so far, or a blank page so far
    bool started = false;  // the page's first character that is not blank is handed on
    bool blank = false;    // the page is blank throughout: made again the usual way
    std::string blank_page;
    layout.render_layout(
        context, kStandIn,
        [&](std::string_view p) {
            if (blank) return;
            if (p.data() != kStandIn.data() || p.size() != kStandIn.size()) {
                if (started)
                    piece(p);
                else
                    held.append(p);
                return;
            }
            std::string waiting;
            page.render(
                context,
                [&](std::string_view s) {
                    if (started) {
                        piece(s);
                        return;
                    }
                    waiting.append(s);
                    if (waiting.find_first_not_of(" \t") == std::string::npos) return;
                    started = true;
                    piece(held);
                    piece(waiting);
                    std::string().swap(held);
                    std::string().swap(waiting);
                },
                &globals_);
            if (!started) {
                blank = true;
                blank_page = std::move(waiting);
            }
        },
        &globals_);
    if (blank)
        layout.render_layout(context, blank_page, piece, &globals_);
    else if (!started)
        piece(held);  // a layout that never shows its page
}

}  // namespace cp::theme
