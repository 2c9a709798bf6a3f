#include "links/media.hpp"

#include <algorithm>

#include "assets/media.hpp"
#include "links/urls.hpp"
#include "text/escape.hpp"
#include "text/strings.hpp"
#include "text/url_policy.hpp"

namespace cp::links {

namespace {

// Plain text as paragraphs: a blank line (or, for captions, every line) ends one; the lines
// of a paragraph are kept as lines.
std::string paragraphs_html(const std::string& text, bool line_each) {
    std::string out, paragraph;
    auto close = [&] {
        if (paragraph.empty()) return;
        out += "<p>" + paragraph + "</p>\n";
        paragraph.clear();
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text::trim(std::string_view(text).substr(pos, end - pos));
        if (line.empty()) {
            close();
        } else {
            if (!paragraph.empty()) paragraph += "<br>\n";
            paragraph += text::escape_markup(line);
            if (line_each) close();
        }
        pos = end + 1;
    }
    close();
    return out;
}

}  // namespace

std::string transcript_html(const model::Transcript& transcript, std::string& words, diag::Sink& sink) {
    using Format = model::Transcript::Format;
    if (transcript.format != Format::Markdown) {
        words = transcript.text;
        return paragraphs_html(transcript.text, transcript.format == Format::Captions);
    }
    // Its own links lead where they are written only when they are web addresses: a relative
    // one would be read from the page's folder, not the transcript's.
    auto resolver = [](const markdown::LinkRequest& req) {
        using Action = markdown::LinkResult::Action;
        bool web = !req.is_wikilink && text::url_scheme(req.destination).has_value();
        return markdown::LinkResult{web ? Action::Keep : Action::Unlink, {}, {}};
    };
    markdown::RenderOptions options;
    options.wikilinks = false;
    auto rendered = markdown::render(transcript.text, resolver, options);
    if (const auto& refused = rendered.refused)
        sink.warning(transcript.path, refused->line, refused->column,
                     "this transcript is not shown under its recording: " + refused->message);
    words = std::move(rendered.plain_text);
    return std::move(rendered.html);
}

markdown::MediaEmbed media_embed(const model::Asset& recording, const std::string& page_url, const std::string& src,
                                 PageLinks& found, diag::Sink& sink) {
    markdown::MediaEmbed m;
    auto type = assets::media_type(recording.source_path);
    m.video = type && type->video;
    m.mime = type ? std::string(type->mime) : std::string{};
    m.src = src;
    m.file_name = recording.source_path.substr(recording.source_path.rfind('/') + 1);
    if (!recording.captions.empty()) {
        found.assets.push_back(recording.captions);
        m.captions = relative_url(page_url, recording.captions);
    }
    if (recording.transcript) m.transcript_html = transcript_html(*recording.transcript, m.transcript_text, sink);
    return m;
}

}  // namespace cp::links
