#include "text/packed.hpp"

#include <zstd.h>

#include <algorithm>
#include <stdexcept>

namespace cp::text {

namespace {

// Shorter texts are held as they are: a frame's header would eat what it saves.
constexpr std::size_t kPackFrom = 128;
// zstd's fastest standard level: a page packs in microseconds, at about a third of its size.
constexpr int kLevel = 1;

struct ContextFree {
    void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
    void operator()(ZSTD_DCtx* c) const { ZSTD_freeDCtx(c); }
};

// One context per thread, made on first use: a context made for each page costs as much as
// packing it. (Only a cache: what it packs does not depend on it.)
ZSTD_CCtx* packing_context() {
    thread_local std::unique_ptr<ZSTD_CCtx, ContextFree> context(ZSTD_createCCtx());
    return context.get();
}

ZSTD_DCtx* unpacking_context() {
    thread_local std::unique_ptr<ZSTD_DCtx, ContextFree> context(ZSTD_createDCtx());
    return context.get();
}

// Only this class packs these bytes, so a failure is a bug here, never bad input.
[[noreturn]] void cannot_unpack() { throw std::logic_error("packed text: cannot unpack what was packed"); }

}  // namespace

PackingDictionary::PackingDictionary(std::string_view samples)
    : packing_(ZSTD_createCDict(samples.data(), samples.size(), kLevel)),
      unpacking_(ZSTD_createDDict(samples.data(), samples.size())) {
    if (!packing_ || !unpacking_) {
        ZSTD_freeCDict(packing_);
        ZSTD_freeDDict(unpacking_);
        throw std::bad_alloc();
    }
}

PackingDictionary::~PackingDictionary() {
    ZSTD_freeCDict(packing_);
    ZSTD_freeDDict(unpacking_);
}

PackedText::PackedText(std::string_view text, std::shared_ptr<const PackingDictionary> dictionary)
    : size_(text.size()) {
    if (text.size() >= kPackFrom) {
        std::string packed(ZSTD_compressBound(text.size()), '\0');
        ZSTD_CCtx* context = packing_context();
        std::size_t n = dictionary
            ? ZSTD_compress_usingCDict(context, packed.data(), packed.size(), text.data(), text.size(),
                                       dictionary->for_packing())
            : ZSTD_compressCCtx(context, packed.data(), packed.size(), text.data(), text.size(), kLevel);
        if (!ZSTD_isError(n) && n < text.size()) {
            packed.resize(n);
            packed.shrink_to_fit();
            bytes_ = std::move(packed);
            dictionary_ = std::move(dictionary);
            raw_ = false;
            return;
        }
    }
    bytes_.assign(text);
}

std::string PackedText::unpacked() const { return unpacked(0, size_); }

std::string PackedText::unpacked(std::size_t from, std::size_t to) const {
    to = std::min(to, size_);
    if (from >= to) return {};
    if (raw_) return bytes_.substr(from, to - from);
    // Streamed into a buffer that ends at `to`: zstd stops when it is full, so the HTML at
    // the front of a page's packed text is read without unpacking the words behind it.
    ZSTD_DCtx* context = unpacking_context();
    ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);
    if (dictionary_ && ZSTD_isError(ZSTD_DCtx_refDDict(context, dictionary_->for_unpacking()))) cannot_unpack();
    std::string out(to, '\0');
    ZSTD_outBuffer output{out.data(), out.size(), 0};
    ZSTD_inBuffer input{bytes_.data(), bytes_.size(), 0};
    while (output.pos < output.size) {
        const std::size_t before = output.pos + input.pos;
        std::size_t status = ZSTD_decompressStream(context, &output, &input);
        if (ZSTD_isError(status) || (status == 0 && output.pos < output.size) || output.pos + input.pos == before)
            cannot_unpack();
    }
    ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);  // no dictionary left on it
    if (from > 0) out.erase(0, from);
    return out;
}

}  // namespace cp::text
