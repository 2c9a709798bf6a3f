#include <catch2/catch.hpp>

#include "text/escape.hpp"
#include "text/packed.hpp"

#include <cstdint>
#include <string>

using namespace cp::text;

TEST_CASE("markup escaping covers every character that can break out of text or an attribute", "[text]") {
    CHECK(escape_markup("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f");
    CHECK(escape_markup("café") == "café");
    CHECK(escape_markup("") == "");
}

TEST_CASE("percent escapes are decoded, malformed ones kept", "[text]") {
    CHECK(percent_decode("night%20handover.md") == "night handover.md");
    CHECK(percent_decode("caf%C3%A9") == "café");
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%zz%4") == "%zz%4");
    CHECK(percent_decode("%4a%4A") == "JJ");
}

TEST_CASE("packed text gives back exactly what it was given, and holds less of a long page", "[text]") {
    std::string page;
    for (int i = 0; i < 200; ++i)
        page += "<p>The night handover moved to the ward at " + std::to_string(i) + " o'clock.</p>\n";
    std::string binary;  // every byte value, NULs among them, in an order that does not repeat
    std::uint32_t x = 12345;
    for (int i = 0; i < 5000; ++i) {
        x = x * 1103515245u + 12345u;
        binary.push_back(static_cast<char>(x >> 24));
    }
    for (const std::string& text : {std::string{}, std::string("short"), std::string(127, 'a'), std::string(128, 'a'),
                                    page, binary, std::string(3u << 20, 'z')}) {
        const PackedText packed(text);
        CHECK(packed.size() == text.size());
        CHECK(packed.empty() == text.empty());
        CHECK(packed.unpacked() == text);
    }
    const PackedText packed(page);
    CHECK(packed.held_bytes() * 3 < page.size());                  // what the build saves
    CHECK(PackedText(binary).held_bytes() <= binary.size() + 32);  // what will not shrink is kept as it is
}
