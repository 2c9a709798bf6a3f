#include "audience/guard.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "audience/emails.hpp"
#include "audience/matcher.hpp"
#include "frontmatter/split.hpp"
#include "frontmatter/yaml_tree.hpp"
#include "parallel/pool.hpp"
#include "text/strings.hpp"

namespace cp::audience {

namespace {

constexpr std::string_view kHidden = "(hidden)";

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    return lines;
}

// `<!-- personal-data: allow -->` (or, in front matter, `# personal-data: allow`) on a line.
bool line_allows(std::string_view line) {
    if (line.find("personal-data") == std::string_view::npos) return false;
    std::string packed;
    for (char c : line)
        if (!std::isspace(static_cast<unsigned char>(c)))
            packed.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return packed.find("<!--personal-data:allow-->") != std::string::npos ||
        packed.find("#personal-data:allow") != std::string::npos;
}

// What the config says may be shown: exact strings, and "*@domain" for every address there.
class Allowance {
public:
    explicit Allowance(const config::Config& config) : allow_all_(config.personal_data == "allow") {
        for (const auto& entry : config.personal_data_allow) {
            if (entry.rfind("*@", 0) == 0)
                domains_.insert(text::lower(entry.substr(1)));
            else
                exact_.insert(text::lower(entry));
        }
    }
    bool allows(PersonalData kind, std::string_view text) const {
        if (allow_all_) return true;
        std::string low = text::lower(text);
        if (exact_.count(low)) return true;
        std::size_t at = low.rfind('@');
        return kind == PersonalData::Email && at != std::string::npos && domains_.count(low.substr(at));
    }

private:
    bool allow_all_;
    std::set<std::string> exact_, domains_;  // domains as "@example.org"
};

// What one page would show, found: reported sightings, allowed texts, the body's spans to hide.
struct PageScan {
    std::vector<Sighting> sightings;
    std::vector<std::string> allowed;
    std::vector<PersonalMatch> to_hide;  // in the body
    std::set<std::string> allowed_here;  // allowed on one of its lines: shown wherever it recurs
};

// The scalar values a page's front matter shows (every field but `git`), with their nodes.
void shown_scalars(const frontmatter::YamlNode& node, std::vector<const frontmatter::YamlNode*>& out, bool top) {
    if (node.is_scalar()) out.push_back(&node);
    for (const auto& item : node.items) shown_scalars(item, out, false);
    for (const auto& [key, value] : node.entries)
        if (!(top && key.scalar == "git")) shown_scalars(value, out, false);
}

class PageScanner {
public:
    PageScanner(const Allowance& allowance, const model::Page& page) : allowance_(allowance), page_(page) {}

    PageScan run(const source::SourceFile* file) {
        if (file) scan_front_matter(file->content);
        if (!page_.lfs_pointer) scan_body();
        scan_file_name(page_.source_path);
        return take();
    }

    PageScan take() { return std::move(scan_); }

    // The page's body alone: a recording's transcript, read as a body is.
    PageScan run_body() {
        scan_body();
        return take();
    }

    // A file name's words are joined by '-' and '_', and its extension is no part of them.
    void scan_file_name(const std::string& path) {
        std::string name = path.substr(path.rfind('/') + 1);
        name = name.substr(0, name.rfind('.'));
        std::string words = name;
        std::replace(words.begin(), words.end(), '-', ' ');
        std::replace(words.begin(), words.end(), '_', ' ');
        for (const auto& m : find_personal_data(words)) note(m.kind, name.substr(m.start, m.length), path, 0, 0, false);
    }

private:
    void note(PersonalData kind, std::string text, const std::string& path, int line, int column, bool line_allowed) {
        if (line_allowed || allowance_.allows(kind, text)) {
            if (line_allowed) scan_.allowed_here.insert(text);
            scan_.allowed.push_back(std::move(text));
            return;
        }
        scan_.sightings.push_back({path, line, column, kind, std::move(text)});
    }

    void scan_front_matter(std::string_view content) {
        diag::Sink ignored;  // the load reported the file's problems already
        auto split = frontmatter::split(content, page_.source_path, ignored);
        if (!split || !split->has_front_matter) return;
        auto tree = frontmatter::parse_yaml(split->yaml, split->yaml_first_line, page_.source_path, ignored);
        if (!tree) return;
        std::vector<const frontmatter::YamlNode*> scalars;
        shown_scalars(*tree, scalars, true);
        auto lines = lines_of(split->yaml);
        for (const auto* node : scalars) {
            for (const auto& m : find_personal_data(node->scalar)) {
                if (m.kind == PersonalData::Email) continue;  // the filter hides these in every build
                std::string text = node->scalar.substr(m.start, m.length);
                auto [line, column] = locate(lines, split->yaml_first_line, *node, text);
                std::size_t index = static_cast<std::size_t>(line - split->yaml_first_line);
                bool allowed = index < lines.size() && line_allows(lines[index]);
                note(m.kind, std::move(text), page_.source_path, line, column, allowed);
            }
        }
    }

