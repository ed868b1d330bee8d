#include "gui/settings/refused_settings.h"

#include <exception>

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "gui/settings/settings_dialog.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {
namespace {

const char* sealProblem(SettingsSeal seal) {
    return seal == SettingsSeal::Missing ? "no seal" : "the seal does not match the content";
}

}  // namespace

void recordSettingsRefusal(storage::StaffAccounts& staff, const std::filesystem::path& path, SettingsSeal seal) {
    staff.recordSettingsRefused(path.string() + ": " + sealProblem(seal));
}

wxString settingsRefusalTitle() { return _("Settings changed outside Madoguchi"); }

wxString settingsRefusalText(const std::filesystem::path& path, SettingsSeal seal) {
    const wxString why = seal == SettingsSeal::Missing ? _("it has no seal")
                                                       : _("its seal does not match its content");
    return wxString::Format(_("The settings file %s was changed outside Madoguchi's settings dialog (%s), so "
                              "Madoguchi does not use it, and the reception window stays closed.\n\n"
                              "An administrator signs in, checks every setting and saves them again. If the "
                              "settings are beyond repair, remove the file and run Madoguchi again: the set-up "
                              "assistant starts."),
                            wxString::FromUTF8(path.string()), why);
}

bool resolveRefusedSettings(AppSettings& settings, SettingsSeal seal, const std::filesystem::path& settingsPath,
                            const Clock& clock) {
    try {
        storage::FacilityJournal journal(journalLocation(settings).string());
        if (!settings.windowName.empty()) journal.setWindow(settings.windowName);
        storage::StaffAccounts staff(journal, clock);
        recordSettingsRefusal(staff, settingsPath, seal);
        wxMessageDialog ask(nullptr, settingsRefusalText(settingsPath, seal), settingsRefusalTitle(),
                            wxYES_NO | wxICON_WARNING);
        ask.SetYesNoLabels(_("Sign in as administrator…"), _("Quit"));
        if (ask.ShowModal() != wxID_YES) return false;
        return editSettings(nullptr, settings, staff, settingsPath, clock);
    } catch (const std::exception& error) {
        wxMessageBox(settingsRefusalText(settingsPath, seal) + "\n\n" +
                         wxString::Format(_("The journal could not be opened: %s"), wxString::FromUTF8(error.what())),
                     settingsRefusalTitle(), wxOK | wxICON_ERROR);
        return false;
    }
}

}  // namespace madoguchi::gui
