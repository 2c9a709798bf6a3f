#include "audience/audit_facts.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "audience/emails.hpp"
#include "frontmatter/split.hpp"
#include "markdown/render.hpp"
#include "model/assets.hpp"
#include "model/slug.hpp"

namespace cp::audience {

using model::Page;

namespace {

// The words of Markdown as its rendering reads them: emphasis and code marks, link targets
// and table bars gone. "*the shared inbox* created" is shown, and put into the search index,
// as "the shared inbox created"; without this copy, a community block holding those words
// would make the public page's own words look like a leak.
// Block markers at a line's start go too: the plain text (search, export) joins a list's items,
// "- [ ] We met.\n- [x] Then we left." reading "We met. Then we left.".
std::size_t block_markers_at(std::string_view md, std::size_t i) {
    auto is = [&](std::size_t at, std::string_view set) {
        return at < md.size() && set.find(md[at]) != std::string_view::npos;
    };
    for (;;) {
        std::size_t start = i;
        while (is(i, " \t")) ++i;
        if (is(i, "-+*>") && (i + 1 >= md.size() || is(i + 1, " \t\n"))) {
            ++i;  // a bullet or a quote
        } else if (is(i, "#")) {
            while (is(i, "#")) ++i;  // a heading
        } else if (is(i, "0123456789")) {
            std::size_t digits = i;
            while (is(digits, "0123456789")) ++digits;
            if (is(digits, ".)") && is(digits + 1, " \t")) i = digits + 1;  // "1. ", "2) "
        }
        while (is(i, " \t")) ++i;
        if (i + 2 < md.size() && md[i] == '[' && is(i + 1, " xX") && md[i + 2] == ']') i += 3;  // a task box
        if (i == start) return i;
    }
}

std::string without_markup(std::string_view md) {
    std::string out;
    out.reserve(md.size());
    for (std::size_t i = block_markers_at(md, 0); i < md.size(); ++i) {
        char c = md[i];
        if (c == '\n') {
            out += c;
            i = block_markers_at(md, i + 1) - 1;
            continue;
        }
        if (c == '*' || c == '_' || c == '~' || c == '`' || c == '[') continue;
        if (c == '|') {
            out += ' ';
            continue;
        }
        if (c == ']' && i + 1 < md.size() && md[i + 1] == '(') {  // [text](target): the text only
            std::size_t close = md.find(')', i + 2);
            if (close != std::string_view::npos && md.substr(i, close - i).find('\n') == std::string_view::npos) {
                i = close;
                continue;
            }
        }
        if (c == ']') continue;
        out += c;
    }
    return out;
}

std::size_t count_of(const std::string& s, char c) {
    return static_cast<std::size_t>(std::count(s.begin(), s.end(), c));
}

// A title or tag name long and specific enough that finding it means it leaked; shorter
// ones ("Agenda") are words the theme itself uses.
bool distinctive_phrase(const std::string& s) {
    bool mark = std::any_of(s.begin(), s.end(),
                            [](char c) { return c == ' ' || c == '-' || std::isdigit(static_cast<unsigned char>(c)); });
    return s.size() >= 12 && mark;
}

// A person's full name: two words are enough, names rarely collide with the theme's words.
bool distinctive_name(const std::string& s) { return s.size() >= 5 && s.find(' ') != std::string::npos; }

// A sentence fragment of a community block worth looking for: three words or more.
bool distinctive_run(const std::string& s) { return s.size() >= 16 && count_of(s, ' ') >= 2; }

// A slug unlike any word or class name the theme writes: three parts, or parts and a digit.
bool distinctive_slug(const std::string& s) {
    bool digit = std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return s.size() >= 8 && (count_of(s, '-') >= 2 || (digit && count_of(s, '-') >= 1));
}

// An alias as the address the redirect is written at (the loader's rule).
std::string alias_url(std::string url) {
    if (url.empty() || url.front() != '/') url = "/" + url;
    bool html = url.size() > 5 && url.compare(url.size() - 5, 5, ".html") == 0;
    if (url.back() != '/' && !html) url += '/';
    return url;
}

// The runs of plain words in a block's text, split where Markdown syntax or a line ends.
std::vector<std::string> runs_of(std::string_view block) {
    std::vector<std::string> runs;
    std::string current;
    auto flush = [&] {
        std::string run = audit_text(current);
        while (!run.empty() && run.front() == ' ') run.erase(run.begin());
        while (!run.empty() && (run.back() == ' ' || run.back() == '.' || run.back() == ':')) run.pop_back();
        // A list marker ("- ", "1. ") is syntax, not text.
        std::size_t skip = 0;
        while (skip < run.size() &&
               (std::isdigit(static_cast<unsigned char>(run[skip])) || run[skip] == '-' || run[skip] == '+' ||
                run[skip] == '.' || run[skip] == ')'))
            ++skip;
        if (skip > 0 && skip < run.size() && run[skip] == ' ') run.erase(0, skip + 1);
        if (distinctive_run(run)) runs.push_back(run);
        current.clear();
    };
    for (char c : block) {
        if (std::string_view("\n*_`[]()#>|<!~{}").find(c) != std::string_view::npos)
            flush();
        else
            current.push_back(c);
    }
    flush();
    return runs;
}

// The front matter of a source file, or empty.
std::string front_matter_of(const std::string& content, const std::string& path) {
    diag::Sink ignored;  // the load already reported its problems
    auto split = frontmatter::split(content, path, ignored);
    return split && split->has_front_matter ? split->yaml : std::string{};
}

// Every e-mail address git or front matter knows; each is forbidden in every file.
void add_email_addresses(const model::Site& site, const source::Snapshot& snapshot, std::vector<Forbidden>& out) {
    std::set<std::string> seen;
    auto add = [&](const std::string& text, const std::string& what) {
        for (auto [start, length] : find_email_addresses(text)) {
            std::string address = audit_text(text.substr(start, length));
            if (seen.insert(address).second) out.push_back({address, Edge::Email, what});
        }
    };
    const auto& h = site.history;
    for (const auto& [path, fh] : h.files)
        for (const auto& r : fh.revisions) add(r.author_email(), "an e-mail address from the git history");
    for (const auto& c : h.recent) add(c.author_email, "an e-mail address from the git history");
    for (const auto& [from, to] : h.mailmap) {
        add(from, "an e-mail address from .mailmap");
        add(to, "an e-mail address from .mailmap");
    }
    for (const auto& p : site.pages)
        for (const auto& id : p.git_identities) add(id, "an e-mail address from the git: field of " + p.source_path);
    for (const auto& f : snapshot.files) {
        bool markdown = f.path.size() > 3 && f.path.compare(f.path.size() - 3, 3, ".md") == 0;
        if (markdown && f.content.find('@') != std::string::npos)
            add(front_matter_of(f.content, f.path), "an e-mail address from the front matter of " + f.path);
    }
}

// People a page this build holds names (attendees, authors, owners...): shown by name.
std::set<std::string> people_named_by(const std::vector<const Page*>& pages) {
    std::set<std::string> named;
    auto add = [&](const std::vector<model::Ref>& refs) {
        for (const auto& r : refs) named.insert(r.text);
    };
    for (const Page* p : pages) {
        for (const auto* refs : {&p->authors, &p->conveners, &p->attendees, &p->apologies, &p->contributors})
            add(*refs);
        for (const auto& role : p->roles) add(role.people);
        for (const auto& a : p->actions) named.insert(a.owner.text);
    }
    return named;
}

// What the build may show: its pages' sources without their community blocks, and the
// titles it derives. A forbidden phrase found in `text` is allowed after all; a bare slug,
// when `slugs` (every line slugged, and as a heading's id) holds it.
struct PublicText {
    std::string text, slugs;

