#include "assets/image_size.hpp"

#include <cstdint>
#include <string>

namespace cp::assets {

namespace {

// Bounded reads: each returns nothing when the field does not lie wholly inside the bytes.
class Bytes {
public:
    explicit Bytes(std::string_view bytes) : bytes_(bytes) {}
    std::size_t size() const { return bytes_.size(); }
    bool has(std::size_t at, std::size_t count) const { return at <= bytes_.size() && count <= bytes_.size() - at; }
    std::optional<std::uint32_t> byte(std::size_t at) const {
        if (!has(at, 1)) return std::nullopt;
        return static_cast<unsigned char>(bytes_[at]);
    }
    // An unsigned integer of `count` bytes (at most 4), big- or little-endian.
    std::optional<std::uint32_t> number(std::size_t at, std::size_t count, bool little_endian) const {
        if (count > 4 || !has(at, count)) return std::nullopt;
        std::uint32_t value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            std::size_t k = little_endian ? at + count - 1 - i : at + i;
            value = (value << 8) | static_cast<unsigned char>(bytes_[k]);
        }
        return value;
    }
    bool starts(std::size_t at, std::string_view text) const {
        return has(at, text.size()) && bytes_.substr(at, text.size()) == text;
    }
    Bytes from(std::size_t at, std::size_t count) const {
        if (at > bytes_.size()) return Bytes({});
        return Bytes(bytes_.substr(at, count));
    }

private:
    std::string_view bytes_;
};

std::optional<ImageSize> sized(std::uint64_t width, std::uint64_t height) {
    if (width == 0 || height == 0 || width > kMaxImageSide || height > kMaxImageSide) return std::nullopt;
    return ImageSize{static_cast<int>(width), static_cast<int>(height)};
}

std::optional<ImageSize> png_size(const Bytes& b) {
    // The signature, then the first chunk, which must be IHDR: 13 bytes, width and height first.
    if (!b.starts(0, "\x89PNG\r\n\x1a\n") || !b.starts(12, "IHDR") || b.number(8, 4, false) != 13u) return std::nullopt;
    auto w = b.number(16, 4, false), h = b.number(20, 4, false);
    if (!w || !h) return std::nullopt;
    return sized(*w, *h);
}

std::optional<ImageSize> gif_size(const Bytes& b) {
    if (!b.starts(0, "GIF87a") && !b.starts(0, "GIF89a")) return std::nullopt;
    auto w = b.number(6, 2, true), h = b.number(8, 2, true);
    if (!w || !h) return std::nullopt;
    return sized(*w, *h);
}

std::optional<ImageSize> webp_size(const Bytes& b) {
    if (!b.starts(0, "RIFF") || !b.starts(8, "WEBP")) return std::nullopt;
    constexpr std::size_t data = 20;  // after the first chunk's name and length
    if (b.starts(12, "VP8 ")) {
        // Lossy: a frame tag of 3 bytes, the start code 9d 01 2a, then 14-bit width and height.
        if (!b.starts(data + 3, "\x9d\x01\x2a")) return std::nullopt;
        auto w = b.number(data + 6, 2, true), h = b.number(data + 8, 2, true);
        if (!w || !h) return std::nullopt;
        return sized(*w & 0x3fffu, *h & 0x3fffu);
    }
    if (b.starts(12, "VP8L")) {
        // Lossless: the signature 0x2f, then width - 1 and height - 1 in 14 bits each.
        auto bits = b.number(data + 1, 4, true);
        if (b.byte(data) != 0x2fu || !bits) return std::nullopt;
        return sized((*bits & 0x3fffu) + 1, ((*bits >> 14) & 0x3fffu) + 1);
    }
    if (b.starts(12, "VP8X")) {
        // Extended: flags and reserved bytes, then the canvas's width - 1 and height - 1 in 24 bits each.
        auto w = b.number(data + 4, 3, true), h = b.number(data + 7, 3, true);
        if (!w || !h) return std::nullopt;
        return sized(std::uint64_t{*w} + 1, std::uint64_t{*h} + 1);
    }
    return std::nullopt;
}

// The orientation (1 to 8) in an EXIF segment's TIFF data; 1, upright, when it says none.
int exif_orientation(const Bytes& tiff) {
    bool little = tiff.starts(0, "II");
    if (!little && !tiff.starts(0, "MM")) return 1;
    if (tiff.number(2, 2, little) != 42u) return 1;
    auto ifd = tiff.number(4, 4, little);
    auto count = ifd ? tiff.number(*ifd, 2, little) : std::nullopt;
    if (!count) return 1;
    for (std::size_t i = 0; i < *count; ++i) {
        std::size_t entry = std::size_t{*ifd} + 2 + 12 * i;
        if (!tiff.has(entry, 12)) break;
        if (tiff.number(entry, 2, little) != 0x0112u) continue;
        // A SHORT (type 3) holding one value, written in the entry itself.
        if (tiff.number(entry + 2, 2, little) != 3u) return 1;
        auto value = tiff.number(entry + 8, 2, little);
        return value && *value >= 1 && *value <= 8 ? static_cast<int>(*value) : 1;
    }
    return 1;
}

std::optional<ImageSize> jpeg_size(const Bytes& b) {
    if (!b.starts(0, "\xff\xd8")) return std::nullopt;
    int orientation = 1;
    std::size_t pos = 2;
    while (pos < b.size()) {
        if (b.byte(pos) != 0xffu) return std::nullopt;  // a marker must come next
        while (b.byte(pos) == 0xffu) ++pos;             // fill bytes
        auto marker = b.byte(pos++);
        if (!marker) return std::nullopt;
        // Markers that stand alone, with no length: start of image, restarts, TEM.
        if (*marker == 0xd8 || (*marker >= 0xd0 && *marker <= 0xd7) || *marker == 0x01) continue;
        // The end of the image, or its data, before any frame header: no size to find.
        if (*marker == 0xd9 || *marker == 0xda) return std::nullopt;
        auto length = b.number(pos, 2, false);  // counts its own two bytes
        if (!length || *length < 2 || !b.has(pos, *length)) return std::nullopt;
        bool frame = *marker >= 0xc0 && *marker <= 0xcf && *marker != 0xc4 && *marker != 0xc8 && *marker != 0xcc;
        if (frame) {
            // Length, precision, then height and width.
            if (*length < 7) return std::nullopt;
            auto h = b.number(pos + 3, 2, false), w = b.number(pos + 5, 2, false);
            if (!w || !h) return std::nullopt;
            // Orientations 5 to 8 turn the picture a quarter: it is shown the other way round.
            return orientation >= 5 ? sized(*h, *w) : sized(*w, *h);
        }
        if (*marker == 0xe1 && *length >= 8 && b.starts(pos + 2, std::string_view("Exif\0\0", 6)))
            orientation = exif_orientation(b.from(pos + 8, *length - 8));
        pos += *length;
    }
    return std::nullopt;
}

std::string lower_tail(std::string_view path) {
    std::string out(path.substr(path.rfind('.') == std::string_view::npos ? path.size() : path.rfind('.')));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

bool is_picture_name(std::string_view path) {
    std::string ext = lower_tail(path);
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".gif" || ext == ".webp";
}

std::optional<ImageSize> image_size(std::string_view head) {
    Bytes b(head);
    if (auto s = png_size(b)) return s;
    if (auto s = gif_size(b)) return s;
    if (auto s = webp_size(b)) return s;
    return jpeg_size(b);
}

}  // namespace cp::assets
