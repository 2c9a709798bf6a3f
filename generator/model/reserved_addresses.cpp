#include "model/reserved_addresses.hpp"

#include <algorithm>
#include <array>

namespace cp::model {

namespace {

// The union of the two lists this replaces: the loader had the lists and the copied folders
// but not the home page and the files; the link resolver had the home page and the files but
// not /assets/ and /static/.
constexpr std::array<std::string_view, 19> kReserved = {
    kHomeAddress,
    // The lists of each type and the indexes.
    "/domains/", "/meetings/", "/notes/", "/people/", "/timeline/", "/tags/", "/actions/", "/agenda/", "/changes/",
    "/stats/", "/search/",
    // The files beside them.
    "/feed.xml", "/meetings.ics", "/sitemap.xml", "/robots.txt", "/404.html",
    // The folders the memory's assets and the theme's static files are copied into.
    "/assets/", "/static/"};

}  // namespace

std::span<const std::string_view> reserved_addresses() { return kReserved; }

bool is_reserved_address(std::string_view url) {
    return std::find(kReserved.begin(), kReserved.end(), url) != kReserved.end();
}

bool is_taken_by_generator(std::string_view url) { return url != kHomeAddress && is_reserved_address(url); }

}  // namespace cp::model
