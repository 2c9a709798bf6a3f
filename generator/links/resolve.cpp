#include "links/resolve.hpp"

#include "text/escape.hpp"
#include "text/hash.hpp"
#include "text/strings.hpp"
#include "text/url_policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "assets/media.hpp"
#include "diag/suggest.hpp"
#include "links/media.hpp"
#include "links/urls.hpp"
#include "markdown/render.hpp"
#include "model/assets.hpp"
#include "model/folders.hpp"
#include "model/reserved_addresses.hpp"
#include "model/slug.hpp"
#include "parallel/pool.hpp"

namespace cp::links {

using model::Page;
using model::PageType;
using model::Ref;

namespace {

std::string type_key(PageType type, const std::string& slug) {
    return std::string(model::type_name(type)) + ":" + slug;
}

bool looks_like_slug(const std::string& s) {
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'; });
}

void report(diag::Sink& sink, Strictness strictness, const std::string& path, int line, int column,
            std::string message) {
    if (strictness == Strictness::Check)
        sink.error(path, line, column, std::move(message));
    else
        sink.warning(path, line, column, std::move(message));
}

// The address an alias names, as the loader checks it for clashes: "/old/" or "/old.html".
std::string alias_url(std::string url) {
    if (url.empty() || url.front() != '/') url = "/" + url;
    bool html = url.size() > 5 && url.compare(url.size() - 5, 5, ".html") == 0;
    if (url.back() != '/' && !html) url += '/';
    return url;
}

class ReferenceResolver {
public:
    ReferenceResolver(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                      Strictness strictness, diag::Sink& sink)
        : site_(site), index_(index), catalogue_(catalogue), strictness_(strictness), sink_(sink) {
        for (const Page& p : site.pages) {
            slugs_[p.type].push_back(p.slug);
            if (p.type == PageType::Person) people_by_name_.emplace(text::lower(p.title), &p);
        }
    }

    void person(Ref& ref, const std::string& path) {
        if (ref.text.empty()) return;
        ref.label = ref.text;
        const Page* p = index_.find(PageType::Person, ref.text);
        // A free name that is a member's name ("Ada Okafor") links to their profile too.
        if (!p)
            if (auto it = people_by_name_.find(text::lower(ref.text)); it != people_by_name_.end()) p = it->second;
        if (p) {
            ref.url = p->url;
            ref.label = p->title;
        } else if (auto it = site_.hidden_people.find(ref.text); it != site_.hidden_people.end()) {
            ref.label = it->second;  // by name only: their page is not in this build
        } else if (catalogue_.has(type_key(PageType::Person, ref.text))) {
            ref.label = model::stem_in_words(ref.text);  // a draft profile
        } else if (looks_like_slug(ref.text) && ref.line > 0 && !ref.from_prose) {
            report(sink_, strictness_, path, ref.line, ref.column,
                   "unknown person '" + ref.text + "' (no people/" + ref.text + ".md)" +
                       guess(PageType::Person, ref.text));
        }
    }

    // A reference to a page of one type; one this build does not hold is dropped
    // (its slug must not reach the output), one that exists nowhere is reported.
    bool page(Ref& ref, PageType type, const std::string& path, const char* what) {
        if (ref.text.empty()) return false;
        if (const Page* p = index_.find(type, ref.text)) {
            ref.url = p->url;
            ref.label = p->title;
            return true;
        }
        if (!catalogue_.has(type_key(type, ref.text)))
            report(sink_, strictness_, path, ref.line, ref.column,
                   std::string("unknown ") + what + " '" + ref.text + "'" + guess(type, ref.text));
        return false;
    }

    // Any page by slug (related, answered_in).
    bool any_page(Ref& ref, const std::string& path) {
        if (ref.text.empty()) return false;
        auto pages = index_.by_slug(ref.text);
        if (!pages.empty()) {
            ref.url = pages.front()->url;
            ref.label = pages.front()->title;
            return true;
        }
        if (!catalogue_.has("slug:" + ref.text))
            report(sink_, strictness_, path, ref.line, ref.column, "unknown page '" + ref.text + "'");
        return false;
    }

