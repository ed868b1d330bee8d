#pragma once
// The face check lives in its own shared module (libmadoguchi-face.so: OpenCV and everything it
// pulls in), loaded only when a face check is asked for, so that the programs that never check
// a face do not map OpenCV at all. This loader links nothing but the dynamic loader.
//
// The module stays loaded for the rest of the process once it is opened (a verifier's code
// lives in it). It is built with this very program (same compiler and headers): the entry
// point passes C++ objects, and a version number guards against a stray older module.
#include <filesystem>
#include <memory>

#include "devices/camera/face_check_settings.h"
#include "domain/outcome.h"
#include "domain/ports/face_verifier.h"

namespace madoguchi::camera {

#ifdef _WIN32
inline constexpr const char* kFaceModuleFileName = "madoguchi-face.dll";  // not built for Windows yet
#else
inline constexpr const char* kFaceModuleFileName = "libmadoguchi-face.so";
#endif
inline constexpr int kFaceModuleVersion = 1;

// Opens the module at `modulePath` (dlopen keeps it open for the process) and makes a verifier.
// A module that is missing, cannot be opened or is of another version is a Problem
// "face.module_missing"; the receptionist falls back to the PIN or the visual check.
Outcome<std::unique_ptr<FaceVerifier>> loadFaceVerifier(const std::filesystem::path& modulePath, FrameSource source,
                                                        FaceCheckSettings settings = {});

// The entry points the module exports (extern "C", looked up by these names).
extern "C" {
using FaceModuleVersionFunction = int();
using FaceVerifierFactoryFunction = FaceVerifier*(const FrameSource& source, const FaceCheckSettings& settings);
}
inline constexpr const char* kFaceModuleVersionSymbol = "madoguchi_face_module_version";
inline constexpr const char* kFaceVerifierFactorySymbol = "madoguchi_face_verifier_create";

}  // namespace madoguchi::camera
