// OpenCvFaceVerifier with image files as the camera and the virtual card's synthetic portraits.
#include <boost/test/unit_test.hpp>
#include <opencv2/imgcodecs.hpp>

#include "devices/camera/opencv_face_verifier.h"
#include "devices/card/sim/portrait.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::camera::FrameSource;
using madoguchi::camera::OpenCvFaceVerifier;

namespace {

// What the camera "sees": the portrait decoded and saved as an ordinary image file.
std::filesystem::path cameraImageOf(const std::vector<std::uint8_t>& portrait, const test::TempFolder& folder,
                                    const std::string& name) {
    const auto image = cv::imdecode(portrait, cv::IMREAD_COLOR);
    const auto file = folder / (name + ".png");
    cv::imwrite(file.string(), image);
    return file;
}

template <class T>
std::string codeOf(const Outcome<T>& outcome) {
    return outcome ? "ok" : outcome.problem().code;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_same_face_matches_and_the_portrait_is_wiped) {
    test::TempFolder folder;
    auto portrait = card::sim::syntheticPortrait("P001");
    OpenCvFaceVerifier verifier(FrameSource::imageFile(cameraImageOf(portrait, folder, "frame")));
    const auto* memory = portrait.data();
    const auto size = portrait.size();
    auto check = verifier.verifyAgainst(portrait);
    BOOST_REQUIRE_MESSAGE(check, codeOf(check));
    BOOST_TEST(check.value().matched);
    BOOST_TEST(check.value().score > 0.9);
    BOOST_TEST(portrait.empty());
    BOOST_TEST(std::all_of(memory, memory + size, [](std::uint8_t b) { return b == 0; }));
}

BOOST_AUTO_TEST_CASE(another_drawn_face_scores_lower_than_the_same_one) {
    // Recognition quality is not what this shows: the drawn faces differ in a few strokes only.
    test::TempFolder folder;
    const auto other = cameraImageOf(card::sim::syntheticPortrait("P002"), folder, "other");
    auto portrait = card::sim::syntheticPortrait("P001");
    auto same = card::sim::syntheticPortrait("P001");
    auto differentCheck = OpenCvFaceVerifier(FrameSource::imageFile(other)).verifyAgainst(portrait);
    auto sameCheck = OpenCvFaceVerifier(FrameSource::imageFile(cameraImageOf(same, folder, "same"))).verifyAgainst(same);
    BOOST_REQUIRE_MESSAGE(differentCheck, codeOf(differentCheck));
    BOOST_REQUIRE_MESSAGE(sameCheck, codeOf(sameCheck));
    BOOST_TEST_MESSAGE("score of another drawn face: " << differentCheck.value().score
                                                       << (differentCheck.value().matched ? " (matched)" : ""));
    BOOST_TEST(differentCheck.value().score < sameCheck.value().score);
}

BOOST_AUTO_TEST_CASE(no_face_in_the_camera_image_is_a_clear_problem) {
    test::TempFolder folder;
    const auto blank = folder / "blank.png";
    cv::imwrite(blank.string(), cv::Mat(480, 640, CV_8UC3, cv::Scalar(128, 128, 128)));
    auto portrait = card::sim::syntheticPortrait("P001");
    auto check = OpenCvFaceVerifier(FrameSource::imageFile(blank)).verifyAgainst(portrait);
    BOOST_REQUIRE(!check);
    BOOST_TEST(check.problem().code == "face.not_found");
    BOOST_TEST(portrait.empty());
}

BOOST_AUTO_TEST_CASE(an_unreadable_portrait_or_no_camera_image_are_clear_problems) {
    test::TempFolder folder;
    std::vector<std::uint8_t> garbage{0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x01, 0x02};
    auto unreadable = OpenCvFaceVerifier(FrameSource::imageFile(folder / "missing.png")).verifyAgainst(garbage);
    BOOST_REQUIRE(!unreadable);
    BOOST_TEST(unreadable.problem().code == "face.portrait_unreadable");
    BOOST_TEST(garbage.empty());
    auto portrait = card::sim::syntheticPortrait("P001");
    auto noCamera = OpenCvFaceVerifier(FrameSource::imageFile(folder / "missing.png")).verifyAgainst(portrait);
    BOOST_REQUIRE(!noCamera);
    BOOST_TEST(noCamera.problem().code == "face.no_camera");
    BOOST_TEST(portrait.empty());
}
