// The exported entry points of libmadoguchi-face.so (see devices/camera/face_module.h).
#include "devices/camera/face_module.h"
#include "devices/camera/opencv_face_verifier.h"

extern "C" __attribute__((visibility("default"))) int madoguchi_face_module_version() {
    return madoguchi::camera::kFaceModuleVersion;
}

extern "C" __attribute__((visibility("default"))) madoguchi::FaceVerifier* madoguchi_face_verifier_create(
    const madoguchi::camera::FrameSource& source, const madoguchi::camera::FaceCheckSettings& settings) {
    return new madoguchi::camera::OpenCvFaceVerifier(source, settings);
}
