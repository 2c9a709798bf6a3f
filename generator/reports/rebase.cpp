#include "reports/rebase.hpp"

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

std::string rebase_links(const std::string& html, const std::string& page_url,
                         const std::function<std::string(const std::string&)>& to) {
    std::string out;
    out.reserve(html.size() + html.size() / 8);
    std::size_t pos = 0;
    // The next of each attribute, looked for again only once passed: looking for both from
    // every link read the rest of the page for the rarer one each time (quadratic in links).
    std::size_t href = html.find(" href=\""), src = html.find(" src=\"");
    while (true) {
        if (href != std::string::npos && href < pos) href = html.find(" href=\"", pos);
        if (src != std::string::npos && src < pos) src = html.find(" src=\"", pos);
        std::size_t at = std::min(href, src);
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
