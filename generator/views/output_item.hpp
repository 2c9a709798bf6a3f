#pragma once
// What the stages after the model hand to the writer: HTML pages to render through
// the theme, and files whose bytes are already made (feeds, the search index).
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cp::views {

// Parts of a very large page made only as it is written (the printed memory's texts: half a
// gigabyte at 50,000 notes, twice over in its context): the context holds a marker for each
// part, and the writer replaces each marker with the part's bytes, made then and dropped.
class DeferredParts {
public:
    DeferredParts();  // markers with a nonce of their own, which no text of the memory holds
    // The marker to put in the context where the part's bytes go (as {{{triple}}} Mustache).
    std::string add(std::function<std::string()> make);
    // Hands `rendered` on to `piece` with each marker replaced by its part, made then.
    void expand(std::string_view rendered, const std::function<void(std::string_view)>& piece) const;

private:
    std::string prefix_;
    std::vector<std::function<std::string()>> parts_;
};

struct HtmlPage {
    std::string url;            // site-absolute, "/timeline/"; written as url + "index.html"
    std::string template_name;  // "meeting", "list", ...
    nlohmann::json context;     // made with page_frame() and filled in...
    std::string origin;         // what made it, for naming both sides of a clash
    // ...or, for a large list, made only when the page is rendered, on whichever thread
    // renders it, and dropped once it is written: a list of every note holds a copy of
    // every note's title and summary, and holding all of them at once cost gigabytes.
    std::function<nlohmann::json()> make_context{};
    // A whole document of its own (an e-mail, the printed memory): rendered without the
    // site's "base" layout.
    bool standalone = false;
    // ...or made with parts deferred to when it is written (DeferredParts).
    std::function<nlohmann::json(DeferredParts&)> make_context_with_parts{};
};

// The page's context: made now when it is made lazily, else a copy. A page with deferred
// parts gets them made into its context here.
nlohmann::json context_of(const HtmlPage& page);

// A page whose context is made when it is rendered. `make` may hold references to the
// site, which outlives every output.
inline HtmlPage lazy_page(std::string url, std::string template_name, std::string origin,
                          std::function<nlohmann::json()> make) {
    return {std::move(url), std::move(template_name), nlohmann::json(), std::move(origin), std::move(make)};
}

struct RawFile {
    std::string path;  // site-relative, "feed.xml"
    std::string content;
    std::string origin;
    // ...or, for a file too large to hold (the whole-memory export), its bytes made as it is
    // written: called once with a function that takes each piece in order.
    std::function<void(const std::function<void(std::string_view)>&)> write_pieces{};
};

// A file made piece by piece as it is written. `produce` may hold references to the site,
// which outlives every output.
inline RawFile streamed_file(std::string path, std::string origin,
                             std::function<void(const std::function<void(std::string_view)>&)> produce) {
    return {std::move(path), std::string(), std::move(origin), std::move(produce)};
}

}  // namespace cp::views