    void pages_of(std::vector<Ref>& refs, PageType type, const std::string& path, const char* what) {
        refs.erase(std::remove_if(refs.begin(), refs.end(), [&](Ref& r) { return !page(r, type, path, what); }),
                   refs.end());
    }

    void run() {
        for (Page& p : site_.pages) {
            const std::string& path = p.source_path;
            for (auto* list : {&p.authors, &p.conveners, &p.attendees, &p.apologies, &p.contributors})
                for (Ref& r : *list) person(r, path);
            for (auto& role : p.roles)
                for (Ref& r : role.people) person(r, path);
            for (auto& a : p.actions) person(a.owner, path);
            pages_of(p.domains, PageType::Domain, path, "domain");
            if (!p.parent.text.empty() && !page(p.parent, PageType::Domain, path, "domain")) p.parent = Ref{};
            p.related.erase(
                std::remove_if(p.related.begin(), p.related.end(), [&](Ref& r) { return !any_page(r, path); }),
                p.related.end());
            for (auto& q : p.learning_agenda)
                if (!q.answered_in.text.empty() && !any_page(q.answered_in, path)) q.answered_in = Ref{};
        }
    }

private:
    std::string guess(PageType type, const std::string& text) const {
        auto it = slugs_.find(type);
        if (it == slugs_.end()) return {};
        auto g = diag::closest(text, it->second);
        return g ? ": did you mean " + *g + "?" : std::string{};
    }

