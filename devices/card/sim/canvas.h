#pragma once
// A small RGB canvas for the virtual card's drawn portrait: filled shapes with 4×4 supersampled
// edges and the 3×3 binomial blur, in plain C++ (no image library linked into the programs).
// Coordinates are pixel centres, x to the right and y downwards.
#include <cstdint>
#include <functional>
#include <vector>

namespace madoguchi::card::sim {

struct Rgb {
    double red = 0, green = 0, blue = 0;
    Rgb scaled(double factor) const { return {red * factor, green * factor, blue * factor}; }
};

// A region to paint: which points it covers, within a bounding box (inclusive, in pixels).
struct Region {
    int left = 0, top = 0, right = -1, bottom = -1;
    std::function<bool(double x, double y)> covers;
};

enum class Half { Whole, Upper, Lower };  // of an ellipse, cut by the horizontal through its centre

struct Point {
    double x = 0, y = 0;
};

Region filledEllipse(Point centre, double halfWidth, double halfHeight, Half half = Half::Whole);
Region filledRectangle(Point corner, Point oppositeCorner);  // both corners inside
Region thickLine(Point from, Point to, double thickness);     // round ends
// The outline of an ellipse's lower or upper half, `thickness` wide.
Region ellipseArc(Point centre, double halfWidth, double halfHeight, Half half, double thickness);

class Canvas {
public:
    Canvas(int width, int height, Rgb background);

    void paint(const Region& region, Rgb colour);  // blends by how much of each pixel is covered
    void blur();                                   // 3×3 kernel [1 2 1]/4 in each direction

    int width() const { return width_; }
    int height() const { return height_; }
    // Interleaved 8-bit R, G, B, row after row.
    const std::vector<std::uint8_t>& pixels() const { return pixels_; }

private:
    int width_, height_;
    std::vector<std::uint8_t> pixels_;
};

}  // namespace madoguchi::card::sim
