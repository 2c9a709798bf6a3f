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

    // A part: only as much unpacked as reaches its end; out of range is cut to the text.
    CHECK(packed.unpacked(0, 10) == page.substr(0, 10));
    CHECK(packed.unpacked(100, 5000) == page.substr(100, 4900));
    CHECK(packed.unpacked(page.size() - 7, page.size() + 50) == page.substr(page.size() - 7));
    CHECK(packed.unpacked(30, 30).empty());
    CHECK(packed.unpacked(page.size() + 1, page.size() + 9).empty());
    CHECK(PackedText("short").unpacked(1, 3) == "ho");
}

TEST_CASE("a text packed against a dictionary of others like it: smaller, and the same text back", "[text]") {
    using cp::text::PackingDictionary;
    auto note = [](int n) {
        std::string text;
        for (int i = 0; i < 6; ++i)
            text += "<p>Week " + std::to_string(n * 10 + i) + ": the <a href=\"/notes/night-handover/\">night " +
                "handover</a> moved to the ward, and the rota went up on the board.</p>\n";
        return text;
    };
    std::string samples;
    for (int n = 0; n < 4; ++n) samples += note(n);
    auto dictionary = std::make_shared<const PackingDictionary>(samples);
    const std::string text = note(7);
    const PackedText alone(text);
    const PackedText against(text, dictionary);
    CHECK(against.unpacked() == text);
    CHECK(against.unpacked(40, 90) == text.substr(40, 50));
    CHECK(against.held_bytes() * 2 < alone.held_bytes());
    // Unpacked on a thread that has unpacked with no dictionary, and the other way round.
    CHECK(alone.unpacked() == text);
    CHECK(against.unpacked() == text);
    // It lives as long as what was packed against it.
    const PackedText kept = [&] {
        auto own = std::make_shared<const PackingDictionary>(samples);
        return PackedText(note(8), own);
    }();
    CHECK(kept.unpacked() == note(8));
}
