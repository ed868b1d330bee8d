#pragma once
// The face check (DOMAIN.md §5) with OpenCV 4.6: the card's portrait against one camera frame.
//
// What it does: decodes the portrait in memory (JPEG 2000 from the card), takes one frame
// (a camera through cv::VideoCapture, or an image file as the demo / test camera), finds the
// largest frontal face in each with a Haar cascade (Debian opencv-data), and compares the two
// face crops with LBPH (local binary pattern histograms, opencv_contrib's face module).
//
// What it is NOT: a certified face-recognition check. LBPH on one enrolment image is a
// demo-grade comparison of texture histograms; it has no liveness detection (a printed photo
// passes), it is sensitive to light, pose, age and glasses, and its threshold is not calibrated
// on real faces. A commercial 顔認証付きカードリーダー uses certified algorithms. Use it to show
// the flow; the receptionist's 目視 check and the PIN remain the real fallbacks.
//
// Privacy: the portrait bytes, the decoded images and the frame are overwritten before they
// are released. Buffers inside the camera driver / cv::VideoCapture cannot be reached.
#include <filesystem>
#include <memory>

#include "devices/camera/face_check_settings.h"
#include "domain/ports/face_verifier.h"

namespace madoguchi::camera {

// The Haar cascade file shipped by Debian's opencv-data.
std::filesystem::path defaultCascadeFile();

class OpenCvFaceVerifier final : public FaceVerifier {
public:
    explicit OpenCvFaceVerifier(FrameSource source, FaceCheckSettings settings = {});
    ~OpenCvFaceVerifier() override;

    // FaceCheck::score is a similarity in [0, 1]: 1 for identical face crops, 0.5 at the match
    // distance, 0 at twice that distance or more. The portrait is wiped in every case.
    Outcome<FaceCheck> verifyAgainst(std::vector<std::uint8_t>& portrait) override;

private:
    struct Detector;  // the Haar cascade, loaded on the first check and kept (it holds no image)
    FrameSource source_;
    FaceCheckSettings settings_;
    std::unique_ptr<Detector> detector_;
};

}  // namespace madoguchi::camera
