#include "devices/camera/face_module.h"

#include "platform/dynamic_library.h"

namespace madoguchi::camera {

namespace {

Problem moduleMissing() {
    return Problem{"face.module_missing",
                   N_("The face check is not installed (its module could not be loaded). Use the PIN or visual check.")};
}

// The loader counts the opens of one file and maps it once; the handle is never closed.
Outcome<FaceVerifierFactoryFunction*> openModule(const std::filesystem::path& path) {
    void* handle = platform::openModule(path);
    if (!handle) return moduleMissing();
    auto* version = reinterpret_cast<FaceModuleVersionFunction*>(platform::moduleSymbol(handle, kFaceModuleVersionSymbol));
    auto* factory =
        reinterpret_cast<FaceVerifierFactoryFunction*>(platform::moduleSymbol(handle, kFaceVerifierFactorySymbol));
    if (!version || !factory || version() != kFaceModuleVersion) return moduleMissing();
    return factory;
}

}  // namespace

Outcome<std::unique_ptr<FaceVerifier>> loadFaceVerifier(const std::filesystem::path& modulePath, FrameSource source,
                                                        FaceCheckSettings settings) {
    auto factory = openModule(modulePath);
    if (!factory) return factory.problem();
    return std::unique_ptr<FaceVerifier>(factory.value()(source, settings));
}

}  // namespace madoguchi::camera
