#include "theme/theme.hpp"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace cp::theme {

namespace fs = std::filesystem;
using kainjow::mustache::data;
using kainjow::mustache::mustache;

// A parsed template and a pool of copies of it: kainjow's render() keeps state in the
// object, so each render borrows a copy (made once per thread that needs one, not per page).
struct Theme::Compiled {
    std::string name;
    mustache tmpl;
    mutable std::mutex mutex;
    mutable std::vector<std::unique_ptr<mustache>> pool;
    explicit Compiled(std::string n, const std::string& text) : name(std::move(n)), tmpl(text) {}

    std::string render(const data& ctx) const {
        std::unique_ptr<mustache> copy;
        {
            std::lock_guard lock(mutex);
            if (!pool.empty()) {
                copy = std::move(pool.back());
                pool.pop_back();
            }
        }
        if (!copy) copy = std::make_unique<mustache>(tmpl);
        std::string out = copy->render(ctx);
        if (!copy->is_valid()) throw std::runtime_error("template " + name + " failed: " + copy->error_message());
        std::lock_guard lock(mutex);
        pool.push_back(std::move(copy));
        return out;
    }
};

namespace {

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

data to_data(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            data d{data::type::object};
            for (auto it = j.begin(); it != j.end(); ++it) {
                // Moved in through operator[]: set() would copy the whole subtree at every level.
                d[it.key()] = to_data(it.value());
                // Mustache cannot test a list for emptiness: every list `x` gets a flag `has_x`.
                if (it.value().is_array() && !j.contains("has_" + it.key()))
                    d["has_" + it.key()] = data{!it.value().empty()};
            }
            return d;
        }
        case nlohmann::json::value_t::array: {
            kainjow::mustache::list items;
            items.reserve(j.size());
            for (const auto& item : j) items.push_back(to_data(item));
            return data{items};
        }
        case nlohmann::json::value_t::string: {
            // An empty string is false, so {{#field}}...{{/field}} hides an empty field.
            const auto& str = j.get_ref<const std::string&>();
            return str.empty() ? data{data::type::bool_false} : data{str};
        }
        case nlohmann::json::value_t::boolean: return j.get<bool>() ? data{data::type::bool_true} : data{data::type::bool_false};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: return data{j.dump()};
        default: return data{data::type::bool_false};
    }
}

}  // namespace

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
        if (entry.path().extension() == ".mustache") texts[entry.path().stem().string()] = read_file(entry.path());
    for (const auto& [name, text] : overrides) texts[name] = text;
    for (const auto& [name, text] : texts) {
        auto compiled = std::make_shared<Compiled>(name, expand_partials(text, texts));
        if (!compiled->tmpl.is_valid()) {
            std::string origin = overrides.count(name) ? "layouts/" + name + ".mustache"
                                                       : (templates / (name + ".mustache")).string();
            sink.error(origin, 0, 0, "template does not parse: " + compiled->tmpl.error_message());
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

std::string Theme::render(const std::string& name, const nlohmann::json& context) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("the theme has no template '" + name + "'");
    return it->second->render(to_data(context));
}

std::string Theme::render_page(const std::string& name, const nlohmann::json& context) const {
    auto it = templates_.find(name);
    if (it == templates_.end()) throw std::runtime_error("the theme has no template '" + name + "'");
    auto base = templates_.find("base");
    if (base == templates_.end()) throw std::runtime_error("the theme has no template 'base'");
    data ctx = to_data(context);
    std::string inner = it->second->render(ctx);
    ctx["content"] = data{std::move(inner)};
    return base->second->render(ctx);
}

}  // namespace cp::theme
