#include <algorithm>
#include <future>
#include <memory>
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
    // The search index, the largest single index, is built by the first thread that asks for
    // its files: a build asks once every page is written, serve when the browser does. Built on a
    // third thread while the two cores rendered the pages, its postings were held beside the
    // largest pages' contexts, at the build's peak (a build's memory, issue #20), and it took
    // a core from them: at 50,000 notes the write step's peak fell by 40 MB without it.
    out.search_index = std::async(std::launch::deferred, [&resolved] {
                           return search::build_search_index(search_documents(resolved));
                       }).share();
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
    // Made here while the indexes are still being made on the other thread; listed after them.
    std::vector<views::HtmlPage> versions = indexes::version_pages(site);
    indexes::Generated indexes = generated.get();
    for (auto& p : indexes.pages) out.pages.push_back(std::move(p));
    for (auto& f : indexes.files) out.files.push_back(std::move(f));
    for (auto& p : versions) out.pages.push_back(std::move(p));

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
    {  // Last: the sitemap lists every page made above, the site's own pages included. It is
        // made as it is written (on a core of its own, or never in serve until it is asked for).
        // Addresses and templates only: a whole HtmlPage for each of 75,000 pages was 16 MB.
        auto listed = std::make_shared<std::vector<indexes::SitemapEntry>>();
        listed->reserve(site.pages.size() + out.pages.size());
        for (const auto& page : site.pages) listed->push_back({page.url, views::template_for(page)});
        for (const auto& page : out.pages) listed->push_back({page.url, page.template_name});
        out.files.push_back(views::streamed_file("sitemap.xml", "the sitemap", [&resolved, listed](const auto& piece) {
            piece(indexes::sitemap(resolved, *listed).content);
        }));
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

namespace {

// A list or other page of `outputs.pages`, rendered through the theme.
OutputFile list_file(const views::HtmlPage& page, const theme::Theme& theme) {
    return {file_for(page.url),
            page.origin,
            [&page, &theme](const output::SiteWriter::Piece& piece) {
                // A page is handed on in pieces (the layout's text, the page inside it), never
                // copied whole into its layout: the largest lists are tens of MB.
                auto render = [&](const json& ctx, const output::SiteWriter::Piece& to) {
                    if (page.standalone)
                        theme.render(page.template_name, ctx, to);
                    else
                        theme.render_page(page.template_name, ctx, to);
                };
                if (page.make_context_with_parts) {
                    views::DeferredParts parts;
                    const json ctx = page.make_context_with_parts(parts);
                    // A part's mark is made inside the page, never split between pieces.
                    render(ctx, [&](std::string_view s) { parts.expand(s, piece); });
                    return;
                }
                render(views::context_of(page), piece);
            },
            {}};
}

}  // namespace

std::size_t output_file_count(const model::Site& site, const Outputs& outputs) {
    return outputs.files.size() + outputs.pages.size() + (outputs.page_contexts ? site.pages.size() : 0);
}

OutputFile output_file(const model::Site& site, const Outputs& outputs, const theme::Theme& theme, std::size_t k) {
    // The files first (the whole-memory export is the longest single output), then the lists:
    // they are the largest pages, and started last they would leave one core working alone at
    // the end. Each context is made, rendered, written and dropped.
    if (k < outputs.files.size()) {
        const views::RawFile& f = outputs.files[k];
        output::SiteWriter::Producer produce = f.write_pieces;
        if (!produce) produce = [&f](const output::SiteWriter::Piece& piece) { piece(f.content); };
        return {f.path, f.origin, std::move(produce), {}};
    }
    k -= outputs.files.size();
    if (k < outputs.pages.size()) return list_file(outputs.pages[k], theme);
    const std::size_t i = k - outputs.pages.size();
    const model::Page& page = site.pages[i];
    return {file_for(page.url),
            page.source_path,
            [&page, &theme, &outputs, i](const output::SiteWriter::Piece& piece) {
                theme.render_page(views::template_for(page), outputs.page_contexts->make(i), piece);
            },
            {}};
}

std::vector<OutputFile> output_files(const model::Site& site, const Outputs& outputs, const theme::Theme& theme) {
    std::vector<OutputFile> out;
    const std::size_t count = output_file_count(site, outputs);
    out.reserve(count);  // one for each: grown by doubling, half its room could be left empty
    for (std::size_t k = 0; k < count; ++k) out.push_back(output_file(site, outputs, theme, k));
    return out;
}

std::vector<OutputFile> copied_files(const Outputs& outputs, const theme::Theme& theme,
                                     const source::Snapshot& snapshot) {
    std::vector<OutputFile> out;
    for (const auto& url : outputs.assets) {
        const source::SourceFile* src = snapshot.find(url.substr(1));
        if (!src) continue;
        if (!src->disk_path.empty()) {
            out.push_back({url.substr(1), src->path, {}, src->disk_path});
            continue;
        }
        out.push_back(
            {url.substr(1), src->path, [src](const output::SiteWriter::Piece& piece) { piece(src->content); }, {}});
    }
    for (const auto& s : theme.static_files()) out.push_back({s.path, "the theme", {}, s.from});
    return out;
}

std::vector<OutputFile> search_output_files(const Outputs& outputs) {
    std::vector<OutputFile> out;
    if (!outputs.search_index.valid()) return out;
    for (const auto& f : outputs.search_index.get())
        out.push_back(
            {f.path, "the search index", [&f](const output::SiteWriter::Piece& piece) { piece(f.content); }, {}});
    return out;
}

void report_clash(const OutputFile& file, const std::string& earlier, diag::Sink& sink) {
    // The theme's static files are named "the theme's PATH"; the rest by origin.
    sink.error(file.origin == "the theme" ? "the theme's " + file.path : file.origin, 0, 0,
               "would be written to " + file.path + ", which " + earlier +
                   " already wrote: one must never overwrite the other");
}

void write_outputs(const model::Site& site, const Outputs& outputs, const theme::Theme& theme,
                   const source::Snapshot& snapshot, output::SiteWriter& writer, parallel::Pool& pool,
                   diag::Sink& sink) {
    auto write = [&](const OutputFile& f) {
        bool ok = f.copy_from.empty() ? writer.write_pieces(f.path, f.origin, f.produce)
                                      : writer.copy(f.path, f.copy_from, f.origin);
        if (!ok) report_clash(f, writer.origin_of(f.path), sink);
    };
    // Each file's name and producer made as it is written, never a list of them all (24 MB at
    // 50,000 notes, held through the whole write step).
    pool.parallel_for(output_file_count(site, outputs),
                      [&](std::size_t k) { write(output_file(site, outputs, theme, k)); });
    // The search index, built now that the pages are written, and its thousands of small files
    // at 50,000 notes: on every core too.
    auto search = search_output_files(outputs);
    pool.parallel_for(search.size(), [&](std::size_t i) { write(search[i]); });
    // Last and in order, so that a clash with a page always names the same two sides.
    for (const auto& f : copied_files(outputs, theme, snapshot)) write(f);
}

}  // namespace cp::site
