#include "views/output_item.hpp"

#include <random>

namespace cp::views {

DeferredParts::DeferredParts() {
    std::random_device random;
    std::uint64_t nonce = (std::uint64_t{random()} << 32) ^ random();
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(nonce));
    prefix_ = std::string("cp-deferred-") + hex + "-";
}

std::string DeferredParts::add(std::function<std::string()> make) {
    parts_.push_back(std::move(make));
    return prefix_ + std::to_string(parts_.size() - 1) + ".";
}

void DeferredParts::expand(std::string_view rendered, const std::function<void(std::string_view)>& piece) const {
    std::size_t pos = 0;
    while (true) {
        std::size_t at = rendered.find(prefix_, pos);
        if (at == std::string_view::npos) break;
        std::size_t digits = at + prefix_.size(), end = digits;
        std::size_t n = 0;
        while (end < rendered.size() && rendered[end] >= '0' && rendered[end] <= '9')
            n = n * 10 + static_cast<std::size_t>(rendered[end++] - '0');
        if (end == digits || end >= rendered.size() || rendered[end] != '.' || n >= parts_.size()) {
            piece(rendered.substr(pos, digits - pos));  // not one of ours after all
            pos = digits;
            continue;
        }
        piece(rendered.substr(pos, at - pos));
        piece(parts_[n]());
        pos = end + 1;
    }
    piece(rendered.substr(pos));
}

nlohmann::json context_of(const HtmlPage& page) {
    if (page.make_context_with_parts) {
        // Made whole, for whoever wants the context itself (tests, the theme contract).
        DeferredParts parts;
        nlohmann::json ctx = page.make_context_with_parts(parts);
        std::function<void(nlohmann::json&)> fill = [&](nlohmann::json& j) {
            if (j.is_string()) {
                std::string whole;
                parts.expand(j.get_ref<const std::string&>(), [&](std::string_view s) { whole.append(s); });
                j = std::move(whole);
            } else if (j.is_structured()) {
                for (auto& item : j) fill(item);
            }
        };
        fill(ctx);
        return ctx;
    }
    return page.make_context ? page.make_context() : page.context;
}

}  // namespace cp::views
