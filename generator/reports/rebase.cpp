#include "reports/rebase.hpp"

#include <string_view>
#include <vector>

namespace cp::reports {

std::string site_target(const std::string& page_url, const std::string& link) {
    if (link.rfind("//", 0) == 0) return {};
    auto colon = link.find(':');
    if (colon != std::string::npos && link.find_first_of("/?#") > colon) return {};
    if (link.empty() || link[0] == '#' || link[0] == '?') return page_url + link;
    std::string path = link, rest;
    if (auto cut = path.find_first_of("?#"); cut != std::string::npos) {
        rest = path.substr(cut);
        path.erase(cut);
    }
    // The page's folder, then each part of the link on top of it.
    std::string joined = link[0] == '/' ? path : page_url.substr(0, page_url.rfind('/') + 1) + path;
    std::vector<std::string> parts;
    std::size_t start = 1;
    while (start <= joined.size()) {
        std::size_t end = joined.find('/', start);
        if (end == std::string::npos) end = joined.size();
        std::string part = joined.substr(start, end - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    std::string out = "/";
    for (std::size_t i = 0; i < parts.size(); ++i) out += parts[i] + (i + 1 < parts.size() ? "/" : "");
    bool folder = !path.empty() &&
        (path.back() == '/' || path == "." || path == ".." ||
         (path.size() >= 3 && path.compare(path.size() - 3, 3, "/..") == 0));
    if (folder && out.back() != '/') out += '/';
    return out + rest;
}

namespace {

// Where the next ` href="` or ` src="` at or after `from` starts, or npos. Looked for by their
// '=', which is rare in a page's text: a search for the leading space stopped at every word.
std::size_t next_link_attribute(const std::string& html, std::size_t from) {
    static constexpr std::string_view kHref = " href=\"", kSrc = " src=\"";
    std::string_view all(html);
    for (std::size_t equals = html.find('=', from); equals != std::string::npos; equals = html.find('=', equals + 1)) {
        // A ` src="` starts one character after where a ` href="` with the same '=' would.
        if (equals >= from + 5 && all.substr(equals - 5, kHref.size()) == kHref) return equals - 5;
        if (equals >= from + 4 && all.substr(equals - 4, kSrc.size()) == kSrc) return equals - 4;
    }
    return std::string::npos;
}

}  // namespace

std::string rebase_links(const std::string& html, const std::string& page_url,
                         const std::function<std::string(const std::string&)>& to) {
    std::string out;
    out.reserve(html.size() + html.size() / 8);
    std::size_t pos = 0;
    while (true) {
        // The first attribute at or after pos: the earliest '=' that ends one starts the earliest.
        std::size_t at = next_link_attribute(html, pos);
        if (at == std::string::npos) break;
        std::size_t value = html.find('"', at) + 1, end = html.find('"', value);
        if (end == std::string::npos) break;
        out.append(html, pos, value - pos);
        std::string link = html.substr(value, end - value);
        std::string target = site_target(page_url, link);
        out += target.empty() ? link : to(target);
        pos = end;
    }
    out.append(html, pos, std::string::npos);
    return out;
}

}  // namespace cp::reports
