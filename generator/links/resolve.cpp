#include "links/resolve.hpp"

#include <algorithm>
#include <cctype>

#include "links/urls.hpp"
#include "model/slug.hpp"

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
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

void report(diag::Sink& sink, Strictness strictness, const std::string& path, int line, int column,
            std::string message) {
    if (strictness == Strictness::Check) sink.error(path, line, column, std::move(message));
    else sink.warning(path, line, column, std::move(message));
}

class ReferenceResolver {
public:
    ReferenceResolver(model::Site& site, const model::SiteIndex& index, const Catalogue& catalogue,
                      Strictness strictness, diag::Sink& sink)
        : site_(site), index_(index), catalogue_(catalogue), strictness_(strictness), sink_(sink) {}

    void person(Ref& ref, const std::string& path) {
        if (ref.text.empty()) return;
        ref.label = ref.text;
        if (const Page* p = index_.find(PageType::Person, ref.text)) {
            ref.url = p->url;
            ref.label = p->title;
        } else if (auto it = site_.hidden_people.find(ref.text); it != site_.hidden_people.end()) {
            ref.label = it->second;  // by name only: their page is not in this build
        } else if (catalogue_.has(type_key(PageType::Person, ref.text))) {
            ref.label = model::stem_in_words(ref.text);  // a draft profile
        } else if (looks_like_slug(ref.text) && ref.line > 0) {
            report(sink_, strictness_, path, ref.line, ref.column, "unknown person '" + ref.text +
                                                                       "' (no people/" + ref.text + ".md)");
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
                   std::string("unknown ") + what + " '" + ref.text + "'");
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
            p.related.erase(std::remove_if(p.related.begin(), p.related.end(),
                                           [&](Ref& r) { return !any_page(r, path); }),
                            p.related.end());
            for (auto& q : p.learning_agenda)
                if (!q.answered_in.text.empty() && !any_page(q.answered_in, path)) q.answered_in = Ref{};
        }
    }

private:
    model::Site& site_;
    const model::SiteIndex& index_;
    const Catalogue& catalogue_;
    Strictness strictness_;
    diag::Sink& sink_;
};

bool has_scheme(const std::string& url) {
    for (std::size_t i = 0; i < url.size(); ++i) {
        char c = url[i];
        if (c == ':') return i > 0;
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
    }
    return false;
}

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string{} : path.substr(0, slash);
}

std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

}  // namespace

Catalogue catalogue_of(const model::Site& site) {
    Catalogue c;
    for (const auto& p : site.pages) {
        c.keys.insert(type_key(p.type, p.slug));
        c.keys.insert("path:" + p.source_path);
        c.keys.insert("slug:" + p.slug);
    }
    for (const auto& a : site.assets) c.keys.insert("path:" + a.source_path);
    return c;
}

void resolve_references(model::Site& site, const Catalogue& catalogue, Strictness strictness,
                        diag::Sink& sink) {
    model::SiteIndex index(site);
    ReferenceResolver(site, index, catalogue, strictness, sink).run();
}

markdown::LinkResolver make_resolver(const model::SiteIndex& index, const Page& page, const Catalogue& catalogue,
                                     Strictness strictness, diag::Sink& sink, PageLinks& found) {
    using markdown::LinkRequest;
    using markdown::LinkResult;
    using Action = LinkResult::Action;
    return [&index, &page, &catalogue, strictness, &sink, &found](const LinkRequest& req) -> LinkResult {
        const std::string& path = page.source_path;
        auto broken = [&](std::string message) {
            report(sink, strictness, path, req.line, req.column, std::move(message));
            return LinkResult{Action::Broken, {}, {}};
        };
        auto to_page = [&](const Page& target, const std::string& fragment) {
            found.pages.push_back(target.url);
            std::string url = relative_url(page.url, target.url + (fragment.empty() ? "" : "#" + fragment));
            return LinkResult{Action::Rewrite, url, target.title};
        };

        if (req.is_wikilink) {
            std::string target = req.destination, fragment;
            if (auto hash = target.find('#'); hash != std::string::npos) {
                fragment = target.substr(hash + 1);
                target = target.substr(0, hash);
            }
            while (!target.empty() && target.back() == ' ') target.pop_back();
            while (!target.empty() && target.front() == ' ') target.erase(target.begin());
            std::optional<PageType> type;
            if (auto slash = target.find('/'); slash != std::string::npos) {
                type = model::parse_type(target.substr(0, slash));
                if (!type) return broken("wikilink [[" + req.destination + "]]: unknown type '" +
                                         target.substr(0, slash) + "'");
                target = target.substr(slash + 1);
            }
            std::string slug = model::slugify(target);
            if (type) {
                if (const Page* p = index.find(*type, slug)) return to_page(*p, fragment);
                if (catalogue.has(std::string(model::type_name(*type)) + ":" + slug)) return {Action::Unlink, {}, {}};
                return broken("wikilink [[" + req.destination + "]] leads to no page");
            }
            auto pages = index.by_slug(slug);
            if (pages.size() > 1) {
                std::string kinds;
                for (const Page* p : pages) kinds += (kinds.empty() ? "" : " and ") + std::string(model::type_name(p->type));
                report(sink, strictness, path, req.line, req.column,
                       "wikilink [[" + req.destination + "]] is ambiguous: it names a " + kinds +
                           "; write [[type/" + slug + "]]");
                return to_page(*pages.front(), fragment);
            }
            if (pages.size() == 1) return to_page(*pages.front(), fragment);
            if (catalogue.has("slug:" + slug)) return {Action::Unlink, {}, {}};
            return broken("wikilink [[" + req.destination + "]] leads to no page");
        }

        const std::string& dest = req.destination;
        if (dest.empty() || dest.front() == '#' || has_scheme(dest) || dest.rfind("//", 0) == 0)
            return {Action::Keep, {}, {}};
        std::string target = dest, fragment;
        if (auto hash = target.find('#'); hash != std::string::npos) {
            fragment = target.substr(hash + 1);
            target = target.substr(0, hash);
        }
        if (auto q = target.find('?'); q != std::string::npos) target = target.substr(0, q);
        target = percent_decode(target);
        const char* what = req.is_image ? "image" : "link";

        // A site address ("/notes/x/") rather than a file path.
        if (!target.empty() && target.front() == '/' && (target.back() == '/' || target.find('.') == std::string::npos)) {
            std::string url = target.back() == '/' ? target : target + "/";
            if (const Page* p = index.by_url(url)) return to_page(*p, fragment);
        }
        auto joined = join_path(folder_of(path), target);
        if (!joined) return broken(std::string(what) + " '" + dest + "' points outside the memory");
        if (joined->size() > 3 && joined->compare(joined->size() - 3, 3, ".md") == 0) {
            if (const Page* p = index.by_source(*joined)) return to_page(*p, fragment);
            if (catalogue.has("path:" + *joined)) return {Action::Unlink, {}, {}};
            return broken(std::string("broken ") + what + ": '" + dest + "' (no file " + *joined + ")");
        }
        if (catalogue.has("path:" + *joined)) {
            found.assets.push_back("/" + *joined);
            return {Action::Rewrite, relative_url(page.url, "/" + *joined + (fragment.empty() ? "" : "#" + fragment)), {}};
        }
        // A folder link to a free page ("guides/") or a generated page.
        std::string as_url = "/" + *joined + (joined->empty() || joined->back() == '/' ? "" : "/");
        if (const Page* p = index.by_url(as_url)) return to_page(*p, fragment);
        return broken(std::string("broken ") + what + ": '" + dest + "' (no file " + *joined + ")");
    };
}

}  // namespace cp::links
