#include "devices/card/sim/portrait.h"

#include "devices/card/sim/canvas.h"
#include "devices/card/sim/jpeg2000.h"

namespace madoguchi::card::sim {

namespace {

// A small deterministic generator (FNV-1a of the seed, then xorshift): the same seed always
// draws the same face, on every machine.
class Dice {
public:
    explicit Dice(const std::string& seed) {
        for (unsigned char c : seed) state_ = (state_ ^ c) * 1099511628211ULL;
    }
    int between(int low, int high) {  // inclusive
        state_ ^= state_ << 13;
        state_ ^= state_ >> 7;
        state_ ^= state_ << 17;
        return low + static_cast<int>(state_ % static_cast<unsigned long long>(high - low + 1));
    }

private:
    unsigned long long state_ = 14695981039346656037ULL;
};

}  // namespace

Bytes syntheticPortrait(const std::string& seed) {
    Dice dice(seed);
    constexpr int kWidth = 240, kHeight = 300;  // about the card's 3:4 (JPEG 2000 on the chip)
    Canvas image(kWidth, kHeight, {215, 225, 235});
    const Point centre{kWidth / 2, kHeight / 2 + 10};
    const double faceWidth = dice.between(62, 74), faceHeight = dice.between(84, 96);
    const int skinBlue = dice.between(150, 190), skinGreen = dice.between(175, 205);
    const Rgb skin{static_cast<double>(dice.between(205, 235)), static_cast<double>(skinGreen),
                   static_cast<double>(skinBlue)};
    const int hairBlue = dice.between(10, 60), hairGreen = dice.between(10, 50);
    const Rgb hair{static_cast<double>(dice.between(10, 50)), static_cast<double>(hairGreen),
                   static_cast<double>(hairBlue)};
    // shoulders, neck, hair behind, face
    image.paint(filledEllipse({centre.x, kHeight + 20}, 110, 80, Half::Upper), {60, 70, 90});
    image.paint(filledRectangle({centre.x - 25, centre.y + 60}, {centre.x + 25, centre.y + 110}), skin.scaled(0.9));
    image.paint(filledEllipse({centre.x, centre.y - 20}, faceWidth + 8, faceHeight, Half::Upper), hair);
    image.paint(filledEllipse(centre, faceWidth, faceHeight), skin);
    image.paint(filledEllipse({centre.x, centre.y - faceHeight + 18}, faceWidth, 30, Half::Upper), hair);
    // eyebrows, eyes, nose shadow, mouth
    const double eyeY = centre.y - dice.between(12, 20), eyeDx = dice.between(24, 30);
    for (int side : {-1, 1}) {
        const Point eye{centre.x + side * eyeDx, eyeY};
        image.paint(thickLine({eye.x - 14, eye.y - 16}, {eye.x + 14, eye.y - 18 + side * 2}, 5), hair);
        image.paint(filledEllipse(eye, 13, 7), {250, 250, 250});
        image.paint(filledEllipse(eye, 6, 6), {20, 30, 40});
        image.paint(ellipseArc({eye.x, eye.y + 10}, 14, 4, Half::Lower, 2), skin.scaled(0.85));
    }
    image.paint(thickLine({centre.x, eyeY + 5}, {centre.x - 5, centre.y + 22}, 3), skin.scaled(0.75));
    image.paint(filledEllipse({centre.x, centre.y + 24}, 10, 4), skin.scaled(0.7));
    const double mouthY = centre.y + dice.between(40, 48);
    image.paint(ellipseArc({centre.x, mouthY}, dice.between(16, 24), 7, Half::Lower, 4), {150, 70, 70});
    image.blur();
    // Lossy at 50:1 (~4 KB), about what a real card's portrait takes; lossless would be ~24 KB.
    return encodeJpeg2000(image.pixels(), kWidth, kHeight, 50.0f);
}

}  // namespace madoguchi::card::sim
