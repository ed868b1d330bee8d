// The face check through its shared module (libmadoguchi-face.so), as the programs open it.
#include <boost/test/unit_test.hpp>
#include <opencv2/imgcodecs.hpp>

#include <fstream>

#include "devices/camera/face_module.h"
#include "devices/card/sim/portrait.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::camera::FrameSource;

BOOST_AUTO_TEST_SUITE(FaceModule)

BOOST_AUTO_TEST_CASE(the_module_is_opened_and_checks_a_face) {
    test::TempFolder folder;
    auto portrait = card::sim::syntheticPortrait("P001");
    const auto frame = folder / "frame.png";
    cv::imwrite(frame.string(), cv::imdecode(portrait, cv::IMREAD_COLOR));
    auto verifier = camera::loadFaceVerifier(MADOGUCHI_FACE_MODULE_FILE, FrameSource::imageFile(frame));
    BOOST_REQUIRE_MESSAGE(verifier, (verifier ? "" : verifier.problem().code));
    auto check = verifier.value()->verifyAgainst(portrait);
    BOOST_REQUIRE(check);
    BOOST_TEST(check.value().matched);
    BOOST_TEST(portrait.empty());
    // A second verifier from the same (already open) module.
    auto again = camera::loadFaceVerifier(MADOGUCHI_FACE_MODULE_FILE, FrameSource::imageFile(folder / "none.png"));
    BOOST_REQUIRE(again);
    auto other = card::sim::syntheticPortrait("P002");
    auto noCamera = again.value()->verifyAgainst(other);
    BOOST_REQUIRE(!noCamera);
    BOOST_TEST(noCamera.problem().code == "face.no_camera");
}

BOOST_AUTO_TEST_CASE(a_missing_module_or_a_file_that_is_no_module_is_a_clear_problem) {
    test::TempFolder folder;
    auto missing = camera::loadFaceVerifier(folder / camera::kFaceModuleFileName, FrameSource::camera(0));
    BOOST_REQUIRE(!missing);
    BOOST_TEST(missing.problem().code == "face.module_missing");
    const auto notAModule = folder / "libnot-a-module.so";
    std::ofstream(notAModule) << "not an ELF file\n";
    auto unreadable = camera::loadFaceVerifier(notAModule, FrameSource::camera(0));
    BOOST_REQUIRE(!unreadable);
    BOOST_TEST(unreadable.problem().code == "face.module_missing");
}

BOOST_AUTO_TEST_CASE(a_shared_library_without_the_entry_points_is_refused) {
    // libopenjp2 is a real shared library, but not a Madoguchi face module.
    auto foreign = camera::loadFaceVerifier(MADOGUCHI_FOREIGN_LIBRARY, FrameSource::camera(0));
    BOOST_REQUIRE(!foreign);
    BOOST_TEST(foreign.problem().code == "face.module_missing");
}

BOOST_AUTO_TEST_SUITE_END()
