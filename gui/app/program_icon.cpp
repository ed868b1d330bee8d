#include "gui/app/program_icon.h"

#include <wx/icon.h>
#include <wx/toplevel.h>

namespace madoguchi::gui {

void setProgramIcon([[maybe_unused]] wxTopLevelWindow& window) {
#ifdef _WIN32
    window.SetIcon(wxIcon("AAAA_MADOGUCHI"));  // the name sorts before wx's own icons: Explorer shows it
#endif
}

}  // namespace madoguchi::gui
