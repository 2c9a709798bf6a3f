#pragma once
// What the stages after the model hand to the writer: HTML pages to render through
// the theme, and files whose bytes are already made (feeds, the search index).
#include <nlohmann/json.hpp>

#include <string>

namespace cp::views {

struct HtmlPage {
    std::string url;            // site-absolute, "/timeline/"; written as url + "index.html"
    std::string template_name;  // "meeting", "list", ...
    nlohmann::json context;     // made with page_frame() and filled in
    std::string origin;         // what made it, for naming both sides of a clash
};

struct RawFile {
    std::string path;  // site-relative, "feed.xml"
    std::string content;
    std::string origin;
};

}  // namespace cp::views
