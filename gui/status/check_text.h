#pragma once
// A DeviceCheck in the window's language: the problem with its subject, what to do, the colour.
#include <wx/colour.h>
#include <wx/string.h>

#include "gui/status/device_checks.h"

namespace madoguchi::gui {

wxString problemText(const DeviceCheck& check);  // empty when all is well
wxString remedyText(const DeviceCheck& check);
// The problem, what to do and what was found, one paragraph each (the dialogs and the assistant).
wxString fullText(const DeviceCheck& check);
wxColour healthColour(Health health);
bool usable(const DeviceCheck& check);  // Good or Warning

}  // namespace madoguchi::gui
