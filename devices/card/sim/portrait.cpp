#include "devices/card/sim/portrait.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <stdexcept>

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
    cv::Mat image(kHeight, kWidth, CV_8UC3, cv::Scalar(235, 225, 215));
    const cv::Point centre(kWidth / 2, kHeight / 2 + 10);
    const cv::Size face(dice.between(62, 74), dice.between(84, 96));
    const cv::Scalar skin(dice.between(150, 190), dice.between(175, 205), dice.between(205, 235));
    const cv::Scalar hair(dice.between(10, 60), dice.between(10, 50), dice.between(10, 50));
    // shoulders, neck, hair behind, face
    cv::ellipse(image, {centre.x, kHeight + 20}, {110, 80}, 0, 180, 360, cv::Scalar(90, 70, 60), cv::FILLED);
    cv::rectangle(image, {centre.x - 25, centre.y + 60}, {centre.x + 25, centre.y + 110}, skin * 0.9, cv::FILLED);
    cv::ellipse(image, {centre.x, centre.y - 20}, {face.width + 8, face.height}, 0, 180, 360, hair, cv::FILLED);
    cv::ellipse(image, centre, face, 0, 0, 360, skin, cv::FILLED);
    cv::ellipse(image, {centre.x, centre.y - face.height + 18}, {face.width, 30}, 0, 180, 360, hair, cv::FILLED);
    // eyebrows, eyes, nose shadow, mouth
    const int eyeY = centre.y - dice.between(12, 20), eyeDx = dice.between(24, 30);
    for (int side : {-1, 1}) {
        const cv::Point eye(centre.x + side * eyeDx, eyeY);
        cv::line(image, {eye.x - 14, eye.y - 16}, {eye.x + 14, eye.y - 18 + side * 2}, hair, 5, cv::LINE_AA);
        cv::ellipse(image, eye, {13, 7}, 0, 0, 360, cv::Scalar(250, 250, 250), cv::FILLED, cv::LINE_AA);
        cv::circle(image, eye, 6, cv::Scalar(40, 30, 20), cv::FILLED, cv::LINE_AA);
        cv::ellipse(image, {eye.x, eye.y + 10}, {14, 4}, 0, 0, 180, skin * 0.85, 2, cv::LINE_AA);
    }
    cv::line(image, {centre.x, eyeY + 5}, {centre.x - 5, centre.y + 22}, skin * 0.75, 3, cv::LINE_AA);
    cv::ellipse(image, {centre.x, centre.y + 24}, {10, 4}, 0, 0, 360, skin * 0.7, cv::FILLED, cv::LINE_AA);
    const int mouthY = centre.y + dice.between(40, 48);
    cv::ellipse(image, {centre.x, mouthY}, {dice.between(16, 24), 7}, 0, 0, 180, cv::Scalar(70, 70, 150), 4, cv::LINE_AA);
    cv::GaussianBlur(image, image, {3, 3}, 0);
    std::vector<uchar> encoded;
    // Lossy (~4 KB), about what a real card's portrait takes; lossless would be ~24 KB.
    if (!cv::imencode(".jp2", image, encoded, {cv::IMWRITE_JPEG2000_COMPRESSION_X1000, 20}))
        throw std::runtime_error("OpenCV cannot encode JPEG 2000 (built without OpenJPEG?)");
    return Bytes(encoded.begin(), encoded.end());
}

}  // namespace madoguchi::card::sim
