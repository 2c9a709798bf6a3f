#pragma once
// The values templates see: the frame every page shares (site, navigation, root
// prefix) and the fields of each page, with links made relative to the page.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "links/bodies.hpp"
#include "model/site.hpp"

namespace cp::views {

// The navigation entries of the header, in order.
struct NavEntry {
    std::string key;  // of its word in the catalog: "nav.domains"
    std::string url;
};
const std::vector<NavEntry>& navigation();

// The shared frame: site {title, description, language, audience, is_public, base_url},
// root ("../../"), nav [{label, url, current}], url, page_title, description, search_url,
// and social (views::social_card: the page's Open Graph and Twitter card, public builds only).
nlohmann::json page_frame(const model::Site& site, const std::string& url, const std::string& title,
                          const std::string& description = {});

// A reference as {label, url, linked}, its url relative to the page at `from_url`.
nlohmann::json ref_json(const model::Ref& ref, const std::string& from_url);
nlohmann::json refs_json(const std::vector<model::Ref>& refs, const std::string& from_url);
// A link to a page as {title, url (relative), type, type_label, date, date_human, summary, kind,
// kind_label}, its words from `words`.
nlohmann::json page_link(const i18n::Catalog& words, const model::Page& page, const std::string& from_url);
// "12 March 2016" from "2016-03-12", in the catalog's language (the date itself when it does not parse).
std::string human_date(const i18n::Catalog& words, const std::string& date);

// The context of one page: the frame plus `page` with every field of its type,
// its rendered body, backlinks and history.
nlohmann::json page_context(const model::Site& site, const model::Page& page, const links::RenderedPage& rendered,
                            const std::vector<model::Page>& pages);

// A transcript longer than this many bytes starts folded under its player.
inline constexpr std::size_t kLongTranscript = 1500;

// A recording's player as the theme's `media` template sees it: {video, src, mime, file_name,
// label, captions, transcript (safe HTML), transcript_long, language}; its addresses
// percent-encoded, for the template to escape as it writes them.
nlohmann::json media_context(const markdown::MediaEmbed& media, const std::string& language);

// The template a page renders with: "domain", "meeting", "note", "person", "page" or "home".
std::string template_for(const model::Page& page);

}  // namespace cp::views
