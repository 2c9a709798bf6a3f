#include "audience/filter.hpp"

#include <algorithm>
#include <set>

#include "markdown/render.hpp"

namespace cp::audience {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string filter_community_blocks(std::string_view body, Audience audience) {
    std::string out;
    out.reserve(body.size());
    bool inside = false;
    std::size_t pos = 0;
    while (pos < body.size()) {
        std::size_t end = body.find('\n', pos);
        bool has_newline = end != std::string_view::npos;
        std::string_view line = body.substr(pos, has_newline ? end - pos : std::string_view::npos);
        pos = has_newline ? end + 1 : body.size();
        std::string_view t = trim(line);
        if (!inside && t == ":::community") {
            inside = true;
            if (audience == Audience::Community) out += markdown::kCommunityStart;
        } else if (inside && t == ":::") {
            inside = false;
            if (audience == Audience::Community) out += markdown::kCommunityEnd;
        } else if (!inside || audience == Audience::Community) {
            out += line;
        }
        if (has_newline) out.push_back('\n');
    }
    if (inside && audience == Audience::Community) out += std::string("\n") + std::string(markdown::kCommunityEnd) + "\n";
    return out;
}

std::string public_name(const std::string& full_name, const std::string& setting) {
    if (setting != "initials") return full_name;
    std::string out;
    bool start = true;
    for (char c : full_name) {
        if (c == ' ' || c == '-') {
            start = true;
            continue;
        }
        if (start) {
            out.push_back(c);
            // Keep a whole UTF-8 character, not half of one.
            out += ".";
            start = false;
        }
    }
    return out;
}

model::Site filter(model::Site site, const FilterOptions& options) {
    using model::Page;
    using model::Visibility;
    bool is_public = options.audience == Audience::Public;
    site.audience = is_public ? "public" : "community";

    auto keep = [&](const Page& p) {
        if (p.draft && !options.drafts) return false;
        return !is_public || p.visibility == Visibility::Public;
    };
    std::set<std::string> removed_paths;
    for (const auto& p : site.pages) {
        if (keep(p)) continue;
        removed_paths.insert(p.source_path);
        if (p.type == model::PageType::Person)
            site.hidden_people[p.slug] = public_name(p.title, site.config.public_names);
    }
    site.pages.erase(std::remove_if(site.pages.begin(), site.pages.end(), [&](const Page& p) { return !keep(p); }),
                     site.pages.end());
    for (auto& p : site.pages) p.body = filter_community_blocks(p.body, options.audience);

    // History: only what touched pages this audience keeps.
    for (const auto& path : removed_paths) site.history.files.erase(path);
    if (is_public) {
        std::set<std::string> kept_paths;
        for (const auto& p : site.pages) kept_paths.insert(p.source_path);
        std::vector<history::Commit> commits;
        for (auto& c : site.history.recent) {
            std::vector<std::string> paths;
            for (auto& path : c.paths)
                if (kept_paths.count(path)) paths.push_back(path);
            if (paths.empty()) continue;
            // A commit that also touched community files keeps no subject: it might name them.
            if (paths.size() != c.paths.size()) c.subject.clear();
            c.paths = std::move(paths);
            commits.push_back(std::move(c));
        }
        site.history.recent = std::move(commits);
        for (auto& [path, fh] : site.history.files)
            for (auto& r : fh.revisions) r.subject.clear();  // subjects may name community pages
    }
    return site;
}

}  // namespace cp::audience
