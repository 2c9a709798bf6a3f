#pragma once
// cmark-gfm's extension registry is global and not thread-safe: register once, in main,
// before any thread starts.

namespace cp::markdown {

// Registers the GFM core extensions (table, strikethrough, autolink, tasklist, tagfilter).
// Safe to call more than once from one thread; never call it from a worker.
void register_extensions();

}  // namespace cp::markdown
