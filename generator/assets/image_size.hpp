#pragma once
// A picture's width and height in pixels, read from the first bytes of a PNG, JPEG, GIF or
// WebP file, so that each <img> can say its size before it loads (the page does not jump as
// pictures arrive). The bytes come from anyone's phone or editor: every read is bounded by
// what was given, no length field is trusted beyond it, and anything odd gives nothing.
#include <cstddef>
#include <optional>
#include <string_view>

namespace cp::assets {

struct ImageSize {
    int width = 0;
    int height = 0;
};

// How many of a picture's first bytes image_size() may need: a JPEG's size comes after its
// EXIF and colour-profile segments, which a phone's camera makes tens of kilobytes long.
inline constexpr std::size_t kImageHeadBytes = std::size_t{256} * 1024;

// The largest side taken as a real picture's; a larger one is a damaged or hostile header.
inline constexpr int kMaxImageSide = 1 << 20;

// True for a name the reader knows: .png, .jpg, .jpeg, .gif or .webp, in any case.
bool is_picture_name(std::string_view path);

// The size as a browser shows the picture: a JPEG whose EXIF orientation turns it a quarter
// (a phone held upright) has its width and height swapped. `head` may be the file's first
// kImageHeadBytes only. Nothing when the bytes are none of the four formats, are cut short
// before the size, or give a side of 0 or over kMaxImageSide. Never throws.
std::optional<ImageSize> image_size(std::string_view head);

}  // namespace cp::assets
