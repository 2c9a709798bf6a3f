#include "charts/chart.hpp"
#include "text/escape.hpp"

#include <algorithm>
#include <sstream>

namespace cp::charts {

namespace {

// Okabe-Ito colours: told apart by colour-blind readers, readable in light and dark themes.
const char* const kPalette[] = {"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
                                "#D55E00", "#F0E442", "#999999", "#000000"};

std::string esc(const std::string& s) { return text::escape_markup(s); }

// Cuts a label to about `max` characters on a UTF-8 boundary, with an ellipsis.
std::string cut(const std::string& s, std::size_t max) {
    if (s.size() <= max) return s;
    std::size_t end = max;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end) + "…";
}

const char* colour(std::size_t series) { return kPalette[series % (sizeof kPalette / sizeof *kPalette)]; }

void legend(std::ostringstream& svg, const BarChart& c, int x, int y) {
    if (c.series.size() < 2) return;
    for (std::size_t s = 0; s < c.series.size(); ++s) {
        svg << "<rect x=\"" << x << "\" y=\"" << y - 9 << "\" width=\"10\" height=\"10\" fill=\"" << colour(s) << "\"/>"
            << "<text x=\"" << x + 14 << "\" y=\"" << y << "\" class=\"chart-text\" fill=\"currentColor\">"
            << esc(c.series[s].name) << "</text>";
        x += 24 + 7 * static_cast<int>(std::min<std::size_t>(c.series[s].name.size(), 24));
    }
}

}  // namespace

long nice_ceiling(long value) {
    if (value <= 1) return 1;
    long power = 1;
    while (power * 10 < value) power *= 10;
    for (long step : {1L, 2L, 5L, 10L})
        if (step * power >= value) return step * power;
    return 10 * power;
}

namespace {

// Series s's value for category i, never below 0 (a missing one is 0).
long value_at(const BarChart& c, std::size_t s, std::size_t i) {
    return i < c.series[s].values.size() ? std::max(0L, c.series[s].values[i]) : 0;
}

// The value axis's end: the nice ceiling of the tallest bar (of the tallest stack, across).
long axis_top(const BarChart& c) {
    long max = 0;
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
        long stack = 0;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            long v = value_at(c, s, i);
            if (c.horizontal)
                stack += v;
            else
                max = std::max(max, v);
        }
        max = std::max(max, stack);
    }
    return nice_ceiling(max);
}

// How many steps the grid divides the axis into: 4, 5, 2 or 1, whichever divides `top` evenly.
int tick_count(long top) {
    return top % 4 == 0 && top >= 4 ? 4 : (top % 5 == 0 && top >= 5 ? 5 : (top >= 2 && top % 2 == 0 ? 2 : 1));
}

// The <svg> element's start, sized, with the title and description screen readers announce.
void open_svg(std::ostringstream& svg, const BarChart& c, int width, int height) {
    svg << "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" font-size=\"12\" role=\"img\" viewBox=\"0 0 "
        << width << " " << height << "\" width=\"" << width << "\" height=\"" << height << "\" aria-labelledby=\""
        << c.id << "-title " << c.id << "-desc\">"
        << "<title id=\"" << c.id << "-title\">" << esc(c.title) << "</title><desc id=\"" << c.id << "-desc\">"
        << esc(c.description) << "</desc>";
}

// A bar's tooltip: its category, its series when there are several, and its value.
std::string bar_title(const BarChart& c, std::size_t s, std::size_t i, long v) {
    return "<title>" + esc(c.categories[i]) + (c.series.size() > 1 ? ", " + esc(c.series[s].name) : "") + ": " +
        std::to_string(v) + "</title>";
}