    model::Site& site_;
    const model::SiteIndex& index_;
    const Catalogue& catalogue_;
    Strictness strictness_;
    diag::Sink& sink_;
    std::map<PageType, std::vector<std::string>> slugs_;
    std::map<std::string, const Page*> people_by_name_;
};

// The web address inside a link written as a path before it ("../https://x.org/a" gives
// "https://x.org/a"): joined as a path, its "//" would fold into one and the problem be
// printed about "https:/x.org/a", an address nobody wrote.
std::optional<std::string> web_address_after_path(const std::string& dest) {
    std::size_t colon = dest.find("://");
    if (colon == std::string::npos) return std::nullopt;
    std::size_t start = dest.rfind('/', colon);
    start = start == std::string::npos ? 0 : start + 1;
    if (start == 0 || start == colon || !std::isalpha(static_cast<unsigned char>(dest[start])) ||
        !text::url_scheme(dest.substr(start, colon - start + 1)))
        return std::nullopt;
    return dest.substr(start);
}

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

std::string percent_decode(const std::string& s) { return text::percent_decode(s); }

}  // namespace

Catalogue catalogue_of(const model::Site& site) { return catalogue_of(site, catalogue_key(site)); }

namespace {

// The keys a page is found by: "TYPE:slug", "path:", "slug:", "url:".
std::array<std::string, 4> page_keys(const Page& p) {
    return {type_key(p.type, p.slug), "path:" + p.source_path, "slug:" + p.slug, "url:" + p.url};
}

// Every page's keys, and every asset's path.
void add_keys(const model::Site& site, Catalogue& c) {
    c.keys.reserve(site.pages.size() * 4 + site.assets.size());
    for (const auto& p : site.pages)
        for (auto& k : page_keys(p)) c.keys.insert(std::move(k));
    for (const auto& a : site.assets) c.keys.insert("path:" + a.source_path);
}

// The community's pages' keys, the aliases, the tags and the folders.
void add_the_rest(const model::Site& site, Catalogue& c) {
    std::unordered_set<std::string_view> tags;  // each tag once: slugifying is the costly part
    for (const auto& p : site.pages) {
        if (p.visibility == model::Visibility::Community)
            for (auto& k : page_keys(p)) c.community.emplace(std::move(k), p.source_path);
        for (const auto& a : p.aliases) c.aliases.emplace(alias_url(a), p.source_path);
        if (!p.draft) tags.insert(p.tags.begin(), p.tags.end());
    }
    for (std::string_view t : tags) c.tags.insert(model::slugify(t));
    for (const auto& [path, folder] : model::page_folders(site.pages)) c.folders.emplace(folder.url, folder.url);
    std::unordered_set<std::string_view> seen;  // the folders above the pages: a few hundred, each met often
    for (const auto& p : site.pages) {
        if (p.type == PageType::Page) continue;
        std::string list = "/" + std::string(model::type_folder(p.type)) + "/";
        for (auto slash = p.source_path.find('/'); slash != std::string::npos;
             slash = p.source_path.find('/', slash + 1))
            if (seen.insert(std::string_view(p.source_path).substr(0, slash)).second)
                c.folders.emplace(model::folder_url(p.source_path.substr(0, slash)), list);
    }
}

}  // namespace

Catalogue catalogue_of(const model::Site& site, std::uint64_t key, parallel::Pool* pool) {
    Catalogue c;
    c.key = key;
    // Two halves that share nothing, on two cores when there is a pool (340 ms at 50,000 notes
    // on one: it is made after git's pack is let go, where nothing else runs beside it).
    auto half = [&](std::size_t i) { i == 0 ? add_keys(site, c) : add_the_rest(site, c); };
    if (pool)
        pool->parallel_for(2, half);
    else
        for (std::size_t i = 0; i < 2; ++i) half(i);
    return c;
}

std::uint64_t catalogue_key(const model::Site& site) {
    text::QuickHash h;
    h.add(static_cast<std::uint64_t>(site.pages.size()));
    for (const auto& p : site.pages) {
        h.add(static_cast<std::uint64_t>(p.type)).add(p.slug).add(p.source_path).add(p.url);
        h.add(static_cast<std::uint64_t>(p.visibility)).add(static_cast<std::uint64_t>(p.draft ? 1 : 0));
        h.add(static_cast<std::uint64_t>(p.aliases.size()));
        for (const auto& a : p.aliases) h.add(a);
        h.add(static_cast<std::uint64_t>(p.tags.size()));
        for (const auto& t : p.tags) h.add(t);
    }
    h.add(static_cast<std::uint64_t>(site.assets.size()));
    for (const auto& a : site.assets) h.add(a.source_path);
    return h.value();
}

bool is_generated_address(const std::string& url, const Catalogue& catalogue) {
    if (model::is_reserved_address(url)) return true;
    // The timeline's pages by year, month or domain.
    if (url.rfind("/timeline/", 0) == 0 && url.back() == '/') return true;
    if (url.rfind("/tags/", 0) == 0 && url.back() == '/') {
        std::string slug = url.substr(6, url.size() - 7);
        return catalogue.tags.count(slug) != 0;
    }
    return false;
}

void resolve_references(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                        Strictness strictness, diag::Sink& sink) {
    ReferenceResolver(site, index, catalogue, strictness, sink).run();
}

void warn_unreferenced_people(const model::Site& site, const std::vector<bool>& linked, diag::Sink& sink) {
    // Each person's address, and whether some other page names it in its front matter. (A set
    // of every name met, on every page, was 1.4% of serve's rebuild.)
    std::unordered_map<std::string_view, bool> named;
    for (const Page& p : site.pages)
        if (p.type == PageType::Person) named.emplace(p.url, false);
    for (const Page& p : site.pages) {
        auto add = [&](const Ref& r) {
            if (r.url.empty() || r.url == p.url) return;
            if (auto it = named.find(r.url); it != named.end()) it->second = true;
        };
        for (const auto* list : {&p.authors, &p.conveners, &p.attendees, &p.apologies, &p.contributors})
            for (const Ref& r : *list) add(r);
        for (const auto& role : p.roles)
            for (const Ref& r : role.people) add(r);
        for (const auto& a : p.actions) add(a.owner);
        for (const Ref& r : p.related) add(r);
    }
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const Page& p = site.pages[i];
        if (p.type != PageType::Person || named.at(p.url) || (i < linked.size() && linked[i])) continue;
        sink.warning(p.source_path, 1, 1,
                     "no page refers to this person: name '" + p.slug +
                         "' as an attendee, author, convener, owner or role, or link to the profile");
    }
}

