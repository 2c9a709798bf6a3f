#include "text/packed.hpp"

#include <zstd.h>

#include <memory>
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

}  // namespace

PackedText::PackedText(std::string_view text) : size_(text.size()) {
    if (text.size() >= kPackFrom) {
        std::string packed(ZSTD_compressBound(text.size()), '\0');
        std::size_t n =
            ZSTD_compressCCtx(packing_context(), packed.data(), packed.size(), text.data(), text.size(), kLevel);
        if (!ZSTD_isError(n) && n < text.size()) {
            packed.resize(n);
            packed.shrink_to_fit();
            bytes_ = std::move(packed);
            raw_ = false;
            return;
        }
    }
    bytes_.assign(text);
}

std::string PackedText::unpacked() const {
    if (raw_) return bytes_;
    std::string out(size_, '\0');
    std::size_t n = ZSTD_decompressDCtx(unpacking_context(), out.data(), out.size(), bytes_.data(), bytes_.size());
    // Only this class packs these bytes, so a failure is a bug here, never bad input.
    if (ZSTD_isError(n) || n != size_) throw std::logic_error("packed text: cannot unpack what was packed");
    return out;
}

}  // namespace cp::text
