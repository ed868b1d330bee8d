#pragma once
// JPEG 2000 (.jp2) encoding of an 8-bit RGB image with libopenjp2, in memory.
#include <cstdint>
#include <vector>

#include "devices/card/apdu.h"

namespace madoguchi::card::sim {

// `rgb` holds width × height interleaved R, G, B bytes. `compressionRatio` is the target size
// ratio of one quality layer (1: lossless). Throws std::runtime_error when OpenJPEG refuses.
Bytes encodeJpeg2000(const std::vector<std::uint8_t>& rgb, int width, int height, float compressionRatio);

}  // namespace madoguchi::card::sim
