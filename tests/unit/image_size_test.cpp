// The picture-size reader (assets/image_size): the width and height of real tiny PNG, GIF,
// JPEG and WebP files, a phone's EXIF orientation, and bytes that are cut short or lie.
#include <catch2/catch.hpp>

#include "assets/image_size.hpp"
#include "picture_fixtures.hpp"

using cp::assets::image_size;
using cp::assets::ImageSize;
namespace pictures = cp::testing::pictures;

namespace {

std::pair<int, int> size_of(const std::string& bytes) {
    auto s = image_size(bytes);
    return s ? std::pair{s->width, s->height} : std::pair{0, 0};
}

// An EXIF segment (APP1) holding one IFD entry, the orientation, in TIFF's little- or big-endian order.
std::string exif_segment(int orientation, bool little_endian) {
    auto u16 = [&](unsigned v) {
        return little_endian ? std::string{char(v & 0xff), char(v >> 8)} : std::string{char(v >> 8), char(v & 0xff)};
    };
    auto u32 = [&](unsigned v) {
        return little_endian ? u16(v & 0xffff) + u16(v >> 16) : u16(v >> 16) + u16(v & 0xffff);
    };
    std::string tiff = std::string(little_endian ? "II" : "MM") + u16(42) + u32(8);  // the first IFD right after
    tiff += u16(1);                                                                  // one entry
    tiff += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);
    tiff += u32(0);  // no next IFD
    std::string data = std::string("Exif\0\0", 6) + tiff;
    std::size_t length = data.size() + 2;
    return std::string{'\xff', '\xe1', char(length >> 8), char(length & 0xff)} + data;
}

// The JPEG with an EXIF segment put right after its start-of-image marker.
std::string with_exif(int orientation, bool little_endian) {
    return pictures::kJpeg.substr(0, 2) + exif_segment(orientation, little_endian) + pictures::kJpeg.substr(2);
}

}  // namespace

TEST_CASE("the size of a real PNG, GIF, JPEG and WebP of each kind", "[assets][image_size]") {
    CHECK(size_of(pictures::kPng) == std::pair{5, 4});
    CHECK(size_of(pictures::kGif) == std::pair{3, 5});  // the logical screen, which the browser shows
    CHECK(size_of(pictures::kJpeg) == std::pair{4, 3});
    CHECK(size_of(pictures::kWebpLossy) == std::pair{5, 3});
    CHECK(size_of(pictures::kWebpLossless) == std::pair{6, 2});
    CHECK(size_of(pictures::kWebpExtended) == std::pair{7, 3});
}

TEST_CASE("a JPEG a phone turned a quarter is as wide as the browser shows it", "[assets][image_size]") {
    CHECK(size_of(with_exif(1, true)) == std::pair{4, 3});
    CHECK(size_of(with_exif(6, true)) == std::pair{3, 4});  // held upright: rotate 90 degrees
    CHECK(size_of(with_exif(8, false)) == std::pair{3, 4});
    CHECK(size_of(with_exif(3, false)) == std::pair{4, 3});  // upside down: same size
    CHECK(size_of(with_exif(9, true)) == std::pair{4, 3});   // no such orientation: as stored
}

TEST_CASE("names the reader knows", "[assets][image_size]") {
    CHECK(cp::assets::is_picture_name("assets/a.png"));
    CHECK(cp::assets::is_picture_name("notes/IMG_0001.JPG"));
    CHECK(cp::assets::is_picture_name("x.jpeg"));
    CHECK(cp::assets::is_picture_name("x.GIF"));
    CHECK(cp::assets::is_picture_name("x.webp"));
    CHECK_FALSE(cp::assets::is_picture_name("x.svg"));
    CHECK_FALSE(cp::assets::is_picture_name("png"));
    CHECK_FALSE(cp::assets::is_picture_name("a.png/readme"));
}

TEST_CASE("every cut-short picture gives nothing or its size, and never reads past its end", "[assets][image_size]") {
    for (const std::string* bytes : {&pictures::kPng, &pictures::kGif, &pictures::kJpeg, &pictures::kWebpLossy,
                                     &pictures::kWebpLossless, &pictures::kWebpExtended}) {
        auto whole = image_size(*bytes);
        REQUIRE(whole);
        for (std::size_t n = 0; n < bytes->size(); ++n) {
            // A copy of exactly n bytes on the heap, so a read past it is AddressSanitizer's to see.
            std::string cut = bytes->substr(0, n);
            auto s = image_size(cut);
            if (s) CHECK((s->width == whole->width && s->height == whole->height));
        }
    }
    // The headers end early: a PNG's size is within its first 24 bytes, a GIF's within 10.
    CHECK_FALSE(image_size(pictures::kPng.substr(0, 23)));
    CHECK(image_size(pictures::kPng.substr(0, 24)));
    CHECK_FALSE(image_size(pictures::kGif.substr(0, 9)));
}

TEST_CASE("headers that lie give nothing", "[assets][image_size][hostile]") {
    CHECK_FALSE(image_size(""));
    CHECK_FALSE(image_size("not a picture at all"));
    // A PNG whose first chunk says it is longer than IHDR is.
    std::string png = pictures::kPng;
    png[11] = 14;
    CHECK_FALSE(image_size(png));
    // A PNG of width 0, and one wider than any real picture.
    png = pictures::kPng;
    png.replace(16, 4, std::string("\0\0\0\0", 4));
    CHECK_FALSE(image_size(png));
    png = pictures::kPng;
    png.replace(16, 4, "\x7f\xff\xff\xff");
    CHECK_FALSE(image_size(png));
    // A JPEG segment whose length runs past the end, or is shorter than its own length field.
    std::string jpeg = "\xff\xd8\xff\xe0\xff\xf0JFIF";
    CHECK_FALSE(image_size(jpeg));
    jpeg = std::string("\xff\xd8\xff\xe0\x00\x01", 6) + pictures::kJpeg.substr(2);
    CHECK_FALSE(image_size(jpeg));
    // A JPEG whose data starts before any frame header.
    CHECK_FALSE(image_size(std::string("\xff\xd8\xff\xda\x00\x02", 6)));
    // An EXIF segment whose IFD offset and entry count point far outside it.
    std::string exif = exif_segment(6, true);
    exif[14] = '\xff';  // the IFD's offset, now past the segment
    std::string hostile = pictures::kJpeg.substr(0, 2) + exif + pictures::kJpeg.substr(2);
    CHECK(size_of(hostile) == std::pair{4, 3});
    // A JPEG made of fill bytes only.
    CHECK_FALSE(image_size("\xff\xd8" + std::string(1000, '\xff')));
    // A WebP whose chunk is cut after its name.
    CHECK_FALSE(image_size(pictures::kWebpLossy.substr(0, 20)));
    // Thousands of empty segments are walked through quickly, and give nothing.
    std::string many = "\xff\xd8";
    for (int i = 0; i < 20000; ++i) many += std::string("\xff\xfe\x00\x02", 4);
    CHECK_FALSE(image_size(many));
}
