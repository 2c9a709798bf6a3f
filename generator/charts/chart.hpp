#pragma once
// Bar charts drawn as SVG at build time: no script, a title and a description for
// screen readers, each bar's value in a tooltip. The numbers also go in a table beside.
#include <string>
#include <vector>

namespace cp::charts {

struct ChartSeries {
    std::string name;
    std::vector<long> values;  // one per category
};

struct BarChart {
    std::string id;  // unique in the page: the SVG's title and desc ids derive from it
    std::string title, description;
    std::vector<std::string> categories;
    std::vector<std::string> axis_labels;  // shown under each category; empty means the category
    std::vector<ChartSeries> series;
    bool horizontal = false;  // categories down the side, bars across, series stacked
};

// The chart as an inline <svg> element. Never fails: an empty chart draws its frame and
// says "no data". Text is escaped, so names from the memory are safe to draw.
std::string draw_bar_chart(const BarChart& chart);

// The smallest "nice" number (1, 2 or 5 times a power of ten) at least `value`; 1 for 0.
long nice_ceiling(long value);

}  // namespace cp::charts
