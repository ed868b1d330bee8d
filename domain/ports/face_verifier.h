#pragma once
// Port to the camera-and-portrait face check. Images live in memory for one check only.
#include <cstdint>
#include <vector>

#include "../outcome.h"

namespace madoguchi {

struct FaceCheck {
    bool matched = false;
    double score = 0.0;
};

class FaceVerifier {
public:
    virtual ~FaceVerifier() = default;
    // The portrait bytes (JPEG 2000 from the card) are wiped by the implementation after use.
    virtual Outcome<FaceCheck> verifyAgainst(std::vector<std::uint8_t>& portrait) = 0;
};

}  // namespace madoguchi
