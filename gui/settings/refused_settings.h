#pragma once
// A settings file changed outside the administrator's dialog, found at start (its seal is missing
// or does not match, app_settings.h): the refusal goes to the audit trail of the journal the file
// names, the window says what happened and what to do, and an administrator may sign in, check
// the settings and save them again (sealed). Until then the reception window does not open.
#include <filesystem>

#include <wx/string.h>

#include "app/app_settings.h"
#include "domain/ports/clock.h"
#include "storage/staff_accounts.h"

namespace madoguchi::gui {

// settings.refused (by "system"): the file and why.
void recordSettingsRefusal(storage::StaffAccounts& staff, const std::filesystem::path& path, SettingsSeal seal);
// What the window says: the file, why, and what to do (translated).
wxString settingsRefusalText(const std::filesystem::path& path, SettingsSeal seal);
// The title of that message (the GUI test finds the window by it).
wxString settingsRefusalTitle();
// The start-up step: records the refusal, says what to do, and offers the administrator's sign-in
// and the settings dialog with what the file says. True when an administrator saved the settings
// (`settings` then holds them); false to quit.
bool resolveRefusedSettings(AppSettings& settings, SettingsSeal seal, const std::filesystem::path& settingsPath,
                            const Clock& clock);

}  // namespace madoguchi::gui
