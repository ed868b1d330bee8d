#include "gui/app/japanese_faces.h"

namespace madoguchi::gui {

// wxMSW draws with Windows' UI font (Yu Gothic UI or Meiryo UI on a Japanese Windows), which
// covers Japanese: no fontconfig, nothing to arrange.
void preferJapaneseFaces() {}

}  // namespace madoguchi::gui
