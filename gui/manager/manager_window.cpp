#include "gui/manager/manager_window.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/resources.h"
#include "devices/gateway/folder_bulk_check.h"
#include "gui/app/background_work.h"
#include "gui/app/terminal_folders.h"
#include "gui/app/program_icon.h"
#include "gui/app/window_placement.h"
#include "gui/manager/daily_log_page.h"
#include "gui/manager/export_page.h"
#include "gui/manager/follow_up_page.h"
#include "gui/manager/usage_page.h"
#include "gui/settings/language.h"
#include "gui/signin/staff_sign_in.h"
#include "storage/journal_watch.h"
#include "storage/open_database.h"

namespace madoguchi::gui {

namespace {

// How often the journal is asked when no notice came (and the only way on a SQLite file).
constexpr std::chrono::milliseconds kJournalPoll{1000};

// What the journal watch reports to the window.
struct JournalNews {
    bool reachable = true;
    std::string why;  // when not reachable
};

// The terminal's bulk 照会 through the facility's folders; none when the folders are not set.
BulkRecheckTerminal bulkRecheckTerminal(const AppSettings& settings, const Clock& clock) {
    auto codes = app::loadCodeTables();
    if (settings.gatewayRoot.empty() || !codes) return {};
    auto encoding = gateway::requestEncodingFromName(settings.requestEncoding).value_or(gateway::RequestEncoding::FollowResults);
    return [folders = terminalFolders(settings), code = settings.facility.medicalInstitutionCode, codes = codes.value(),
            &clock, encoding](std::stop_token stop) -> std::unique_ptr<BulkEligibilityCheck> {
        return std::make_unique<gateway::FolderBulkQueryClient>(folders, code, codes, clock, encoding,
                                                                gateway::BulkPolicy{}, std::move(stop));
    };
}

}  // namespace

ManagerLoginDialog::ManagerLoginDialog(wxWindow* parent, StaffAccounts& staff, const Clock& clock, Permission required)
    : wxDialog(parent, wxID_ANY, required == Permission::ViewReports ? _("Manager sign-in") : _("Administrator sign-in")),
      staff_(staff),
      clock_(clock),
      required_(required) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                required == Permission::ViewReports
                                    ? _("Sign in with a manager or administrator account.")
                                    : _("Sign in with an administrator account.")),
               0, wxALL, 12);
    auto* grid = new wxFlexGridSizer(2, 8, 8);
    grid->AddGrowableCol(1);
    staffId_ = new wxTextCtrl(this, wxID_ANY);
    password_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Staff ID")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(staffId_, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Password")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(password_, 1, wxEXPAND);
    newPasswordLabel_ = new wxStaticText(this, wxID_ANY, _("New password"));
    newPassword_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    grid->Add(newPasswordLabel_, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(newPassword_, 1, wxEXPAND);
    newPasswordLabel_->Hide();
    newPassword_->Hide();
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(380, -1));
    message_->SetForegroundColour(wxColour(180, 30, 30));
    sizer->Add(message_, 0, wxEXPAND | wxALL, 12);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
    SetSizerAndFit(sizer);
    staffId_->SetFocus();
    Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        if (event.GetId() != wxID_OK) {
            event.Skip();
            return;
        }
        if (attemptSignIn()) EndModal(wxID_OK);
    });
}

void ManagerLoginDialog::setCredentials(const wxString& staffId, const wxString& password) {
    staffId_->SetValue(staffId);
    password_->SetValue(password);
}

void ManagerLoginDialog::setNewPassword(const wxString& password) { newPassword_->SetValue(password); }

bool ManagerLoginDialog::asksForNewPassword() const { return newPassword_->IsShown(); }

bool ManagerLoginDialog::attemptSignIn() {
    std::string staffId = staffId_->GetValue().Strip(wxString::both).utf8_string();
    std::string password = password_->GetValue().utf8_string();  // wiped by signInStaff()
    std::string fresh = newPassword_->GetValue().utf8_string();
    password_->Clear();
    newPassword_->Clear();
    const StaffSignIn attempt = signInStaff(staff_, clock_, staffId, password, fresh, required_);
    if (attempt.choosePassword) {
        newPasswordLabel_->Show();
        newPassword_->Show();
        message_->SetLabel(_("An administrator set this password: type it again and choose your own (12 characters or "
                             "four words) under New password."));
        Fit();
        return false;
    }
    if (!attempt.member) {
        message_->SetLabel(wxString::FromUTF8(translated(attempt.problem)));
        Layout();
        return false;
    }
    signedIn_ = attempt.member;
    message_->SetLabel(wxEmptyString);
    return true;
}

wxString ManagerLoginDialog::messageText() const { return message_->GetLabel(); }

