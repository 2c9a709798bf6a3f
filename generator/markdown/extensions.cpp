#include "markdown/extensions.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <dlfcn.h>

// cmark-gfm 0.29 marks the extensions' inline characters ('~' for strikethrough, 'w' and
// ':' for autolinks) in a process-wide table when a parser starts its inlines, and unmarks
// them when it is done: one thread finishing a page unmarks '~' under another thread still
// parsing, and "~~x~~" comes out as literal tildes, at random. The library calls this
// function through its PLT, so this definition takes its place: marking happens once, in
// register_extensions(), before any thread starts, and every later call does nothing.
extern "C" __attribute__((visibility("default"))) void cmark_manage_extensions_special_characters(cmark_parser*, int) {}

namespace cp::markdown {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist", "tagfilter"};

}  // namespace

void register_extensions() {
    static bool done = false;
    if (done) return;
    done = true;
    cmark_gfm_core_extensions_ensure_registered();
    using Manage = void (*)(cmark_parser*, int);
    auto real = reinterpret_cast<Manage>(dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters"));
    if (!real) return;
    cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT);
    for (const char* name : kExtensions)
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, ext);
    real(parser, 1);
    cmark_parser_free(parser);
}

}  // namespace cp::markdown
