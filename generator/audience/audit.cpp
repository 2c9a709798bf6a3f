#include "audience/audit.hpp"

#include <algorithm>

namespace cp::audience {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string shortened(std::string s) {
    if (s.size() > 80) s = s.substr(0, 77) + "...";
    return s;
}

// An iCalendar file folds long lines ("\r\n" and a space); unfolded, a title is whole again.
std::string unfolded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 2 < text.size() && text[i + 1] == '\n' &&
            (text[i + 2] == ' ' || text[i + 2] == '\t')) {
            i += 2;
        } else if (text[i] == '\n' && i + 1 < text.size() && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
            i += 1;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

// "/notes/x/" joined with "../y/#part" -> "/notes/y/": the address a link leads to.
std::string resolve(const std::string& from_folder, std::string_view link) {
    std::string target(link.substr(0, std::min(link.find('#'), link.find('?'))));
    std::string joined = !target.empty() && target.front() == '/' ? target : from_folder + target;
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= joined.size()) {
        std::size_t end = std::min(joined.find('/', pos), joined.size());
        std::string part = joined.substr(pos, end - pos);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        pos = end + 1;
    }
    std::string url = "/";
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i + 1 == parts.size() && parts[i] == "index.html") break;
        url += parts[i];
        bool last = i + 1 == parts.size();
        if (!last || parts[i].find('.') == std::string::npos || (!joined.empty() && joined.back() == '/')) url += "/";
    }
    return url;
}

}  // namespace

Auditor::Auditor(const AuditFacts& facts) : facts_(facts) {
    for (const auto& f : facts.forbidden) matcher_.add(f.text, f.edge);
    matcher_.build();
    for (const auto& f : facts.forbidden)
        if (f.edge == Edge::UrlPath) urls_.emplace(f.text, f.what);
    for (const auto& url : facts.urls) urls_.emplace(url, "an address this build leaves out");
}

std::vector<Finding> Auditor::check(const std::string& path, std::string_view content) const {
    std::vector<Finding> out;
    matcher_.scan(audit_text("/" + path), [&](std::size_t i) {
        out.push_back({facts_.forbidden[i].what, shortened(facts_.forbidden[i].text), true});
    });
    std::string text = audit_text(ends_with(path, ".ics") ? unfolded(content) : std::string(content));
    matcher_.scan(text, [&](std::size_t i) {
        out.push_back({facts_.forbidden[i].what, shortened(facts_.forbidden[i].text), false});
    });
    if (ends_with(path, ".html") || ends_with(path, ".xml") || ends_with(path, ".svg")) check_links(path, text, out);
    return out;
}

// Links written relative to the page ("../../notes/x/") do not contain the address itself,
// so each is resolved against the file's folder and looked up.
void Auditor::check_links(const std::string& path, std::string_view text, std::vector<Finding>& out) const {
    if (urls_.empty()) return;
    std::string folder = "/" + path.substr(0, path.rfind('/') + 1);
    if (path.find('/') == std::string::npos) folder = "/";
    std::vector<std::string> seen;
    for (std::string_view attr : {"href=\"", "src=\"", "href='", "src='", "url="}) {
        char quote = attr.back() == '=' ? '"' : attr.back();
        for (std::size_t at = text.find(attr); at != std::string_view::npos; at = text.find(attr, at + 1)) {
            std::size_t start = at + attr.size();
            std::size_t end = text.find(quote, start);
            if (end == std::string_view::npos) break;
            std::string_view link = text.substr(start, end - start);
            if (link.rfind(facts_.base_url, 0) == 0 && facts_.base_url.size() > 1)
                link = link.substr(facts_.base_url.size() - 1);
            else if (link.find(':') != std::string_view::npos || link.rfind("//", 0) == 0)
                continue;  // another site, mailto:, data:
            std::string url = resolve(folder, link);
            auto it = urls_.find(url);
            if (it == urls_.end() || std::find(seen.begin(), seen.end(), url) != seen.end()) continue;
            seen.push_back(url);
            out.push_back({"a link to " + it->second, shortened(std::string(link)), false});
        }
    }
}

}  // namespace cp::audience
