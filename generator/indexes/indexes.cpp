#include "indexes/indexes.hpp"

#include "indexes/actions.hpp"
#include "indexes/calendar.hpp"
#include "indexes/changes.hpp"
#include "indexes/feeds.hpp"
#include "indexes/folders.hpp"
#include "indexes/lists.hpp"
#include "indexes/stats.hpp"
#include "indexes/tags.hpp"
#include "indexes/timeline.hpp"

namespace cp::indexes {

Generated generate_indexes(const links::ResolvedSite& resolved, diag::Sink& sink) {
    const model::Site& site = resolved.site();
    Generated out;
    auto add = [&](std::vector<views::HtmlPage> pages) {
        for (auto& p : pages) out.pages.push_back(std::move(p));
    };
    add(type_lists(site));
    add(folder_pages(site));
    add(timeline_pages(resolved));
    add(tag_pages(site, collect_tags(site)));
    out.pages.push_back(actions_page(site));
    out.pages.push_back(agenda_page(site));
    out.pages.push_back(stats_page(resolved));
    out.pages.push_back(changes_page(resolved));
    add(redirect_pages(site, sink));
    out.files.push_back(atom_feed(resolved));
    out.files.push_back(calendar_file(site, sink));
    out.files.push_back(robots(site));
    return out;
}

}  // namespace cp::indexes
