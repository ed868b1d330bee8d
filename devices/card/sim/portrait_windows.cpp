// Windows (devices/card/CMakeLists.txt): the recipe builds no JPEG 2000 encoder (OpenJPEG), so a
// virtual card holds no portrait. Reading it answers card.no_portrait ("use the PIN or visual
// check"), which is what the Windows build offers anyway: its face check is the certified
// reader's own (docs/windows.md).
#include "devices/card/sim/portrait.h"

namespace madoguchi::card::sim {

Bytes syntheticPortrait(const std::string&) { return {}; }

}  // namespace madoguchi::card::sim