// Categories across, a bar per series side by side. Returns the drawing's width and height.
std::pair<int, int> draw_columns(std::ostringstream& svg, const BarChart& c, long top, int ticks) {
    const std::size_t n = c.categories.size();
    const int left = 44, right = 12, top_pad = c.series.size() > 1 ? 30 : 12, bottom = 40;
    const int slot = std::max(14, static_cast<int>(c.series.size()) * 10 + 6);
    const int plot_w = std::max(240, static_cast<int>(n) * slot), plot_h = 180;
    const int width = left + plot_w + right, height = top_pad + plot_h + bottom;
    open_svg(svg, c, width, height);
    legend(svg, c, left, 16);
    for (int t = 0; t <= ticks; ++t) {
        long value = top * t / ticks;
        int y = top_pad + plot_h - static_cast<int>(plot_h * value / top);
        svg << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << y << "\" y2=\"" << y
            << "\" class=\"chart-grid\" stroke=\"#8888\"/><text x=\"" << left - 6 << "\" y=\"" << y + 4
            << "\" text-anchor=\"end\" class=\"chart-text\" fill=\"currentColor\">" << value << "</text>";
    }
    const double slot_w = n ? static_cast<double>(plot_w) / n : plot_w;
    const double bar_w = std::max(2.0, (slot_w - 4) / std::max<std::size_t>(1, c.series.size()));
    for (std::size_t i = 0; i < n; ++i) {
        double x0 = left + slot_w * i + 2;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            long v = value_at(c, s, i);
            int h = static_cast<int>(plot_h * v / top);
            svg << "<rect x=\"" << static_cast<int>(x0 + bar_w * s) << "\" y=\"" << top_pad + plot_h - h
                << "\" width=\"" << std::max(1, static_cast<int>(bar_w) - 1) << "\" height=\"" << h << "\" fill=\""
                << colour(s) << "\">" << bar_title(c, s, i, v) << "</rect>";
        }
        std::string label = i < c.axis_labels.size() ? c.axis_labels[i] : c.categories[i];
        if (!label.empty())
            svg << "<text x=\"" << static_cast<int>(x0 + (slot_w - 4) / 2) << "\" y=\"" << top_pad + plot_h + 16
                << "\" text-anchor=\"middle\" class=\"chart-text\" fill=\"currentColor\">" << esc(cut(label, 10))
                << "</text>";
    }
    svg << "<line x1=\"" << left << "\" x2=\"" << left + plot_w << "\" y1=\"" << top_pad + plot_h << "\" y2=\""
        << top_pad + plot_h << "\" stroke=\"currentColor\"/>";
    return {width, height};
}

// Categories down the side, the series stacked in one bar across. Returns the drawing's
// width and height.
std::pair<int, int> draw_rows(std::ostringstream& svg, const BarChart& c, long top, int ticks) {
    const std::size_t n = c.categories.size();
    const int left = 190, right = 40, top_pad = c.series.size() > 1 ? 30 : 12, row = 22, plot_w = 420;
    const int width = left + plot_w + right, height = top_pad + std::max<int>(1, static_cast<int>(n)) * row + 24;
    open_svg(svg, c, width, height);
    legend(svg, c, 8, 16);
    const int axis_y = top_pad + static_cast<int>(n) * row;
    for (int t = 0; t <= ticks; ++t) {
        long value = top * t / ticks;
        int x = left + static_cast<int>(plot_w * value / top);
        svg << "<line x1=\"" << x << "\" x2=\"" << x << "\" y1=\"" << top_pad << "\" y2=\"" << axis_y
            << "\" class=\"chart-grid\" stroke=\"#8888\"/><text x=\"" << x << "\" y=\"" << axis_y + 16
            << "\" text-anchor=\"middle\" class=\"chart-text\" fill=\"currentColor\">" << value << "</text>";
    }
    for (std::size_t i = 0; i < n; ++i) {
        int y = top_pad + static_cast<int>(i) * row;
        std::string label = i < c.axis_labels.size() && !c.axis_labels[i].empty() ? c.axis_labels[i] : c.categories[i];
        svg << "<text x=\"" << left - 6 << "\" y=\"" << y + 15
            << "\" text-anchor=\"end\" class=\"chart-text\" fill=\"currentColor\">" << esc(cut(label, 26)) << "</text>";
        long offset = 0;
        for (std::size_t s = 0; s < c.series.size(); ++s) {
            long v = value_at(c, s, i);
            if (v == 0) continue;
            int x = left + static_cast<int>(plot_w * offset / top);
            int w = left + static_cast<int>(plot_w * (offset + v) / top) - x;
            svg << "<rect x=\"" << x << "\" y=\"" << y + 3 << "\" width=\"" << std::max(1, w) << "\" height=\""
                << row - 6 << "\" fill=\"" << colour(s) << "\">" << bar_title(c, s, i, v) << "</rect>";
            offset += v;
        }
    }
    svg << "<line x1=\"" << left << "\" x2=\"" << left << "\" y1=\"" << top_pad << "\" y2=\"" << axis_y
        << "\" stroke=\"currentColor\"/>";
    return {width, height};
}

}  // namespace

std::string draw_bar_chart(const BarChart& c) {
    const long top = axis_top(c);
    const int ticks = tick_count(top);
    std::ostringstream svg;
    auto [width, height] = c.horizontal ? draw_rows(svg, c, top, ticks) : draw_columns(svg, c, top, ticks);
    if (c.categories.empty())
        svg << "<text x=\"" << width / 2 << "\" y=\"" << height / 2
            << "\" text-anchor=\"middle\" class=\"chart-text\" fill=\"currentColor\">No data yet</text>";
    svg << "</svg>";
    return svg.str();
}

}  // namespace cp::charts
