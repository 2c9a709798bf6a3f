#include "site/search_documents.hpp"

namespace cp::site {

namespace {

void add(std::vector<std::string_view>& texts, const std::string& words) {
    if (!words.empty()) texts.emplace_back(words);
}

void add_all(std::vector<std::string_view>& texts, const std::vector<std::string>& items) {
    for (const auto& s : items) add(texts, s);
}

}  // namespace

std::vector<search::SearchDocument> search_documents(const links::ResolvedSite& resolved) {
    const model::Site& site = resolved.site();
    const auto& bodies = resolved.bodies();
    std::vector<search::SearchDocument> docs;
    docs.reserve(site.pages.size());
    for (std::size_t i = 0; i < site.pages.size(); ++i) {
        const model::Page& p = site.pages[i];
        search::SearchDocument d;
        d.url = p.url;
        d.title = p.title;
        d.type = std::string(model::type_name(p.type));
        d.date = model::day_of(p.date);
        for (const auto& ref : p.domains)
            if (const model::Page* domain = resolved.index().by_url(ref.url);
                domain && domain->type == model::PageType::Domain)
                d.domains.push_back(domain->title);
        // The summary first (the snippet is cut from the start of the text), unless the body begins with it.
        d.lead = p.summary;
        std::vector<std::string_view>& text = d.texts;
        d.packed_body = &bodies[i].body->packed();  // unpacked only while the index takes its words
        d.packed_from = bodies[i].body->words_from();
        // A recording's label and transcript are shown under its player: they are the page's words too.
        for (const auto& m : bodies[i].body->media) {
            add(text, m.label);
            add(text, m.transcript_text);
        }
        for (const auto* list : {&p.agenda, &p.decisions, &p.highlights, &p.parking_lot, &p.practices, &p.expertise,
                                 &p.expected_results, &p.went_well, &p.to_improve})
            add_all(text, *list);
        for (const auto& a : p.actions) add(text, a.action);
        for (const auto& q : p.learning_agenda) add(text, q.question);
        add(text, p.organisation);
        add(text, p.profession);
        add(text, p.location);
        add(text, p.series);
        docs.push_back(std::move(d));
    }
    return docs;
}

}  // namespace cp::site
