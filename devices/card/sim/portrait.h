#pragma once
// A synthetic, deterministic portrait for a virtual card: a drawn face (not a photograph of
// anyone), different per seed, encoded as JPEG 2000 like the portrait on a real card.
#include <string>

#include "devices/card/apdu.h"

namespace madoguchi::card::sim {

Bytes syntheticPortrait(const std::string& seed);

}  // namespace madoguchi::card::sim