namespace {

using markdown::LinkRequest;
using markdown::LinkResult;
using Action = LinkResult::Action;

// One page's links, each resolved against the site (make_resolver); what they reach is
// added to `found`.
class PageLinker {
public:
    PageLinker(const model::SiteIndex& index, const Page& page, const Catalogue& catalogue, Strictness strictness,
               diag::Sink& sink, PageLinks& found)
        : index_(index), page_(page), catalogue_(catalogue), strictness_(strictness), sink_(sink), found_(found) {}

    LinkResult operator()(const LinkRequest& req) const {
        // The URL policy first: a script URL in any disguise is shown as text, whatever else it resembles.
        if (!req.is_wikilink) {
            auto use = req.is_image ? text::UrlUse::Media : text::UrlUse::Link;
            if (auto refusal = text::refuse_url(req.destination, use)) {
                sink_.warning(page_.source_path, req.line, req.column,
                              std::string(req.is_image ? "image" : "link") + " '" + text::quoted_url(req.destination) +
                                  "' " + *refusal);
                return LinkResult{Action::Unlink, {}, {}};
            }
        }
        return req.is_wikilink ? wikilink(req) : link(req);
    }

private:
    // Reported (an error in check, a warning in build) and shown as marked plain text.
    LinkResult broken(const LinkRequest& req, std::string message) const {
        report(sink_, strictness_, page_.source_path, req.line, req.column, std::move(message));
        return LinkResult{Action::Broken, {}, {}};
    }

    LinkResult to_page(const LinkRequest& req, const Page& target, const std::string& fragment) const {
        found_.pages.push_back(target.url);
        if (page_.visibility == model::Visibility::Public && target.visibility == model::Visibility::Community)
            sink_.warning(page_.source_path, req.line, req.column,
                          "this public page links to a community page (" + target.source_path +
                              "): in the public build the link becomes plain text");
        std::string url = relative_url(page_.url, target.url + (fragment.empty() ? "" : "#" + fragment));
        return LinkResult{Action::Rewrite, url, target.title};
    }

    // A page this build leaves out (a draft, or a community page in the public build): plain text.
    // The public build says so too when a public page loses a link to a community page.
    LinkResult left_out(const LinkRequest& req, const std::string& key) const {
        if (auto it = catalogue_.community.find(key);
            page_.visibility == model::Visibility::Public && it != catalogue_.community.end())
            sink_.warning(page_.source_path, req.line, req.column,
                          "this public page links to a community page (" + it->second +
                              "): in the public build the link becomes plain text");
        return LinkResult{Action::Unlink, {}, {}};
    }

    // A link to a site address ("/notes/x/"): a page, an alias, a generated page, a folder;
    // nothing when the address is none of these.
    std::optional<LinkResult> to_address(const LinkRequest& req, const std::string& url,
                                         const std::string& fragment) const {
        auto rewrite = [&](const std::string& target) {
            return LinkResult{
                Action::Rewrite, relative_url(page_.url, target + (fragment.empty() ? "" : "#" + fragment)), {}};
        };
        if (const Page* p = index_.by_url(url)) return to_page(req, *p, fragment);
        if (auto a = catalogue_.aliases.find(url); a != catalogue_.aliases.end()) {
            if (const Page* p = index_.by_source(a->second)) return to_page(req, *p, fragment);
            return left_out(req, "path:" + a->second);
        }
        if (is_generated_address(url, catalogue_)) return rewrite(url);
        if (catalogue_.has("url:" + url)) return left_out(req, "url:" + url);
        if (auto f = catalogue_.folders.find(url); f != catalogue_.folders.end()) {
            if (f->second != url) return rewrite(f->second);  // a folder of typed pages: its type's list
            // A folder of free pages has its index in this build when one of them is kept.
            for (const Page& p : index_.site().pages)
                if (p.type == PageType::Page && p.url.size() > url.size() && p.url.compare(0, url.size(), url) == 0)
                    return rewrite(url);
            return LinkResult{Action::Unlink, {}, {}};
        }
        return std::nullopt;
    }

