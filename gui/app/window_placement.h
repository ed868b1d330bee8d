#pragma once
// A window's first size on the display it opens on. The windows are designed for a desktop of
// 1280×800 or more; a clinic's PC often has 1366×768, where a taskbar leaves ~728 pixels: a window
// taller than that would hide its status bar (the devices' state) under the taskbar.
#include <optional>

#include <wx/gdicmn.h>

class wxTopLevelWindow;

namespace madoguchi::gui {

// The rectangle a window of `preferred` size takes in the display's work area `workArea`: none
// when it fits as it is; otherwise each side cut to the work area and the window at its corner.
std::optional<wxRect> fittedRect(const wxSize& preferred, const wxRect& workArea);

// Gives `window` its preferred size, cut to the work area of the display it is on.
void fitToDisplay(wxTopLevelWindow& window, const wxSize& preferred);

}  // namespace madoguchi::gui
