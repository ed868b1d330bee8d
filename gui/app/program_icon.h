#pragma once
// The program's icon on its top-level windows. Windows: the icon resource of madoguchi.exe
// (gui/madoguchi.rc, from installer/windows/madoguchi.ico), which Explorer, the Start menu and
// the taskbar show too. Linux: the desktop entry names the installed icon
// (installer/linux/madoguchi.svg), so there is nothing to set on the window.
class wxTopLevelWindow;

namespace madoguchi::gui {

void setProgramIcon(wxTopLevelWindow& window);

}  // namespace madoguchi::gui
