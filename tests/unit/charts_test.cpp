// The SVG bar charts: title, description, bars, escaping.
#include <catch2/catch.hpp>

#include <string>

#include "charts/chart.hpp"

using namespace cp::charts;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("charts have a title, a description, a bar per value and escaped names", "[charts]") {
    CHECK(nice_ceiling(0) == 1);
    CHECK(nice_ceiling(7) == 10);
    CHECK(nice_ceiling(11) == 20);
    CHECK(nice_ceiling(40) == 50);
    CHECK(nice_ceiling(200) == 200);
    BarChart c{"c1",
               "Meetings <per> quarter",
               "How many & when",
               {"2016 Q1", "2016 Q2", "2016 Q3"},
               {},
               {{"Meetings", {3, 0, 5}}},
               false};
    std::string svg = draw_bar_chart(c);
    CHECK(svg.find("<title id=\"c1-title\">Meetings &lt;per&gt; quarter</title>") != std::string::npos);
    CHECK(svg.find("<desc id=\"c1-desc\">How many &amp; when</desc>") != std::string::npos);
    CHECK(count(svg, "<rect") == 3);
    CHECK(svg.find("2016 Q3: 5") != std::string::npos);
    BarChart stacked{"c2", "Notes", "d", {"A", "B"}, {}, {{"Story", {1, 0}}, {"Tip", {2, 4}}}, true};
    std::string h = draw_bar_chart(stacked);
    CHECK(count(h, "<rect") == 3 + 2);  // three non-zero bars and two legend keys
    CHECK(draw_bar_chart({"c3", "Empty", "", {}, {}, {}, false}).find("No data yet") != std::string::npos);
}