    // Where a value's text is written: from the node's own line on (a block scalar's text
    // starts below its key); the node itself when the text is escaped beyond finding.
    static std::pair<int, int> locate(const std::vector<std::string_view>& lines, int first_line,
                                      const frontmatter::YamlNode& node, const std::string& text) {
        for (std::size_t i = static_cast<std::size_t>(std::max(node.line - first_line, 0)); i < lines.size(); ++i) {
            std::size_t from = static_cast<int>(i) == node.line - first_line
                ? static_cast<std::size_t>(std::max(node.column - 1, 0))
                : 0;
            std::size_t at = from < lines[i].size() ? lines[i].find(text, from) : std::string_view::npos;
            if (at != std::string_view::npos) return {first_line + static_cast<int>(i), static_cast<int>(at) + 1};
        }
        return {node.line, node.column};
    }

    void scan_body() {
        const std::string& body = page_.body;
        auto lines = lines_of(body);
        std::vector<std::size_t> starts;
        for (std::size_t i = 0, at = 0; i < lines.size(); at += lines[i].size() + 1, ++i) starts.push_back(at);
        for (const auto& m : find_personal_data_in_markdown(body)) {
            std::size_t index =
                static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), m.start) - starts.begin()) - 1;
            int line = page_.body_first_line + static_cast<int>(index);
            int column = static_cast<int>(m.start - starts[index]) + 1;
            std::size_t before = scan_.sightings.size();
            note(m.kind, body.substr(m.start, m.length), page_.source_path, line, column, line_allows(lines[index]));
            if (scan_.sightings.size() > before) scan_.to_hide.push_back(m);
        }
    }

    const Allowance& allowance_;
    const model::Page& page_;
    PageScan scan_;
};

// `text` with each span replaced by "(hidden)".
std::string hidden(const std::string& text, const std::vector<PersonalMatch>& spans) {
    std::string out;
    std::size_t pos = 0;
    for (const auto& m : spans) {
        out += text.substr(pos, m.start - pos);
        out += kHidden;
        pos = m.start + m.length;
    }
    out += text.substr(pos);
    return out;
}

// Hides what may not be shown in every front-matter string of a page (the title made from a
// heading too), as the guard decided for the same text at its source.
void hide_in_shown_strings(model::Page& page, const Allowance& allowance, const std::set<std::string>& allowed_here) {
    edit_shown_strings(page, [&](std::string& s) {
        std::vector<PersonalMatch> spans;
        for (const auto& m : find_personal_data(s)) {
            std::string text = s.substr(m.start, m.length);
            if (!allowance.allows(m.kind, text) && !allowed_here.count(text)) spans.push_back(m);
        }
        if (!spans.empty()) s = hidden(s, spans);
    });
}

std::string message_for(const Sighting& s, bool hide, const std::map<std::string, std::string>& known) {
    std::string message(personal_data_name(s.kind));
    if (s.line == 0) {
        return message +
            " in the name of a public file: a file name cannot be hidden, so rename the file "
            "or list the text in personal_data_allow";
    }
    if (s.fixed) {
        return message +
            " in the captions of a recording on a public page: captions are published as they are, so edit "
            "the file or list the text in personal_data_allow";
    }
    message += " on a public page";
    if (s.kind == PersonalData::Email)
        if (auto it = known.find(audit_text(s.text)); it != known.end()) message += "; it is also " + it->second;
    if (hide) message += " (hidden in the public build)";
    return message;
}

// Which of the hidden texts the site still holds after hiding (a number inside code, or
// allowed on another page), in audit_text form: one pass over every body, however many.
std::vector<std::string> still_written(const model::Site& site, const std::vector<Sighting>& hidden_ones) {
    Matcher matcher;
    for (const auto& s : hidden_ones)
        matcher.add(audit_text(s.text), s.kind == PersonalData::Email ? Edge::Email : Edge::Word);
    matcher.build();
    std::vector<bool> found(hidden_ones.size(), false);
    for (const auto& page : site.pages) matcher.scan(audit_text(page.body), [&](std::size_t i) { found[i] = true; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < hidden_ones.size(); ++i)
        if (found[i]) out.push_back(audit_text(hidden_ones[i].text));
    return out;
}

}  // namespace

