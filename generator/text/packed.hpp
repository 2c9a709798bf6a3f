#pragma once
// Text held compressed (zstd), for what a build must keep for a while but reads seldom: every
// page's rendered HTML and words wait, from the links step, until its page is written. Held as
// they are, at 50,000 notes, they were a quarter of a build's memory; packed, a third of that,
// and packed against a dictionary of the build's own pages, a third of that again.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

struct ZSTD_CDict_s;
struct ZSTD_DDict_s;

namespace cp::text {

// Bytes like the texts to be packed (a few of them), which zstd refers back to as it packs
// each one: a page packed alone finds little to repeat in itself, but its markup and common
// words are all in a dozen pages of the same memory. Shared by every text packed against it,
// which needs it to be unpacked.
class PackingDictionary {
public:
    explicit PackingDictionary(std::string_view samples);
    ~PackingDictionary();
    PackingDictionary(const PackingDictionary&) = delete;
    PackingDictionary& operator=(const PackingDictionary&) = delete;

    const ZSTD_CDict_s* for_packing() const { return packing_; }
    const ZSTD_DDict_s* for_unpacking() const { return unpacking_; }

private:
    ZSTD_CDict_s* packing_;
    ZSTD_DDict_s* unpacking_;
};

class PackedText {
public:
    PackedText() = default;
    // Compresses `text` (kept as it is when it is short, or would not shrink), against
    // `dictionary` when there is one.
    explicit PackedText(std::string_view text, std::shared_ptr<const PackingDictionary> dictionary = {});

    // The text, as it was given.
    std::string unpacked() const;
    // Its bytes from `from` up to `to`: only as much is unpacked as reaches `to`.
    std::string unpacked(std::size_t from, std::size_t to) const;
    // Its length unpacked, in bytes.
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // The bytes held: what it costs.
    std::size_t held_bytes() const { return bytes_.capacity(); }

private:
    std::string bytes_;  // the zstd frame, or the text itself when `raw_`
    std::shared_ptr<const PackingDictionary> dictionary_;
    std::size_t size_ = 0;
    bool raw_ = true;
};

}  // namespace cp::text
