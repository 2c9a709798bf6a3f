#include "assets/svg_check.hpp"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "text/strings.hpp"
#include "text/url_policy.hpp"

namespace cp::assets {

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct ContextFree {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && text::lower(s.substr(s.size() - suffix.size())) == suffix;
}

std::string name_of(const xmlChar* name) { return name ? reinterpret_cast<const char*>(name) : ""; }

std::string value_of(xmlNode* element, xmlAttr* attr) {
    xmlChar* v = xmlNodeListGetString(element->doc, attr->children, 1);
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
}

// "<name", built in steps: GCC 12 warns (-Wrestrict) on "<" + string.
std::string open_tag(xmlNode* e) {
    std::string tag(1, '<');
    return tag.append(name_of(e->name));
}

int line_of(xmlNode* node) { return static_cast<int>(std::max(0L, xmlGetLineNo(node))); }

class Checker {
public:
    std::optional<SvgRefusal> refusal;

    void element(xmlNode* e) {
        const std::string name = text::lower(name_of(e->name));
        static const char* const forbidden[] = {"script", "foreignobject", "handler", "iframe",
                                                "embed",  "object",        "include", "listener"};
        for (const char* f : forbidden)
            if (name == f) return refuse(e, open_tag(e) + "> can run a script or embed a document");
        for (xmlAttr* a = e->properties; a && !refusal; a = a->next) attribute(e, name, a);
        if (refusal) return;
        if (name == "style") css(e, content_of(e), "<style>");
        for (xmlNode* c = e->children; c && !refusal; c = c->next) node(c);
    }

    void node(xmlNode* n) {
        switch (n->type) {
            case XML_ELEMENT_NODE:
                element(n);
                break;
            case XML_TEXT_NODE:
            case XML_CDATA_SECTION_NODE:
            case XML_COMMENT_NODE:
                break;
            case XML_PI_NODE:
                refuse(n, "a processing instruction (<?" + name_of(n->name) + "?>) can load a stylesheet with scripts");
                break;
            case XML_ENTITY_REF_NODE:
            case XML_ENTITY_NODE:
            case XML_ENTITY_DECL:
                refuse(n, "an entity (&" + name_of(n->name) + ";) is never expanded here");
                break;
            default:
                refuse(n, "a node of a kind an SVG picture does not need");
                break;
        }
    }

private:
    void refuse(xmlNode* at, std::string message) {
        if (!refusal) refusal = SvgRefusal{line_of(at), std::move(message)};
    }

    static std::string content_of(xmlNode* e) {
        xmlChar* v = xmlNodeGetContent(e);
        std::string out = v ? reinterpret_cast<const char*>(v) : "";
        xmlFree(v);
        return out;
    }

    // A URL the SVG would load or follow: the URL policy's, for media; "#id" stays in the file.
    void url(xmlNode* e, const std::string& where, const std::string& value) {
        std::string v = text::browser_normalised(value);
        if (!v.empty() && v.front() == '#') return;
        if (auto why = text::refuse_url(value, text::UrlUse::Media))
            refuse(e,
                   where + " '" + text::quoted_url(value) + "' " + why->substr(0, why->find(';')) +
                       " (SVGs may only name http(s) addresses, the site's own files and '#ids')");
    }

    // CSS in a style attribute or element: each url() is checked; what CSS could hide behind
    // (escapes, @import, expression()) is refused outright.
    void css(xmlNode* e, const std::string& text, const std::string& where) {
        std::string l = text::lower(text);
        if (l.find('\\') != std::string::npos) return refuse(e, where + " holds a CSS escape, which can hide a URL");
        if (l.find("@import") != std::string::npos) return refuse(e, where + " imports another stylesheet");
        if (l.find("expression(") != std::string::npos) return refuse(e, where + " holds a CSS expression()");
        for (std::size_t at = l.find("url("); at != std::string::npos && !refusal; at = l.find("url(", at + 4)) {
            std::size_t end = l.find(')', at);
            if (end == std::string::npos) return refuse(e, where + " has an unclosed url(");
            std::string target = text.substr(at + 4, end - at - 4);
            while (!target.empty() && (target.front() == ' ' || target.front() == '"' || target.front() == '\''))
                target.erase(target.begin());
            while (!target.empty() && (target.back() == ' ' || target.back() == '"' || target.back() == '\''))
                target.pop_back();
            url(e, where + " url()", target);
        }
    }

    void attribute(xmlNode* e, const std::string& element, xmlAttr* a) {
        const std::string name = text::lower(name_of(a->name));  // the local name: xlink:href is "href"
        const std::string value = value_of(e, a);
        std::string shown = a->ns && a->ns->prefix ? name_of(a->ns->prefix) + ":" : std::string{};
        shown += name_of(a->name);
        std::string tag = open_tag(e) + " " + shown + ">";  // "<rect onclick>"
        if (name.rfind("on", 0) == 0) return refuse(e, tag + " is an event handler: it runs a script");
        if (name == "href" || name == "src" || name == "base" || name == "action" || name == "formaction") {
            if (element == "use" && text::browser_normalised(value).rfind('#', 0) != 0) {
                std::string message = "<use ";
                message.append(shown).append("='").append(text::quoted_url(value)).append("'> loads another document");
                return refuse(e, std::move(message));
            }
            return url(e, tag, value);
        }
        if (name == "attributename" && (element == "animate" || element == "set" || element.rfind("animate", 0) == 0)) {
            std::string target = text::lower(value);
            target = target.substr(target.find(':') == std::string::npos ? 0 : target.find(':') + 1);
            if (target == "href" || target.rfind("on", 0) == 0)
                return refuse(e, open_tag(e) + "> sets " + value + ", which can turn a link into a script");
        }
        if (name == "style") return css(e, value, "style attribute");
        if (text::lower(value).find("url(") != std::string::npos) css(e, value, shown + " attribute");
    }
};

}  // namespace

bool is_svg_name(std::string_view path) { return ends_with(path, ".svg") || ends_with(path, ".svgz"); }

std::optional<SvgRefusal> check_svg(std::string_view bytes, std::string_view path) {
    if (ends_with(path, ".svgz"))
        return SvgRefusal{0, "a compressed SVG (.svgz) cannot be checked for scripts: save it as .svg"};
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return SvgRefusal{0, "this SVG is too large to check"};
    std::unique_ptr<xmlParserCtxt, ContextFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) return SvgRefusal{0, "this SVG could not be checked (no memory)"};
    // No network, no entity expansion (no XML_PARSE_NOENT), no DTD loaded: nothing outside the
    // bytes is read, and a billion laughs stays unexpanded (and is refused below).
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    std::unique_ptr<xmlDoc, DocFree> doc(
        xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
    if (!doc || ctxt->wellFormed == 0) {
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        std::string why = e && e->message ? e->message : "not well-formed";
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        return SvgRefusal{e ? e->line : 0,
                          "this SVG does not parse as XML (" + why + "), so it cannot be proven free of scripts"};
    }
    if (doc->intSubset || doc->extSubset)
        return SvgRefusal{
            std::max(1, line_of(reinterpret_cast<xmlNode*>(doc->intSubset ? doc->intSubset : doc->extSubset))),
            "this SVG has a DOCTYPE: its entities could read files or grow without end, and an SVG needs none"};
    Checker checker;
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root || text::lower(name_of(root->name)) != "svg")
        return SvgRefusal{root ? line_of(root) : 0, "the file's root element is not <svg>"};
    for (xmlNode* n = doc->children; n && !checker.refusal; n = n->next)
        if (n->type != XML_DTD_NODE) checker.node(n);
    return checker.refusal;
}

}  // namespace cp::assets
