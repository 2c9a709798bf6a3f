#pragma once
// A page's rendered body moved to another address: its links are written relative to the
// page's own folder, so a body shown elsewhere (the printed memory, the export) has them
// rewritten.
#include <functional>
#include <string>

namespace cp::reports {

// The site-absolute target of `link` written on the page at `page_url` ("../../notes/x/" on
// "/meetings/m/" -> "/notes/x/"; "#part" -> "/meetings/m/#part"); empty for a link that leaves
// the site (a scheme, "//host", "mailto:").
std::string site_target(const std::string& page_url, const std::string& link);

// `html` with every href and src value that points into the site replaced by
// `to(site-absolute target)`. Links that leave the site are kept as they are.
std::string rebase_links(const std::string& html, const std::string& page_url,
                         const std::function<std::string(const std::string&)>& to);

}  // namespace cp::reports
