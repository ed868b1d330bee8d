#include "gui/app/window_placement.h"

#include <algorithm>

#include <wx/display.h>
#include <wx/toplevel.h>

namespace madoguchi::gui {

std::optional<wxRect> fittedRect(const wxSize& preferred, const wxRect& workArea) {
    if (preferred.x <= workArea.width && preferred.y <= workArea.height) return std::nullopt;
    return wxRect(workArea.GetPosition(),
                  wxSize(std::min(preferred.x, workArea.width), std::min(preferred.y, workArea.height)));
}

void fitToDisplay(wxTopLevelWindow& window, const wxSize& preferred) {
    const wxDisplay display(&window);
    const auto fitted = fittedRect(preferred, display.GetClientArea());
    if (fitted)
        window.SetSize(*fitted);
    else
        window.SetSize(preferred);
}

}  // namespace madoguchi::gui
