#pragma once
// What a face check is set up with: where the live image comes from and how strict the match
// is. Plain data, shared by the loader (devices/camera/face_module.h) and the OpenCV module.
#include <filesystem>

namespace madoguchi::camera {

// Where the live image comes from.
struct FrameSource {
    enum class Kind { Camera, ImageFile };
    Kind kind = Kind::Camera;
    int device = 0;               // Kind::Camera: the V4L2 index (/dev/videoN)
    std::filesystem::path file;   // Kind::ImageFile: an image OpenCV can read

    static FrameSource camera(int device) { return {Kind::Camera, device, {}}; }
    static FrameSource imageFile(std::filesystem::path file) { return {Kind::ImageFile, 0, std::move(file)}; }
};

struct FaceCheckSettings {
    std::filesystem::path cascadeFile;  // empty: the frontal-face cascade from Debian's opencv-data
    // LBPH chi-square distance at or below which the faces "match". Not calibrated on real faces.
    double matchDistance = 70.0;
};

}  // namespace madoguchi::camera
