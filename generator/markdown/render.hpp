#pragma once
// GitHub-flavoured Markdown to HTML through cmark-gfm, raw HTML left out. Links
// are resolved on the parsed tree (never by pattern-matching the HTML): every
// link, image and [[wikilink]] is handed to a resolver that says what it becomes.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/pathological.hpp"

namespace cp::markdown {

struct Heading {
    int level = 0;
    std::string text;
    std::string id;  // stable, GitHub-style: "Night handovers" -> "night-handovers"
};

struct LinkRequest {
    std::string destination;  // as written: "../notes/x.md#part", "https://...", or the wikilink target
    bool is_image = false;
    bool is_wikilink = false;  // [[target]] or [[target|label]]; destination holds the target
    bool has_label = false;    // a wikilink with its own label
    int line = 0, column = 0;  // in the file
};

struct LinkResult {
    // Unlink: plain text (a link the audience may not follow); Broken: plain text marked as broken.
    enum class Action { Keep, Rewrite, Unlink, Broken };
    Action action = Action::Keep;
    std::string url;    // for Rewrite
    std::string label;  // for a wikilink without a label: the text to show
};

using LinkResolver = std::function<LinkResult(const LinkRequest&)>;

struct Rendered {
    std::string html;
    std::string plain_text;  // the words of the body, for search and the audit
    std::string summary;     // the first paragraph as plain text, cut near 200 characters
    std::vector<Heading> headings;
    std::optional<Pathology> refused;  // a body cmark-gfm would take hours over: not rendered, and why
};

struct RenderOptions {
    int first_line = 1;  // file line of the body's first line
    std::size_t max_bytes =
        std::size_t{4} * 1024 * 1024;  // a larger body is not rendered (cmark-gfm has quadratic cases)
    // The page's title: a first "# heading" with exactly this text is dropped, since the
    // template shows the title already.
    std::string title;
    // False: "[[x]]" is plain text (the memory writes notation like Foo.[[Prototype]]).
    bool wikilinks = true;
    // The theme's words a body shows, in the site's language and escaped for HTML (the links
    // step takes them from the catalog): the community-only label, a broken link's title, a
    // task's two states, and the notices for a body too large ("{bytes}" is its size) or too slow.
    struct Words {
        std::string community_only, broken_link, done, not_done, too_large, too_slow;
    } words;
};

// Renders a body. A line `<!--cp:community-->` ... `<!--cp:end-->` (put there by the
// audience filter for the community build) becomes an aside marked community-only.
// Never throws; a body over the size limit, or one find_pathological() refuses (then
// `refused` says where and why), renders as a short notice.
Rendered render(std::string_view markdown, const LinkResolver& resolve, const RenderOptions& options = {});

// The GitHub-style anchor of a heading's text, without de-duplication.
std::string heading_id(std::string_view text);

// The marker lines the audience filter writes around a community-only block.
inline constexpr std::string_view kCommunityStart = "<!--cp:community-->";
inline constexpr std::string_view kCommunityEnd = "<!--cp:end-->";

}  // namespace cp::markdown
