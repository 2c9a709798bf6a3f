#include "views/social.hpp"

#include "assets/image_size.hpp"
#include "model/assets.hpp"
#include "text/escape.hpp"
#include "text/url_policy.hpp"
#include "views/json_object.hpp"

namespace cp::views {

using nlohmann::json;

namespace {

bool is_web_address(const std::string& url) {
    auto scheme = text::url_scheme(url);
    return (scheme == "http" || scheme == "https") && text::is_site_address(url);
}

}  // namespace

bool is_card_picture(const std::string& url) { return assets::is_picture_name(url.substr(0, url.find_first_of("?#"))); }

json social_card(const model::Site& site, const std::string& url, const std::string& title,
                 const std::string& description, const std::string& image) {
    if (site.audience != model::Audience::Public) return nullptr;
    const auto& c = site.config;
    // Absolute addresses only: a card's reader fetches them from elsewhere.
    const bool absolute = is_web_address(c.base_url);
    auto absolute_url = [&](const std::string& site_url) {
        return text::percent_encode_url(c.base_url + (site_url.empty() ? site_url : site_url.substr(1)));
    };
    json card = object_of("title", title, "description", description, "site_name", c.title, "type",
                          url == "/" ? "website" : "article", "url", absolute ? absolute_url(url) : std::string{});
    std::string picture = image;
    if (picture.empty() && !c.image.empty()) picture = is_web_address(c.image) ? c.image : "/" + c.image;
    std::string picture_url;
    int width = 0, height = 0;
    if (!is_card_picture(picture)) {
        // none: no picture, or an SVG
    } else if (is_web_address(picture)) {
        picture_url = picture;
    } else if (!picture.empty() && picture.front() == '/' && absolute) {
        // A file of the memory: only one this build copies, as the page's own pictures are.
        if (const model::Asset* asset = model::find_asset(site.assets, picture)) {
            picture_url = absolute_url(picture);
            width = asset->width;
            height = asset->height;
        }
    }
    card["image"] = picture_url;
    card["image_width"] = width > 0 ? std::to_string(width) : std::string{};
    card["image_height"] = height > 0 ? std::to_string(height) : std::string{};
    card["card"] = picture_url.empty() ? "summary" : "summary_large_image";
    return card;
}

}  // namespace cp::views
