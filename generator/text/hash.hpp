#pragma once
// The generator's two hashes, neither of cryptographic strength: FNV-1a for what is written
// out (fingerprints), and a quicker one for caches kept within one process.
#include <cstdint>
#include <functional>
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

// For caches kept within one process (serve's): whether a file or a page is what it was. The
// standard library's hash of bytes, eight times FNV-1a's speed on a memory's texts (hashing them
// took a sixth of a rebuild at 10,000 notes), but not the same from one library build to the
// next: never written out.
class QuickHash {
public:
    static std::uint64_t of(std::string_view s) { return QuickHash().add(s).value(); }
    // Adds `s` and its length, so that "ab","c" and "a","bc" hash differently.
    QuickHash& add(std::string_view s) {
        mix(std::hash<std::string_view>{}(s));
        mix(s.size());
        return *this;
    }
    QuickHash& add(std::uint64_t n) {
        mix(n);
        return *this;
    }
    std::uint64_t value() const { return h_; }

private:
    void mix(std::uint64_t v) { h_ = (h_ ^ v) * 0x9E3779B97F4A7C15ULL + (h_ >> 29); }
    std::uint64_t h_ = 14695981039346656037ULL;
};

}  // namespace cp::text
