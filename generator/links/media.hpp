#pragma once
// A recording as a page shows it: the player's facts (markdown::MediaEmbed) from the asset, its
// captions' address and its transcript, rendered safely.
#include <string>

#include "diag/diagnostic.hpp"
#include "links/resolve.hpp"
#include "markdown/render.hpp"
#include "model/site.hpp"

namespace cp::links {

// The player of `recording` (a model::Asset that assets::media_type() knows) on the page at
// `page_url`, its file written as `src` (the renderer labels it with the link's words). Its captions are added
// to `found.assets` (copied with it). A Markdown transcript is rendered with the body's guards,
// its relative links as plain text; one cmark-gfm would take hours over is a warning at its file.
markdown::MediaEmbed media_embed(const model::Asset& recording, const std::string& page_url, const std::string& src,
                                 PageLinks& found, diag::Sink& sink);

// The transcript as safe HTML: text and captions escaped (a paragraph per blank-line-separated
// block, or per cue), Markdown rendered as above. Sets `words` to its plain text.
std::string transcript_html(const model::Transcript& transcript, std::string& words, diag::Sink& sink);

}  // namespace cp::links
