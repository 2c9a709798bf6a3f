// libFuzzer harness for the picture-size reader (assets/image_size): on any bytes it reads only
// what it was given (AddressSanitizer watches a copy of exactly that length), gives a size within
// its bounds or nothing, and a size found is decided by the bytes before it.
#include <cstddef>
#include <cstdint>
#include <string>

#include "assets/image_size.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // A heap copy of exactly `size` bytes: a read past its end is a report, not a lucky byte.
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    auto found = cp::assets::image_size(bytes);
    if (found) {
        if (found->width < 1 || found->height < 1) __builtin_trap();
        if (found->width > cp::assets::kMaxImageSide || found->height > cp::assets::kMaxImageSide) __builtin_trap();
    }
    // The first bytes decide: what follows a size once found (here, the input again) changes nothing.
    if (found) {
        auto again = cp::assets::image_size(bytes + bytes);
        if (!again || again->width != found->width || again->height != found->height) __builtin_trap();
    }
    return 0;
}
