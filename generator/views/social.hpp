#pragma once
// The social card of a page: Open Graph and Twitter card metadata in <head>, so a link to the
// public site shared in a chat or a post shows the page's title, summary and picture. Public
// builds only: a community site is for its members, and a card would copy its titles, summaries
// and pictures into the caches of whichever service unfurls the link (README, "Choices").
#include <nlohmann/json.hpp>

#include <string>

#include "model/site.hpp"

namespace cp::views {

// True for a picture a card can show: a PNG, JPEG, GIF or WebP by its name (the services that
// show cards read no SVG).
bool is_card_picture(const std::string& url);

// The card of the page at `url`: {title, description, site_name, type ("website" for the home,
// else "article"), card ("summary_large_image" with a picture, else "summary"), url, image,
// image_width, image_height}. url and image are absolute (from base_url), and left empty when
// base_url is not an absolute http(s) address; `image` is the page's first picture (a
// site-absolute address of a file of the memory, or an http(s) URL), else the config's `image`,
// and no picture when it is none is_card_picture() takes.
// Null in a community build.
nlohmann::json social_card(const model::Site& site, const std::string& url, const std::string& title,
                           const std::string& description, const std::string& image = {});

}  // namespace cp::views
