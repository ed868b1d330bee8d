#include "devices/camera/opencv_face_verifier.h"

#include <opencv2/face.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>
#include <opencv2/videoio.hpp>

#include <string.h>  // explicit_bzero

#include <algorithm>
#include <optional>

namespace madoguchi::camera {

namespace {

constexpr int kFaceSide = 128;        // both crops are compared at this size
constexpr int kCameraWarmUpFrames = 5;  // let exposure settle before the frame that counts

void wipe(std::vector<std::uint8_t>& bytes) {
    if (!bytes.empty()) explicit_bzero(bytes.data(), bytes.size());
    bytes.clear();
}

// Overwrites an image's pixels before its memory is released.
void wipe(cv::Mat& image) {
    if (!image.empty() && image.isContinuous()) explicit_bzero(image.data, image.total() * image.elemSize());
    image.release();
}

// Wipes the images it holds when it goes out of scope, on every return path.
struct WipedImages {
    cv::Mat portrait, frame, portraitFace, frameFace;
    ~WipedImages() {
        for (auto* image : {&portrait, &frame, &portraitFace, &frameFace}) wipe(*image);
    }
};

Problem noCamera() {
    return {"face.no_camera", N_("The camera gave no image. Check the camera, or use the PIN or visual check.")};
}

// Every image goes through the same colour-to-grey conversion, so that one picture seen as the
// portrait and as the frame gives the same pixels (and the same detected face).
cv::Mat toGray(cv::Mat colour) {
    cv::Mat gray;
    if (!colour.empty()) cv::cvtColor(colour, gray, cv::COLOR_BGR2GRAY);
    wipe(colour);
    return gray;
}

cv::Mat grabFrame(const FrameSource& source) {
    if (source.kind == FrameSource::Kind::ImageFile) return toGray(cv::imread(source.file.string(), cv::IMREAD_COLOR));
    cv::Mat frame;
    cv::VideoCapture capture(source.device);
    if (!capture.isOpened()) return frame;
    for (int i = 0; i < kCameraWarmUpFrames && capture.read(frame); ++i) {
    }
    return toGray(frame);
}

// The largest frontal face, cropped, equalised and resized; nullopt when there is none.
std::optional<cv::Mat> largestFace(cv::CascadeClassifier& detector, const cv::Mat& gray) {
    cv::Mat equalised;
    cv::equalizeHist(gray, equalised);
    const int smallest = std::max(40, std::min(gray.cols, gray.rows) / 6);
    std::vector<cv::Rect> faces;
    detector.detectMultiScale(equalised, faces, 1.05, 4, 0, {smallest, smallest});
    if (faces.empty()) {
        wipe(equalised);
        return std::nullopt;
    }
    const auto largest = *std::max_element(faces.begin(), faces.end(), [](const cv::Rect& a, const cv::Rect& b) {
        return a.area() < b.area();
    });
    cv::Mat face;
    cv::resize(equalised(largest), face, {kFaceSide, kFaceSide}, 0, 0, cv::INTER_AREA);
    wipe(equalised);
    return face;
}

double similarityFrom(double distance, double matchDistance) {
    return std::clamp(1.0 - distance / (2.0 * matchDistance), 0.0, 1.0);
}

}  // namespace

std::filesystem::path defaultCascadeFile() {
    return "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml";
}

struct OpenCvFaceVerifier::Detector {
    cv::CascadeClassifier cascade;
};

OpenCvFaceVerifier::OpenCvFaceVerifier(FrameSource source, FaceCheckSettings settings)
    : source_(std::move(source)), settings_(std::move(settings)) {
    if (settings_.cascadeFile.empty()) settings_.cascadeFile = defaultCascadeFile();
}

OpenCvFaceVerifier::~OpenCvFaceVerifier() = default;

Outcome<FaceCheck> OpenCvFaceVerifier::verifyAgainst(std::vector<std::uint8_t>& portrait) {
    WipedImages images;
    if (!portrait.empty())
        images.portrait = toGray(cv::imdecode(cv::Mat(1, static_cast<int>(portrait.size()), CV_8U, portrait.data()),
                                              cv::IMREAD_COLOR));
    wipe(portrait);
    if (images.portrait.empty())
        return Problem{"face.portrait_unreadable", N_("The portrait on the card could not be read. Use the PIN or visual check.")};
    if (!detector_) {
        auto loaded = std::make_unique<Detector>();
        if (!loaded->cascade.load(settings_.cascadeFile.string()))
            return Problem{"face.no_detector", N_("The face detector is not installed (opencv-data). Use the PIN or visual check.")};
        detector_ = std::move(loaded);
    }
    auto& detector = detector_->cascade;
    images.frame = grabFrame(source_);
    if (images.frame.empty()) return noCamera();

    auto portraitFace = largestFace(detector, images.portrait);
    if (!portraitFace)
        return Problem{"face.not_in_portrait", N_("No face was found in the card's portrait. Use the PIN or visual check.")};
    images.portraitFace = *portraitFace;
    auto frameFace = largestFace(detector, images.frame);
    if (!frameFace)
        return Problem{"face.not_found",
                       N_("No face was found in the camera image. Ask the patient to face the camera, or use the PIN.")};
    images.frameFace = *frameFace;

    auto recognizer = cv::face::LBPHFaceRecognizer::create();
    recognizer->train(std::vector<cv::Mat>{images.portraitFace}, std::vector<int>{1});
    int label = -1;
    double distance = 0.0;
    recognizer->predict(images.frameFace, label, distance);
    return FaceCheck{distance <= settings_.matchDistance, similarityFrom(distance, settings_.matchDistance)};
}

}  // namespace madoguchi::camera
