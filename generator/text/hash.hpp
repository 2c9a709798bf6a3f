#pragma once
// FNV-1a, 64 bits: the one hash the generator writes itself, for fingerprints and caches that
// need no cryptographic strength and no library.
#include <cstdint>
#include <string_view>

namespace cp::text {

class Fnv1a {
public:
    // The hash of `s` alone, with nothing ending it.
    static std::uint64_t of(std::string_view s) { return Fnv1a().bytes(s).value(); }

    // Adds `s`, then an end marker, so that "ab","c" and "a","bc" hash differently.
    Fnv1a& add(std::string_view s) {
        bytes(s);
        mix(0xff);
        return *this;
    }
    // Adds a number's eight bytes, least significant first.
    Fnv1a& add(std::uint64_t n) {
        for (int i = 0; i < 8; ++i) mix(static_cast<unsigned char>(n >> (8 * i)));
        return *this;
    }
    std::uint64_t value() const { return h_; }

private:
    Fnv1a& bytes(std::string_view s) {
        for (unsigned char c : s) mix(c);
        return *this;
    }
    void mix(unsigned char c) { h_ = (h_ ^ c) * 1099511628211ULL; }
    std::uint64_t h_ = 14695981039346656037ULL;
};

}  // namespace cp::text
