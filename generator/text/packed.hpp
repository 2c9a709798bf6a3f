#pragma once
// Text held compressed (zstd), for what a build must keep for a while but reads seldom: every
// page's rendered HTML and words wait, from the links step, until its page is written. Held as
// they are, at 50,000 notes, they were a quarter of a build's memory; packed, a third of that.
#include <cstddef>
#include <string>
#include <string_view>

namespace cp::text {

class PackedText {
public:
    PackedText() = default;
    // Compresses `text` (kept as it is when it is short, or would not shrink).
    explicit PackedText(std::string_view text);

    // The text, as it was given.
    std::string unpacked() const;
    // Its length unpacked, in bytes.
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    // The bytes held: what it costs.
    std::size_t held_bytes() const { return bytes_.capacity(); }

private:
    std::string bytes_;  // the zstd frame, or the text itself when `raw_`
    std::size_t size_ = 0;
    bool raw_ = true;
};

}  // namespace cp::text
