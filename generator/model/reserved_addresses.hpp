#pragma once
// The addresses the generator writes itself, listed once: the loader refuses a page that would
// take one (model/loader.cpp), and the link resolver lets a page link to one although no file
// of the memory is behind it (links/resolve.cpp). Two lists kept by hand had drifted apart.
#include <span>
#include <string_view>

namespace cp::model {

// The one reserved address a page fills: the generator writes the home page, and the memory's
// top index.md (or README.md) gives it its text, so that page is not refused.
inline constexpr std::string_view kHomeAddress = "/";

// Every address the generator reserves for itself: "/", its lists ("/notes/", "/timeline/",
// ...), its files ("/feed.xml", "/404.html", ...) and the folders it copies files into
// ("/assets/", "/static/"). The timeline's and the tags' own pages below their lists
// ("/timeline/2016/", "/tags/night-shift/") are the link resolver's to recognise.
std::span<const std::string_view> reserved_addresses();

// True for an address of reserved_addresses().
bool is_reserved_address(std::string_view url);

// True when a page written at `url` would overwrite what the generator writes there: every
// reserved address but the home page's.
bool is_taken_by_generator(std::string_view url);

}  // namespace cp::model