    void add(std::string_view shown) {
        text += audit_text(shown);
        text += "\n";
        // A file name written with "%20" is the same name.
        if (shown.find("%20") != std::string_view::npos) {
            std::string spaced(shown);
            for (std::size_t at = spaced.find("%20"); at != std::string::npos; at = spaced.find("%20", at))
                spaced.replace(at, 3, " ");
            text += audit_text(spaced) + "\n";
        }
        std::size_t pos = 0;
        while (pos < shown.size()) {
            std::size_t end = std::min(shown.find('\n', pos), shown.size());
            std::string_view line = shown.substr(pos, end - pos);
            slugs += model::slugify(line) + " " + markdown::heading_id(line) + " ";
            pos = end + 1;
        }
    }
};

// What may be forbidden, unless the public text holds it: phrases (found as whole words) and
// bare slugs (found between dashes or word edges).
struct Candidates {
    std::vector<Forbidden> phrases, slugs;
};

// The kept pages' front matter, bodies without their blocks (as written and as read), file
// names and slugs are public text; their tags are the build's (returned, slugged).
std::set<std::string> add_kept_pages(const std::vector<const Page*>& kept, const source::Snapshot& snapshot,
                                     PublicText& shown) {
    std::set<std::string> kept_tags;
    for (const Page* p : kept) {
        if (const source::SourceFile* f = snapshot.find(p->source_path))
            shown.add(front_matter_of(f->content, f->path));
        std::string body = filter_community_blocks(p->body, Audience::Public);
        shown.add(body);
        shown.add(without_markup(body));
        shown.add(model::stem_in_words(model::stem_of(p->source_path)) + "\n" + p->slug);
        for (const auto& t : p->tags) kept_tags.insert(model::slugify(t));
    }
    return kept_tags;
}

// A page left out: its address and aliases are forbidden outright; its title (or a person's
// name), its slug, and each tag no kept page uses (its tag page's address outright) are
// candidates.
void add_left_out_pages(const std::vector<const Page*>& left_out, std::set<std::string> kept_tags, AuditFacts& facts,
                        Candidates& candidates) {
    for (const Page* p : left_out) {
        std::string what = std::string(p->draft ? "draft" : "community") + " page " + p->source_path;
        if (p->url != "/") {
            facts.urls.push_back(audit_text(p->url));
            facts.forbidden.push_back({audit_text(p->url), Edge::UrlPath, "the address of " + what});
        }
        for (const auto& alias : p->aliases) {
            std::string url = audit_text(alias_url(alias));
            facts.urls.push_back(url);
            facts.forbidden.push_back({audit_text(url), Edge::UrlPath, "an alias of " + what});
        }
        std::string title = audit_text(p->title);
        bool person = p->type == model::PageType::Person;
        if (person ? distinctive_name(title) : distinctive_phrase(title))
            candidates.phrases.push_back({title, Edge::Word, (person ? "the name of " : "the title of ") + what});
        if (distinctive_slug(p->slug)) candidates.slugs.push_back({p->slug, Edge::Slug, "the slug of " + what});
        for (const auto& t : p->tags) {
            std::string slug = model::slugify(t);
            if (kept_tags.count(slug)) continue;
            kept_tags.insert(slug);  // once is enough
            std::string url = "/tags/" + slug + "/";
            facts.urls.push_back(url);
            facts.forbidden.push_back({url, Edge::UrlPath, "the tag page of a tag only " + what + " uses"});
            std::string name = audit_text(t);
            if (distinctive_phrase(name))
                candidates.phrases.push_back({name, Edge::Word, "a tag only " + what + " uses"});
        }
    }
}

// Each run of words of every :::community block, in any page.
void add_block_runs(const model::Site& site, Candidates& candidates) {
    for (const auto& p : site.pages)
        for (const auto& block : community_blocks(p.body))
            for (auto& run : runs_of(block.text))
                candidates.phrases.push_back(
                    {run, Edge::Word,
                     "text of a :::community block in " + p.source_path + " (line " +
                         std::to_string(p.body_first_line + static_cast<int>(block.first_line) + 1) + ")"});
}

// The old versions of the pages this build holds, as they were written: the versions it shows
// are public text without their blocks; a version it leaves out (community-only, a draft)
// gives every run of its words and fields, and any version the text of its blocks.
void add_versions(const model::VersionsRead& written, const std::vector<const Page*>& kept,
                  const FilterOptions& options, PublicText& shown, Candidates& candidates) {
    for (const Page* p : kept) {
        auto versions = written.find(p->source_path);
        if (versions == written.end()) continue;
        for (const auto& v : versions->second) {
            std::string what = " of " + p->source_path + " at commit " + v.commit.substr(0, 7);
            if (keeps(v.page, options)) {
                std::string body = filter_community_blocks(v.page.body, Audience::Public);
                shown.add(body);
                shown.add(without_markup(body));
                shown.add(v.page.title);
            } else {
                std::vector<std::string> texts = v.page.practices;
                texts.insert(texts.end(), v.page.expected_results.begin(), v.page.expected_results.end());
                for (const auto& q : v.page.learning_agenda) texts.push_back(q.question);
                texts.push_back(v.page.body);
                for (const auto& t : texts)
                    for (auto& run : runs_of(t))
                        candidates.phrases.push_back({run, Edge::Word, "text of a community-only version" + what});
            }
            for (const auto& block : community_blocks(v.page.body))
                for (auto& run : runs_of(block.text))
                    candidates.phrases.push_back(
                        {run, Edge::Word, "text of a :::community block in the version" + what});
        }
    }
}

// The subject of a commit that touched a page left out may name it; one that touched only
// kept pages is shown, so its words are public text: "Add 1 note" hidden in one commit is
// no leak when "Add 1 note; tag a story" of another is on the changes page.
void add_commit_subjects(const model::Site& site, const std::vector<const Page*>& kept, PublicText& shown,
                         Candidates& candidates) {
    std::set<std::string> kept_paths;
    for (const Page* p : kept) kept_paths.insert(p->source_path);
    auto clean = [&](const history::Commit& c) {
        return std::all_of(c.paths.begin(), c.paths.end(),
                           [&](const std::string& path) { return kept_paths.count(path) != 0; });
    };
    for (const auto& c : site.history.recent)
        if (clean(c)) shown.add(c.subject);
    for (const auto& c : site.history.recent) {
        std::string subject = audit_text(c.subject);
        if (!clean(c) && distinctive_run(subject))
            candidates.phrases.push_back(
                {subject, Edge::Word, "the subject of commit " + c.id.substr(0, 7) + ", which touched pages left out"});
    }
}

// An asset is published only when a page this build holds names it; a recording's captions
// and transcript when it is named, the site's picture because the config names it. That is
// settled first: a published recording's transcript is public text, and the words of one
// that is not must be found nowhere. An asset not published is forbidden by its address.
void add_assets(const model::Site& site, PublicText& shown, AuditFacts& facts, Candidates& candidates) {
    Matcher names;
    for (const auto& a : site.assets) {
        const std::string& named = model::published_with(a);
        names.add(audit_text(named.substr(named.rfind('/') + 1)), Edge::Word);
    }
    names.build();
    std::vector<bool> published(site.assets.size(), false);
    names.scan(shown.text, [&](std::size_t i) { published[i] = true; });
    for (std::size_t i = 0; i < site.assets.size(); ++i) {
        const model::Asset& a = site.assets[i];
        if (published[i] || a.source_path == site.config.image) {
            if (a.transcript) {
                shown.add(a.transcript->text);
                shown.add(without_markup(a.transcript->text));
            }
            continue;
        }
        facts.urls.push_back(audit_text(a.url));
        facts.forbidden.push_back({audit_text(a.url), Edge::UrlPath, "an asset no page of this build uses"});
        if (a.transcript)
            for (auto& run : runs_of(a.transcript->text))
                candidates.phrases.push_back(
                    {run, Edge::Word,
                     "the transcript " + a.transcript->path + " of a recording no page of this build uses"});
    }
}

// Forbids each candidate phrase the public text does not hold.
void forbid_phrases_unless_shown(std::vector<Forbidden> phrases, const std::string& public_text, AuditFacts& facts) {
    Matcher in_public;
    for (const auto& f : phrases) in_public.add(f.text, Edge::Word);
    in_public.build();
    std::vector<bool> allowed(phrases.size(), false);
    in_public.scan(public_text, [&](std::size_t i) { allowed[i] = true; });
    for (std::size_t i = 0; i < phrases.size(); ++i)
        if (!allowed[i]) facts.forbidden.push_back(std::move(phrases[i]));
}

// Forbids each candidate slug no public line or heading, slugged, holds.
void forbid_slugs_unless_shown(std::vector<Forbidden> slugs, const std::string& slug_text, AuditFacts& facts) {
    Matcher in_slugs;
    for (const auto& f : slugs) in_slugs.add(f.text, Edge::Dashed);
    in_slugs.build();
    std::vector<bool> slug_allowed(slugs.size(), false);
    in_slugs.scan(slug_text, [&](std::size_t i) { slug_allowed[i] = true; });
    for (std::size_t i = 0; i < slugs.size(); ++i)
        if (!slug_allowed[i]) facts.forbidden.push_back(std::move(slugs[i]));
}

}  // namespace

AuditFacts audit_facts(const model::Site& site, const model::VersionsRead& versions_as_written,
                       const source::Snapshot& snapshot, const FilterOptions& options) {
    AuditFacts facts;
    facts.base_url = audit_text(site.config.base_url);
    add_email_addresses(site, snapshot, facts.forbidden);

    std::vector<const Page*> kept, left_out;
    for (const auto& p : site.pages) (keeps(p, options) ? kept : left_out).push_back(&p);

    PublicText shown;
    shown.add(site.config.title + "\n" + site.config.description);
    std::set<std::string> kept_tags = add_kept_pages(kept, snapshot, shown);
    if (site.config.public_names != "initials") {
        std::set<std::string> named = people_named_by(kept);
        for (const Page* p : left_out)
            if (p->type == model::PageType::Person && named.count(p->slug)) shown.add(p->title);
    }

    // Candidates, then those the public text holds are let go.
    Candidates candidates;
    add_left_out_pages(left_out, std::move(kept_tags), facts, candidates);
    add_block_runs(site, candidates);
    add_versions(versions_as_written, kept, options, shown, candidates);
    add_commit_subjects(site, kept, shown, candidates);
    add_assets(site, shown, facts, candidates);
    forbid_phrases_unless_shown(std::move(candidates.phrases), shown.text, facts);
    forbid_slugs_unless_shown(std::move(candidates.slugs), shown.slugs, facts);
    return facts;
}

}  // namespace cp::audience
