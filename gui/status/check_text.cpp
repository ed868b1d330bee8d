#include "gui/status/check_text.h"

#include <wx/intl.h>

#include "gui/settings/language.h"

namespace madoguchi::gui {

wxString problemText(const DeviceCheck& check) {
    if (check.problem.empty()) return {};
    wxString text = wxString::FromUTF8(translated(check.problem));
    text.Replace("%s", wxString::FromUTF8(check.subject));
    return text;
}

wxString remedyText(const DeviceCheck& check) {
    return check.remedy.empty() ? wxString() : wxString::FromUTF8(translated(check.remedy));
}

wxString fullText(const DeviceCheck& check) {
    wxString text = check.problem.empty() ? _("✓ Works.") : problemText(check) + "\n" + remedyText(check);
    for (const std::string& detail : check.details) text += "\n• " + wxString::FromUTF8(detail);
    return text;
}

wxColour healthColour(Health health) {
    switch (health) {
        case Health::Good: return wxColour(30, 140, 60);
        case Health::Warning: return wxColour(215, 140, 0);
        case Health::Failing: return wxColour(200, 30, 30);
        case Health::NotUsed: break;
    }
    return wxColour(150, 150, 150);
}

bool usable(const DeviceCheck& check) { return check.health == Health::Good || check.health == Health::Warning; }

}  // namespace madoguchi::gui
