#pragma once
// Everything the reception window talks to, built by the composition root: the real folders
// and journal of the facility, or the demo's simulated gateway and virtual cards.
#include <filesystem>
#include <functional>
#include <optional>

#include <wx/string.h>

#include "app/app_settings.h"
#include "domain/staff.h"
#include "gui/app/background_work.h"
#include "gui/medical/medical_info_fetcher.h"
#include "gui/status/device_status_bar.h"
#include "storage/visit_journal.h"

#include "gui/reception/arrival.h"
#include "gui/reception/reception_flow.h"

class wxWindow;

namespace madoguchi::gui {

class ReceptionEnvironment {
public:
    virtual ~ReceptionEnvironment() = default;
    virtual ReceptionServices services() = 0;
    // Starts the environment's watchers (and the demo's simulator) on the window's work, which
    // stops them before the window goes. deliver() and failed() run on the GUI thread.
    virtual void startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                               BackgroundWork::Failure failed) = 0;
    // For the manager window and the settings dialog.
    virtual storage::FacilityJournal& journal() = 0;
    virtual AppSettings& settings() = 0;
    virtual std::filesystem::path settingsPath() const = 0;
    // The one clock of this window: sessions, journal, manager window and settings dialog.
    virtual const Clock& clock() const = 0;
    // Called before the manager window or the settings sign in (the demo makes its account).
    virtual void prepareStaffAccounts() {}
    // The folders, reader and journal the status bar keeps in sight.
    virtual DeviceTargets deviceTargets() = 0;
    // Who is at the window from the start without signing in (the demo's receptionist), and a
    // line for the sign-in screen (the demo's account); elsewhere nobody and nothing.
    virtual std::optional<StaffMember> memberAtStart() { return std::nullopt; }
    virtual wxString signInHint() const { return {}; }
    // The terminal's folders for fetching 薬剤情報 and 特定健診; none: the window offers no fetch.
    virtual std::optional<MedicalInfoFolders> medicalInfoFolders() { return std::nullopt; }
    // The demo's control panel, or nullptr outside the demo.
    virtual wxWindow* makeDemoPanel(wxWindow* /*parent*/) { return nullptr; }
};

}  // namespace madoguchi::gui