GuardReport guard_personal_data(model::Site& site, const source::Snapshot& snapshot, const AuditFacts* known,
                                parallel::Pool& pool, diag::Sink& sink) {
    GuardReport report;
    report.mode = site.config.personal_data;
    Allowance allowance(site.config);
    bool hide = report.mode == "redact";

    std::vector<PageScan> scans(site.pages.size());
    pool.parallel_for(site.pages.size(), [&](std::size_t i) {
        model::Page& page = site.pages[i];
        scans[i] = PageScanner(allowance, page).run(snapshot.find(page.source_path));
        if (!hide) return;
        if (!scans[i].to_hide.empty()) page.body = hidden(page.body, scans[i].to_hide);
        hide_in_shown_strings(page, allowance, scans[i].allowed_here);
    });
    for (const auto& asset : site.assets) {
        model::Page none;
        PageScanner scanner(allowance, none);
        scanner.scan_file_name(asset.source_path);
        scans.push_back(scanner.take());
    }
    // What a recording's transcript says is shown under its player; captions (.vtt) are read as
    // written, at their own lines, since the file itself is published.
    for (auto& asset : site.assets) {
        if (!asset.transcript) continue;
        model::Transcript& t = *asset.transcript;
        const bool captions = t.format == model::Transcript::Format::Captions;
        const source::SourceFile* file = captions ? snapshot.find(t.path) : nullptr;
        model::Page words;
        words.source_path = t.path;
        words.body = file ? file->content : t.text;
        words.body_first_line = 1;
        PageScan scan = PageScanner(allowance, words).run_body();
        for (auto& sighting : scan.sightings) sighting.fixed = captions;
        if (hide && !captions && !scan.to_hide.empty()) t.text = hidden(t.text, scan.to_hide);
        scans.push_back(std::move(scan));
    }

    std::map<std::string, std::string> addresses;  // known address -> where it comes from
    if (known)
        for (const auto& f : known->forbidden)
            if (f.edge == Edge::Email) addresses.emplace(f.text, f.what);
    for (auto& scan : scans) {
        for (auto& s : scan.sightings) {
            std::string message = message_for(s, hide && s.line > 0, addresses);
            if (hide && s.line > 0 && !s.fixed)
                sink.warning(s.path, s.line, s.column, message);
            else
                sink.error(s.path, s.line, s.column, message);
            report.reported.push_back(std::move(s));
        }
        for (auto& a : scan.allowed) report.allowed.push_back(std::move(a));
    }
    if (hide) report.shown_otherwise = still_written(site, report.reported);
    return report;
}

std::vector<std::string> guard_summary(const GuardReport& report) {
    std::array<std::size_t, kPersonalDataKinds> counts{};
    for (const auto& s : report.reported) ++counts[static_cast<std::size_t>(s.kind)];
    std::vector<std::string> lines;
    for (std::size_t k = 0; k < kPersonalDataKinds; ++k) {
        if (counts[k] == 0) continue;
        auto kind = static_cast<PersonalData>(k);
        std::string name(personal_data_name(kind));
        std::string what = counts[k] == 1 ? name.substr(name.find(' ') + 1) : std::string(personal_data_plural(kind));
        lines.push_back("personal data on public pages: " + std::to_string(counts[k]) + " " + what +
                        (report.mode == "redact" ? ", hidden" : ""));
    }
    return lines;
}

void hand_to_audit(const GuardReport& report, AuditFacts& facts) {
    std::set<std::string> allowed;
    for (const auto& a : report.allowed) allowed.insert(audit_text(a));
    std::set<std::string> shown(report.shown_otherwise.begin(), report.shown_otherwise.end());
    auto& forbidden = facts.forbidden;
    forbidden.erase(std::remove_if(forbidden.begin(), forbidden.end(),
                                   [&](const Forbidden& f) { return f.edge == Edge::Email && allowed.count(f.text); }),
                    forbidden.end());
    if (report.mode != "redact") return;
    for (const auto& s : report.reported) {
        // A date is a date: the theme writes dates of its own, so a hidden birth date is not looked for.
        std::string text = audit_text(s.text);
        if (s.line == 0 || s.fixed || s.kind == PersonalData::DateOfBirth || allowed.count(text) || shown.count(text))
            continue;
        forbidden.push_back(
            {text, s.kind == PersonalData::Email ? Edge::Email : Edge::Word,
             std::string(personal_data_name(s.kind)) + " hidden from " + s.path + ":" + std::to_string(s.line)});
    }
}

}  // namespace cp::audience
