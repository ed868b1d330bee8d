// bench_face_check [--checks N]: N face checks (OpenCvFaceVerifier) of the synthetic portrait of
// P001 against an image file of the same picture (the demo camera; a real camera adds its own
// capture time). Prints p50 / p95 / max in ms and the portrait's size.
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "devices/camera/opencv_face_verifier.h"
#include "devices/card/sim/portrait.h"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

}  // namespace

int main(int argc, char** argv) {
    int checks = 100;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--checks") checks = std::max(1, std::stoi(argv[i + 1]));
    const auto portrait = card::sim::syntheticPortrait("P001");
    const auto frame = std::filesystem::temp_directory_path() / "madoguchi-bench-face-frame.png";
    cv::imwrite(frame.string(), cv::imdecode(portrait, cv::IMREAD_COLOR));
    camera::OpenCvFaceVerifier verifier(camera::FrameSource::imageFile(frame));
    std::vector<double> ms;
    for (int i = 0; i < checks; ++i) {
        auto copy = portrait;
        const auto start = Clock::now();
        auto check = verifier.verifyAgainst(copy);
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        if (!check || !check.value().matched) {
            std::fprintf(stderr, "bench_face_check: check %d failed\n", i);
            std::filesystem::remove(frame);
            return 1;
        }
    }
    std::filesystem::remove(frame);
    std::printf("face checks: %d  (portrait %zu bytes JPEG 2000, 240x300; frame 240x300 PNG from a file)\n", checks,
                portrait.size());
    std::printf("p50 %.1f ms  p95 %.1f ms  max %.1f ms\n", percentile(ms, 0.5), percentile(ms, 0.95),
                *std::max_element(ms.begin(), ms.end()));
    return 0;
}
