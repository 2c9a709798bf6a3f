#pragma once
// An SVG is a program as much as a picture: a browser opening /assets/x.svg runs its scripts,
// on the site's own origin. Before an SVG is copied (in either audience) it is parsed with
// libxml2 (no network, no entity expansion, no DTD) and refused unless it is proven clean.
#include <optional>
#include <string>
#include <string_view>

namespace cp::assets {

struct SvgRefusal {
    int line = 0;  // in the file; 0 when it is the file as a whole
    std::string message;
};

// True for a file name the check applies to: ".svg" and ".svgz", in any case.
bool is_svg_name(std::string_view path);

// Nothing when the SVG holds no script: no <script>, <foreignObject>, <handler>, embedded
// documents, or event attribute (on*); every href, xlink:href, src, xml:base and CSS url() is
// one the URL policy allows for media (or "#id" within the file); <use> points inside the
// file; no <animate>/<set> changes an href; no DOCTYPE, entity or processing instruction; the
// root is <svg>. A compressed .svgz cannot be read, and a file that does not parse as XML
// cannot be proven clean: both are refused too. Never throws.
std::optional<SvgRefusal> check_svg(std::string_view bytes, std::string_view path);

}  // namespace cp::assets
