#include <algorithm>
#include <set>

#include "indexes/changes.hpp"
#include "indexes/feeds.hpp"
#include "indexes/indexes.hpp"
#include "indexes/lists.hpp"
#include "indexes/versions.hpp"
#include "links/urls.hpp"
#include "reports/feedback.hpp"
#include "reports/reports.hpp"
#include "site/pipeline.hpp"
#include "site/search_documents.hpp"
#include "views/context.hpp"

namespace cp::site {

using nlohmann::json;

namespace {

// The file a site-absolute URL is written to: "/notes/x/" -> "notes/x/index.html".
std::string file_for(const std::string& url) {
    if (!url.empty() && url.back() != '/') return url.substr(1);
    return url.substr(1) + "index.html";
}

}  // namespace

Outputs make_outputs(const links::ResolvedSite& resolved, parallel::Pool& pool, diag::Sink& sink) {
    const model::Site& site = resolved.site();
    const auto& bodies = resolved.bodies();
    Outputs out;
    // The search index is the largest single index: it is built on a thread of its own while
    // the indexes are made and the pages rendered, and written last.
    out.search_index = pool.submit([&resolved] { return search::build_search_index(search_documents(resolved)); });
    // The indexes (each one pass over the pages) on another thread, while the pages'
    // shared facts (who wrote what, each domain's timeline) are gathered on this one.
    auto generated = pool.submit([&resolved, &sink] {
        auto made = indexes::generate_indexes(resolved, sink);
        auto sent = reports::generate_reports(resolved);  // digests, feedback, value, export, print
        for (auto& p : sent.pages) made.pages.push_back(std::move(p));
        for (auto& f : sent.files) made.files.push_back(std::move(f));
        return made;
    });
    out.page_contexts = std::make_unique<PageContexts>(resolved);
    bool has_home = false;
    for (const auto& page : site.pages) has_home = has_home || page.url == "/";
    if (!has_home) {
        json ctx = views::page_frame(site, "/", site.config.title);
        ctx["page"] = {{"title", site.config.title}, {"content", ""}};
        ctx.update(indexes::home_fields(site));
        out.pages.push_back({"/", "home", std::move(ctx), "the generated home page"});
    }
    indexes::Generated indexes = generated.get();
    for (auto& p : indexes.pages) out.pages.push_back(std::move(p));
    for (auto& f : indexes.files) out.files.push_back(std::move(f));
    for (auto& p : indexes::version_pages(site)) out.pages.push_back(std::move(p));

    {  // Search: the page (its index, of the filtered pages only, is still being built).
        json ctx = views::page_frame(site, "/search/", site.words.text("nav.search"));
        // The words search.js writes, as JSON in a data attribute of the form.
        // (A catalog without them, as a site made by hand has, gives {}: never a throw.)
        const json& words = site.words.tree();
        const json* script = nullptr;
        if (auto search = words.find("search"); search != words.end() && search->is_object())
            if (auto it = search->find("script"); it != search->end()) script = &*it;
        ctx["search_words"] = script ? script->dump() : std::string("{}");
        out.pages.push_back({"/search/", "search", std::move(ctx), "the search page"});
    }
    out.pages.push_back(indexes::not_found_page(site));
    {  // Last: the sitemap lists every page made above, the site's own pages included.
        std::vector<views::HtmlPage> listed;
        for (const auto& page : site.pages) listed.push_back({page.url, views::template_for(page), {}, {}});
        for (const auto& page : out.pages) listed.push_back({page.url, page.template_name, {}, {}});
        out.files.push_back(indexes::sitemap(resolved, listed));
    }

    // Assets: in a public build, only those a public page uses; files beside the notes, only
    // those a kept page uses (a repository's every stray file is not the site's).
    std::set<std::string> used;
    for (const auto& b : bodies) used.insert(b.links.assets.begin(), b.links.assets.end());
    used.insert("/" + site.config.image);  // the social cards' picture, when it is a file of the memory
    for (const auto& a : site.assets)
        if ((site.audience != model::Audience::Public && !a.beside) || used.count(a.url)) out.assets.push_back(a.url);
    return out;
}

void write_outputs(const model::Site& site, const Outputs& outputs, const theme::Theme& theme,
                   const source::Snapshot& snapshot, output::SiteWriter& writer, parallel::Pool& pool,
                   diag::Sink& sink) {
    auto clash = [&](const std::string& path, const std::string& origin) {
        sink.error(origin, 0, 0,
                   "would be written to " + path + ", which " + writer.origin_of(path) +
                       " already wrote: one must never overwrite the other");
    };
    // The files first (the whole-memory export is the longest single output), then the lists:
    // they are the largest pages, and started last they would leave one core working alone at
    // the end. Each context is made, rendered, written and dropped.
    const std::size_t files = outputs.files.size();
    const std::size_t lists = outputs.pages.size();
    const std::size_t own = outputs.page_contexts ? site.pages.size() : 0;
    pool.parallel_for(files + lists + own, [&](std::size_t i) {
        if (i < files) {
            const auto& f = outputs.files[i];
            bool ok = f.write_pieces ? writer.write_pieces(f.path, f.origin, f.write_pieces)
                                     : writer.write(f.path, f.content, f.origin);
            if (!ok) clash(f.path, f.origin);
            return;
        }
        i -= files;
        if (i < lists) {
            const auto& page = outputs.pages[i];
            auto render = [&](const json& ctx) {
                return page.standalone ? theme.render(page.template_name, ctx)
                                       : theme.render_page(page.template_name, ctx);
            };
            std::string html = page.make_context ? render(page.make_context()) : render(page.context);
            std::string path = file_for(page.url);
            if (!writer.write(path, html, page.origin)) clash(path, page.origin);
            return;
        }
        const model::Page& page = site.pages[i - lists];
        std::string html = theme.render_page(views::template_for(page), outputs.page_contexts->make(i - lists));
        std::string path = file_for(page.url);
        if (!writer.write(path, html, page.source_path)) clash(path, page.source_path);
    });
    if (outputs.search_index.valid()) {
        // Thousands of small files at 50,000 notes: on every core too.
        const auto& search_files = outputs.search_index.get();
        pool.parallel_for(search_files.size(), [&](std::size_t i) {
            const auto& f = search_files[i];
            if (!writer.write(f.path, f.content, "the search index")) clash(f.path, "the search index");
        });
    }
    for (const auto& url : outputs.assets) {
        std::string path = url.substr(1);
        const source::SourceFile* src = snapshot.find(path);
        if (!src) continue;
        bool ok = src->disk_path.empty() ? writer.write(path, src->content, src->path)
                                         : writer.copy(path, src->disk_path, src->path);
        if (!ok) clash(path, src->path);
    }
    for (const auto& s : theme.static_files())
        if (!writer.copy(s.path, s.from, "the theme")) clash(s.path, "the theme's " + s.path);
}

}  // namespace cp::site