    // [[slug]], [[type/slug]], [[guides/setup]], [[slug#Heading]], [[#Heading]].
    LinkResult wikilink(const LinkRequest& req) const {
        std::string target = req.destination, fragment;
        if (auto hash = target.find('#'); hash != std::string::npos) {
            // [[slug#Night handovers]]: the heading's text gives its id.
            fragment = markdown::heading_id(std::string(text::trim(target.substr(hash + 1))));
            target = target.substr(0, hash);
        }
        target = std::string(text::trim(target));
        if (target.empty()) {
            if (fragment.empty()) return broken(req, "wikilink [[" + req.destination + "]] names no page");
            return LinkResult{Action::Rewrite, "#" + fragment, {}};  // [[#heading]]: this page
        }
        if (target.find('/') != std::string::npos) return wikilink_with_folder(req, target, fragment);
        std::string slug = model::slugify(target);
        auto pages = index_.by_slug(slug);
        if (pages.size() > 1) {
            std::string kinds;
            for (const Page* p : pages)
                kinds += (kinds.empty() ? "" : " and a ") + std::string(model::type_name(p->type));
            report(sink_, strictness_, page_.source_path, req.line, req.column,
                   "wikilink [[" + req.destination + "]] is ambiguous: it names a " + kinds + "; write [[" +
                       std::string(model::type_name(pages.front()->type)) + "/" + slug + "]] or [[" +
                       std::string(model::type_name(pages.back()->type)) + "/" + slug + "]]");
            return to_page(req, *pages.front(), fragment);
        }
        if (pages.size() == 1) return to_page(req, *pages.front(), fragment);
        if (catalogue_.has("slug:" + slug)) return left_out(req, "slug:" + slug);
        return broken(req, "wikilink [[" + req.destination + "]] leads to no page: no file is named " + slug + ".md");
    }

    // [[type/slug]] (a type's folder: [[person/ada]]) or a free page by its path: [[guides/setup]].
    LinkResult wikilink_with_folder(const LinkRequest& req, const std::string& target,
                                    const std::string& fragment) const {
        auto slash = target.rfind('/');
        std::string folder = target.substr(0, slash), slug = model::slugify(target.substr(slash + 1));
        if (auto type = model::parse_type(folder); type && folder.find('/') == std::string::npos) {
            if (const Page* p = index_.find(*type, slug)) return to_page(req, *p, fragment);
            if (catalogue_.has(type_key(*type, slug))) return left_out(req, type_key(*type, slug));
            return broken(req,
                          "wikilink [[" + req.destination + "]] leads to no page: there is no " +
                              std::string(model::type_folder(*type)) + "/" + slug + ".md");
        }
        std::string source = target.front() == '/' ? target.substr(1) : target;
        if (const Page* p = index_.by_source(source + ".md")) return to_page(req, *p, fragment);
        if (catalogue_.has("path:" + source + ".md")) return left_out(req, "path:" + source + ".md");
        return broken(req, "wikilink [[" + req.destination + "]] leads to no page: there is no " + source + ".md");
    }

