// libFuzzer harness for the SVG check (issue #21): an SVG the check accepts, parsed again on its
// own here, holds no script element, no event attribute and no href the URL policy refuses.
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "assets/svg_check.hpp"
#include "text/url_policy.hpp"

namespace {

std::string lower(const xmlChar* s) {
    std::string out = s ? reinterpret_cast<const char*>(s) : "";
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void walk(xmlNode* n) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            std::string name = lower(n->name);
            if (name == "script" || name == "foreignobject" || name == "handler") __builtin_trap();
            for (xmlAttr* a = n->properties; a; a = a->next) {
                std::string attr = lower(a->name);
                if (attr.rfind("on", 0) == 0) __builtin_trap();
                if (attr == "href") {
                    xmlChar* v = xmlNodeListGetString(n->doc, a->children, 1);
                    std::string value = v ? reinterpret_cast<const char*>(v) : "";
                    xmlFree(v);
                    if (!cp::text::url_allowed(value, cp::text::UrlUse::Media)) __builtin_trap();
                }
            }
        }
        if (n->type == XML_PI_NODE || n->type == XML_DTD_NODE || n->type == XML_ENTITY_REF_NODE) __builtin_trap();
        walk(n->children);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (cp::assets::check_svg(bytes, "assets/fuzz.svg")) return 0;  // refused: nothing to prove
    xmlDoc* doc = xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) __builtin_trap();  // accepted, so it must parse
    if (doc->intSubset || doc->extSubset) __builtin_trap();
    walk(doc->children);
    xmlFreeDoc(doc);
    return 0;
}
