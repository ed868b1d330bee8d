#pragma once
// The manager's back-office window (事務長): sign-in, then tabs for the daily log, the
// follow-up list with re-tagging, the マイナ保険証 usage chart against the 加算 tiers, and
// CSV export. Rules stay in the domain (manager_reports.h, staff.h); this renders them.
#include <chrono>
#include <memory>
#include <optional>

#include <wx/dialog.h>
#include <wx/frame.h>

#include "app/app_settings.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "gui/signin/idle_watch.h"
#include "storage/staff_accounts.h"
#include "storage/visit_journal.h"

class wxNotebook;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

using storage::FacilityJournal;
using storage::StaffAccounts;

class BackgroundWork;
class DailyLogPage;
class FollowUpPage;
class UsagePage;
class ExportPage;

// Staff ID and password. A wrong password, a locked account or a role without the required
// permission (reports for the manager window, settings for the admin) is said in the dialog,
// which stays open. An account an administrator made or reset chooses its own password here
// first (a "New password" field appears).
class ManagerLoginDialog : public wxDialog {
public:
    ManagerLoginDialog(wxWindow* parent, StaffAccounts& staff, const Clock& clock,
                       Permission required = Permission::ViewReports);

    void setCredentials(const wxString& staffId, const wxString& password);
    // The holder's own new password, asked for when an administrator set the current one.
    void setNewPassword(const wxString& password);
    bool asksForNewPassword() const;
    // Checks what is typed (the password field is cleared either way); true when signed in
    // by someone allowed to read the reports.
    bool attemptSignIn();
    const std::optional<StaffMember>& signedIn() const { return signedIn_; }
    wxString messageText() const;

private:
    StaffAccounts& staff_;
    const Clock& clock_;
    Permission required_;
    wxTextCtrl* staffId_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxStaticText* newPasswordLabel_ = nullptr;
    wxTextCtrl* newPassword_ = nullptr;
    wxStaticText* message_ = nullptr;
    std::optional<StaffMember> signedIn_;
};

class ManagerFrame : public wxFrame {
public:
    ManagerFrame(wxWindow* parent, FacilityJournal& journal, const StaffMember& member, const AppSettings& settings,
                 const Clock& clock);
    ~ManagerFrame() override;

    wxNotebook* notebook() const { return notebook_; }
    DailyLogPage* dailyLog() const { return dailyLog_; }
    FollowUpPage* followUps() const { return followUps_; }
    UsagePage* usage() const { return usage_; }
    ExportPage* exportPage() const { return export_; }
    // 管理 › Sign out, and the idle lock (settings.idleLockMinutes on the clock): the window
    // closes (staff.sign_out / staff.idle_lock); opening it again asks for a sign-in.
    void signOut(bool idle);
    // The journal watch (storage/journal_watch.h) said the visits changed, or whether the journal
    // can be read: the daily log or the follow-up list, whichever is on screen, re-reads in the
    // background and the other one when it is shown; or both say the server is unreachable.
    void journalChanged();
    bool dailyLogStale() const { return dailyLogStale_; }
    bool followUpsStale() const { return followUpsStale_; }
    void journalUnreachable(const std::string& why);
    bool showsUnreachable() const;
    wxString unreachableText() const;
    int refreshes() const { return refreshes_; }  // live refreshes so far (tests wait on it)

private:
    void watchJournal(const std::string& location);
    void refreshShownPage();  // when stale
    StaffAccounts staff_;
    StaffMember member_;
    bool onServer_;  // the journal is on the site server (else a file on this PC)
    std::unique_ptr<IdleWatch> idle_;
    wxNotebook* notebook_ = nullptr;
    DailyLogPage* dailyLog_ = nullptr;
    FollowUpPage* followUps_ = nullptr;
    UsagePage* usage_ = nullptr;
    ExportPage* export_ = nullptr;
    wxStaticText* unreachable_ = nullptr;
    int refreshes_ = 0;
    bool dailyLogStale_ = false;  // the journal changed since the page last read it
    bool followUpsStale_ = false;
    std::unique_ptr<BackgroundWork> work_;  // last: stopped first
};

// Asks for a sign-in (modal), then shows the manager window; nothing when cancelled.
void openManagerWindow(wxWindow* parent, FacilityJournal& journal, StaffAccounts& staff,
                       const AppSettings& settings, const Clock& clock);

}  // namespace madoguchi::gui
