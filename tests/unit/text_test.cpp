#include <catch2/catch.hpp>

#include "text/escape.hpp"

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
