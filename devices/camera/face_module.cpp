#include "devices/camera/face_module.h"

#include "platform/modules.h"

namespace madoguchi::camera {

namespace {

Problem moduleMissing() {
    return Problem{"face.module_missing",
                   N_("The face check is not installed (its module could not be loaded). Use the PIN or visual check.")};
}

Outcome<FaceVerifierFactoryFunction*> openModule(const std::filesystem::path& path) {
    const auto module = platform::Module::open(path, kFaceModuleVersionSymbol, kFaceModuleVersion);
    auto* factory = module.function<FaceVerifierFactoryFunction>(kFaceVerifierFactorySymbol);
    if (!factory) return moduleMissing();
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