ManagerFrame::ManagerFrame(wxWindow* parent, FacilityJournal& journal, const StaffMember& member,
                           const AppSettings& settings, const Clock& clock)
    : wxFrame(parent, wxID_ANY,
              wxString::Format(_("Manager — %s — %s"), wxString::FromUTF8(settings.facility.name),
                               wxString::FromUTF8(member.displayName.empty() ? member.id : member.displayName)),
              wxDefaultPosition, wxDefaultSize),
      staff_(journal, clock),
      member_(member),
      onServer_(storage::isServerLocation(journal.location())) {
    auto* menu = new wxMenu;
    const int signOutId = wxWindow::NewControlId();
    menu->Append(signOutId, _("Sign out\tCtrl+L"));
    auto* bar = new wxMenuBar;
    bar->Append(menu, _("&Manager"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { signOut(false); }, signOutId);
    idle_ = std::make_unique<IdleWatch>(*this, clock, settings.idleLockMinutes, [this] { signOut(true); });
    Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent& event) {
        if (idle_) {  // closed by hand: that is a sign-out too
            idle_.reset();
            staff_.recordSignOut(member_, false);
        }
        event.Skip();
    });
    notebook_ = new wxNotebook(this, wxID_ANY);
    dailyLog_ = new DailyLogPage(notebook_, journal, member, clock);
    followUps_ = new FollowUpPage(notebook_, journal, member, clock, bulkRecheckTerminal(settings, clock));
    usage_ = new UsagePage(notebook_, journal, member, clock);
    export_ = new ExportPage(notebook_, journal, member, clock);
    notebook_->AddPage(dailyLog_, _("Daily log"));
    notebook_->AddPage(followUps_, _("Follow-up"));
    notebook_->AddPage(usage_, _("Usage rate"));
    notebook_->AddPage(export_, _("CSV export"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    unreachable_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    unreachable_->SetForegroundColour(wxColour(180, 30, 30));
    unreachable_->Hide();
    sizer->Add(unreachable_, 0, wxEXPAND | wxALL, 8);
    sizer->Add(notebook_, 1, wxEXPAND);
    SetSizer(sizer);
    fitToDisplay(*this, wxSize(1000, 720));
    setProgramIcon(*this);
    notebook_->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        refreshShownPage();
        event.Skip();
    });
    work_ = std::make_unique<BackgroundWork>(*this);
    watchJournal(journal.location());
}

ManagerFrame::~ManagerFrame() { work_->stopAll(); }

void ManagerFrame::watchJournal(const std::string& location) {
    work_->watch<JournalNews>(
        [location](std::stop_token stop, const std::function<void(JournalNews)>& emit) {
            std::unique_ptr<storage::JournalWatch> watch;
            bool down = false;
            while (!stop.stop_requested()) {
                try {
                    if (!watch) watch = std::make_unique<storage::JournalWatch>(location);
                    const bool changed = watch->waitForChange(kJournalPoll);
                    if (changed || down) emit(JournalNews{});
                    down = false;
                } catch (const storage::StorageError& error) {
                    if (!down) emit(JournalNews{false, error.what()});
                    down = true;
                    if (!waitUnlessStopped(stop, kJournalPoll)) return;
                }
            }
        },
        [this](JournalNews news) { news.reachable ? journalChanged() : journalUnreachable(news.why); },
        [this](std::exception_ptr error) { journalUnreachable(describeFailure(error)); });
}

void ManagerFrame::journalChanged() {
    unreachable_->Hide();
    dailyLogStale_ = followUpsStale_ = true;
    refreshShownPage();
    ++refreshes_;
    Layout();
}

void ManagerFrame::refreshShownPage() {
    wxWindow* shown = notebook_->GetCurrentPage();
    if (shown == dailyLog_ && dailyLogStale_) {
        dailyLogStale_ = false;
        dailyLog_->refresh();
    } else if (shown == followUps_ && followUpsStale_) {
        followUpsStale_ = false;
        followUps_->refresh();
    }
}

void ManagerFrame::journalUnreachable(const std::string& why) {
    const wxString text =
        onServer_ ? _("The site server does not answer: the daily log and the follow-up list are cleared until it "
                      "answers again. The reception windows keep their visits and send them when it is back.")
                  : _("The journal file is locked, moved or unreadable: the daily log and the follow-up list are "
                      "cleared until it can be read again. The reception window keeps its visits and saves them "
                      "when it can.");
    unreachable_->SetLabel(text);
    unreachable_->Show();
    dailyLog_->showUnavailable(wxString::FromUTF8(why));
    followUps_->showUnavailable(wxString::FromUTF8(why));
    Layout();
}

bool ManagerFrame::showsUnreachable() const { return unreachable_->IsShown(); }

wxString ManagerFrame::unreachableText() const { return unreachable_->GetLabel(); }

void ManagerFrame::signOut(bool idle) {
    if (!idle_) return;  // once
    idle_.reset();
    staff_.recordSignOut(member_, idle);
    Close(true);
}

void openManagerWindow(wxWindow* parent, FacilityJournal& journal, StaffAccounts& staff,
                       const AppSettings& settings, const Clock& clock) {
    ManagerLoginDialog login(parent, staff, clock);
    if (login.ShowModal() != wxID_OK || !login.signedIn()) return;
    auto* frame = new ManagerFrame(parent, journal, *login.signedIn(), settings, clock);
    frame->Show();
}

}  // namespace madoguchi::gui