    // A Markdown link or image: kept when it leaves the site or names an anchor; else a site
    // address, a page's file, an asset or a folder, relative to this page's file.
    LinkResult link(const LinkRequest& req) const {
        const std::string& dest = req.destination;
        // A picture is described for those who cannot see it (a recording's link is not a picture).
        if (req.is_image && text::trim(req.text).empty() &&
            !assets::media_type(dest.substr(0, dest.find_first_of("?#"))))
            sink_.warning(page_.source_path, req.line, req.column,
                          "image '" + text::quoted_url(dest) +
                              "' has no alt text: say what it shows between the brackets, ![what it shows](" +
                              text::quoted_url(dest) + "), for readers who cannot see it");
        if (dest.empty() || dest.front() == '#' || text::url_scheme(dest) || dest.rfind("//", 0) == 0) {
            if (req.is_image && (text::url_scheme(dest) == "https" || text::url_scheme(dest) == "http"))
                found_.images.push_back(dest);
            return {Action::Keep, {}, {}};
        }
        const char* what = req.is_image ? "image" : "link";
        if (auto url = web_address_after_path(dest))
            return broken(req,
                          std::string(what) + " '" + dest + "' has a web address after a path: write '" + *url +
                              "' to link to it");
        std::string target = dest, fragment;
        if (auto hash = target.find('#'); hash != std::string::npos) {
            fragment = target.substr(hash + 1);
            target = target.substr(0, hash);
        }
        if (auto q = target.find('?'); q != std::string::npos) target = target.substr(0, q);
        target = percent_decode(target);

        // A site address ("/notes/x/", "/timeline/") rather than a file path.
        if (!target.empty() && target.front() == '/' && !req.is_image) {
            bool file_like = target.find('.', target.rfind('/')) != std::string::npos;
            std::string url = target.back() == '/' || file_like ? target : target + "/";
            if (auto r = to_address(req, url, fragment)) return *r;
            if (target.find('.') == std::string::npos || target.back() == '/')
                return broken(req, std::string("broken link: '") + dest + "' (no page has the address " + url + ")");
        }
        auto joined = join_path(folder_of(page_.source_path), target);
        if (!joined) return broken(req, std::string(what) + " '" + dest + "' points outside the memory");
        if (joined->size() > 3 && joined->compare(joined->size() - 3, 3, ".md") == 0) {
            if (const Page* p = index_.by_source(*joined)) return to_page(req, *p, fragment);
            if (catalogue_.has("path:" + *joined)) return left_out(req, "path:" + *joined);
            return broken(req, std::string("broken ") + what + ": '" + dest + "' (no file " + *joined + ")");
        }
        if (catalogue_.has("path:" + *joined)) return to_asset(req, "/" + *joined, fragment);
        // A folder link to a free page ("guides/") or a generated page ("../timeline/").
        if (!req.is_image) {
            bool file_like = joined->find('.', joined->rfind('/') == std::string::npos ? 0 : joined->rfind('/')) !=
                std::string::npos;
            std::string as_url = "/" + *joined + (joined->empty() || file_like ? "" : "/");
            if (auto r = to_address(req, as_url, fragment)) return *r;
            // A folder as written ("../meetings/groupA/"), its address slugged.
            if (!file_like && !joined->empty())
                if (auto r = to_address(req, model::folder_url(*joined), fragment)) return *r;
        }
        return broken(req, std::string("broken ") + what + ": '" + dest + "' (no file " + *joined + ")");
    }

    // A file of the memory that is not a page: a recording is embedded with its player, a
    // picture is given its size.
    LinkResult to_asset(const LinkRequest& req, const std::string& asset_url, const std::string& fragment) const {
        found_.assets.push_back(asset_url);
        LinkResult result{
            Action::Rewrite, relative_url(page_.url, asset_url + (fragment.empty() ? "" : "#" + fragment)), {}};
        // What the filtered site knows of it: a recording's captions and transcript, a picture's size.
        if (const model::Asset* asset = model::find_asset(index_.site().assets, asset_url)) {
            if (assets::media_type(asset->source_path)) {
                result.media = media_embed(*asset, page_.url, result.url, found_, sink_);
            } else if (req.is_image) {
                result.width = asset->width;
                result.height = asset->height;
            }
        }
        if (req.is_image && !result.media) found_.images.push_back(asset_url);
        return result;
    }

    const model::SiteIndex& index_;
    const Page& page_;
    const Catalogue& catalogue_;
    Strictness strictness_;
    diag::Sink& sink_;
    PageLinks& found_;
};

}  // namespace

markdown::LinkResolver make_resolver(const model::SiteIndex& index, const Page& page, const Catalogue& catalogue,
                                     Strictness strictness, diag::Sink& sink, PageLinks& found) {
    return PageLinker(index, page, catalogue, strictness, sink, found);
}

}  // namespace cp::links
