#include "devices/card/sim/canvas.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace madoguchi::card::sim {

namespace {

constexpr int kSubsamples = 4;  // per axis

std::uint8_t saturate(double value) { return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L)); }

bool onHalf(Half half, double dy) {
    return half == Half::Whole || (half == Half::Upper ? dy <= 0 : dy >= 0);
}

double distanceToSegment(Point p, Point a, Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

Region box(double left, double top, double right, double bottom, std::function<bool(double, double)> covers) {
    return {static_cast<int>(std::floor(left)), static_cast<int>(std::floor(top)), static_cast<int>(std::ceil(right)),
            static_cast<int>(std::ceil(bottom)), std::move(covers)};
}

}  // namespace

Region filledEllipse(Point centre, double halfWidth, double halfHeight, Half half) {
    return box(centre.x - halfWidth, centre.y - halfHeight, centre.x + halfWidth, centre.y + halfHeight,
               [=](double x, double y) {
                   const double u = (x - centre.x) / halfWidth, v = (y - centre.y) / halfHeight;
                   return u * u + v * v <= 1.0 && onHalf(half, y - centre.y);
               });
}

Region filledRectangle(Point corner, Point oppositeCorner) {
    const double left = std::min(corner.x, oppositeCorner.x) - 0.5, right = std::max(corner.x, oppositeCorner.x) + 0.5;
    const double top = std::min(corner.y, oppositeCorner.y) - 0.5, bottom = std::max(corner.y, oppositeCorner.y) + 0.5;
    return box(left, top, right, bottom,
               [=](double x, double y) { return x >= left && x < right && y >= top && y < bottom; });
}

Region thickLine(Point from, Point to, double thickness) {
    const double r = thickness / 2;
    return box(std::min(from.x, to.x) - r, std::min(from.y, to.y) - r, std::max(from.x, to.x) + r,
               std::max(from.y, to.y) + r,
               [=](double x, double y) { return distanceToSegment({x, y}, from, to) <= r; });
}

Region ellipseArc(Point centre, double halfWidth, double halfHeight, Half half, double thickness) {
    // The half outline as a polyline of 2° steps, each segment a thick line.
    std::vector<Point> points;
    const double sign = half == Half::Upper ? -1.0 : 1.0;
    for (int degrees = 0; degrees <= 180; degrees += 2) {
        const double angle = degrees * std::numbers::pi / 180.0;
        points.push_back({centre.x + halfWidth * std::cos(angle), centre.y + sign * halfHeight * std::sin(angle)});
    }
    const double r = thickness / 2;
    return box(centre.x - halfWidth - r, centre.y - halfHeight - r, centre.x + halfWidth + r,
               centre.y + halfHeight + r, [points = std::move(points), r](double x, double y) {
                   for (std::size_t i = 1; i < points.size(); ++i)
                       if (distanceToSegment({x, y}, points[i - 1], points[i]) <= r) return true;
                   return false;
               });
}

Canvas::Canvas(int width, int height, Rgb background)
    : width_(width), height_(height), pixels_(static_cast<std::size_t>(width) * height * 3) {
    for (std::size_t i = 0; i < pixels_.size(); i += 3) {
        pixels_[i] = saturate(background.red);
        pixels_[i + 1] = saturate(background.green);
        pixels_[i + 2] = saturate(background.blue);
    }
}

void Canvas::paint(const Region& region, Rgb colour) {
    const int top = std::max(region.top, 0), bottom = std::min(region.bottom, height_ - 1);
    const int left = std::max(region.left, 0), right = std::min(region.right, width_ - 1);
    for (int y = top; y <= bottom; ++y) {
        for (int x = left; x <= right; ++x) {
            int covered = 0;
            for (int sy = 0; sy < kSubsamples; ++sy)
                for (int sx = 0; sx < kSubsamples; ++sx)
                    covered += region.covers(x - 0.5 + (sx + 0.5) / kSubsamples, y - 0.5 + (sy + 0.5) / kSubsamples);
            if (covered == 0) continue;
            const double share = static_cast<double>(covered) / (kSubsamples * kSubsamples);
            auto* pixel = &pixels_[(static_cast<std::size_t>(y) * width_ + x) * 3];
            const double channels[3] = {colour.red, colour.green, colour.blue};
            for (int c = 0; c < 3; ++c) pixel[c] = saturate(pixel[c] * (1 - share) + saturate(channels[c]) * share);
        }
    }
}

void Canvas::blur() {
    // Separable [1 2 1]/4, the border mirrored without repeating the edge pixel (as OpenCV's default).
    const auto mirror = [](int i, int size) { return i < 0 ? -i : (i >= size ? 2 * size - 2 - i : i); };
    std::vector<double> rows(pixels_.size());
    for (int y = 0; y < height_; ++y)
        for (int x = 0; x < width_; ++x)
            for (int c = 0; c < 3; ++c) {
                const auto at = [&](int xx) { return pixels_[(static_cast<std::size_t>(y) * width_ + mirror(xx, width_)) * 3 + c]; };
                rows[(static_cast<std::size_t>(y) * width_ + x) * 3 + c] = (at(x - 1) + 2.0 * at(x) + at(x + 1)) / 4;
            }
    for (int y = 0; y < height_; ++y)
        for (int x = 0; x < width_; ++x)
            for (int c = 0; c < 3; ++c) {
                const auto at = [&](int yy) { return rows[(static_cast<std::size_t>(mirror(yy, height_)) * width_ + x) * 3 + c]; };
                pixels_[(static_cast<std::size_t>(y) * width_ + x) * 3 + c] = saturate((at(y - 1) + 2 * at(y) + at(y + 1)) / 4);
            }
}

}  // namespace madoguchi::card::sim
