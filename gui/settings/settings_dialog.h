#pragma once
// The administrator's settings: facility (医療機関コード validated while typing, clinic or
// pharmacy, mode ①/②/③ — ③ hides every medical-information feature), identity source
// (certified-reader folders or direct reader), folders, printer, language, staff accounts.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <wx/arrstr.h>
#include <wx/dialog.h>

#include "app/app_settings.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/staff_accounts.h"

class wxCheckBox;
class wxChoice;
class wxSpinCtrl;
class wxDirPickerCtrl;
class wxFilePickerCtrl;
class wxListCtrl;
class wxNotebook;
class wxRadioBox;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class SiteServerSection;  // the journal's page (site_server_section.h)

// The choices of "how identity reaches us", in the order of IdentitySource (dialog and assistant).
wxArrayString identitySourceLabels();

class SettingsDialog : public wxDialog {
public:
    // actor: the signed-in administrator; staff changes are checked against their role.
    SettingsDialog(wxWindow* parent, const AppSettings& initial, storage::StaffAccounts& staff,
                   const StaffMember& actor);

    AppSettings edited() const;                 // what the controls say now
    std::vector<std::string> problems() const;  // settingsProblems(edited()), English msgids
    wxString codeMessage() const;               // the live 医療機関コード message, empty when valid
    wxString problemsText() const;              // what the dialog shows under the tabs
    bool canSave() const;                       // the OK button's state

    wxNotebook* notebook() const { return notebook_; }
    wxTextCtrl* codeField() const { return code_; }
    wxTextCtrl* nameField() const { return name_; }
    wxRadioBox* kindBox() const { return kind_; }
    wxRadioBox* modeBox() const { return mode_; }
    wxRadioBox* sourceBox() const { return source_; }
    wxDirPickerCtrl* gatewayPicker() const { return gatewayRoot_; }
    wxDirPickerCtrl* faceTrashPicker() const { return faceTrash_; }
    wxChoice* requestEncodingChoice() const { return requestEncoding_; }
    wxChoice* folderWatchChoice() const { return folderWatch_; }
    wxSpinCtrl* retentionDays() const { return retention_; }
    wxChoice* languageChoice() const { return language_; }
    wxSpinCtrl* idleLockMinutes() const { return idleLock_; }
    wxListCtrl* staffList() const { return staffList_; }
    SiteServerSection* siteServer() const { return siteServer_; }

    // Staff accounts through StaffAccounts (permission checked there); the list is refreshed.
    Outcome<bool> addStaff(const StaffMember& member, std::string& password);
    Outcome<bool> changeRole(const std::string& staffId, StaffRole role);
    Outcome<bool> resetPassword(const std::string& staffId, std::string& password);

private:
    wxWindow* facilityPage();
    wxWindow* connectionPage();
    wxWindow* printingPage();
    wxWindow* staffPage();
    void revalidate();
    void reloadStaff();
    void onAddStaff();
    void onChangeRole();
    void onResetPassword();
    std::string selectedStaffId() const;

    AppSettings initial_;
    storage::StaffAccounts& staff_;
    StaffMember actor_;
    wxNotebook* notebook_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxStaticText* codeMessage_ = nullptr;
    wxRadioBox* kind_ = nullptr;
    wxRadioBox* mode_ = nullptr;
    wxCheckBox* fillerCheckDigit_ = nullptr;
    wxRadioBox* source_ = nullptr;
    wxDirPickerCtrl* gatewayRoot_ = nullptr;
    wxDirPickerCtrl* faceTrash_ = nullptr;
    wxChoice* requestEncoding_ = nullptr;
    wxChoice* folderWatch_ = nullptr;
    wxSpinCtrl* retention_ = nullptr;
    wxTextCtrl* cardCheckUrl_ = nullptr;
    wxFilePickerCtrl* cardCheckCa_ = nullptr;
    SiteServerSection* siteServer_ = nullptr;
    wxTextCtrl* printer_ = nullptr;
    wxChoice* language_ = nullptr;
    wxSpinCtrl* idleLock_ = nullptr;
    wxListCtrl* staffList_ = nullptr;
    wxStaticText* staffMessage_ = nullptr;
    wxStaticText* problems_ = nullptr;
};

// Administrator sign-in (EditSettings), or on a journal without one, creating the first
// administrator; nullopt when cancelled or refused.
std::optional<StaffMember> signInToEditSettings(wxWindow* parent, storage::StaffAccounts& staff, const Clock& clock);
// What the dialog's OK does: saves `edited` to `path`, sealed (saveAppSettings), writes each change
// to the audit trail (settings.changed, "field: old -> new", secrets masked) and the save itself
// (settings.saved), and updates `settings`. Only with the EditSettings permission.
Outcome<bool> saveSettingsAsAdministrator(const StaffMember& admin, AppSettings& settings, const AppSettings& edited,
                                          const std::filesystem::path& path, storage::StaffAccounts& staff);
// signInToEditSettings(), then the dialog; on OK saveSettingsAsAdministrator(). True when saved.
bool editSettings(wxWindow* parent, AppSettings& settings, storage::StaffAccounts& staff,
                  const std::filesystem::path& path, const Clock& clock);

}  // namespace madoguchi::gui
