#pragma once
// The first-run set-up assistant: shown when no settings file exists (and not in --demo), and
// again from ツール by an administrator. One page at a time, keyboard first (Enter goes on, Alt+B
// goes back, Esc cancels), each page saying in plain words what is wrong and how to fix it:
// the facility, the first administrator, how identity reaches us, the terminal's req/ res/ face/
// folders (tested: a probe file written and removed in req/, face/ and res/ listed), the card
// readers, the journal, the printer (a blank 申立書 as a test print), then a summary whose Finish
// writes the settings file (0600) and, on first run, the first administrator into the journal.
// Every test runs on the dialog's BackgroundWork, never on the GUI thread.
#include <filesystem>
#include <optional>
#include <string>

#include <wx/dialog.h>

#include "app/app_settings.h"
#include "domain/ports/clock.h"
#include "gui/app/background_work.h"
#include "gui/status/device_checks.h"
#include "storage/staff_accounts.h"

class wxButton;
class wxRadioBox;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class SetupAssistant : public wxDialog {
public:
    enum class Page { Facility, Administrator, Identity, Folders, Reader, Journal, Printer, Summary };

    // firstRun: the administrator page is shown and Finish creates that account in the journal.
    SetupAssistant(wxWindow* parent, const AppSettings& initial, std::filesystem::path settingsPath, const Clock& clock,
                   bool firstRun);
    ~SetupAssistant() override;

    AppSettings edited() const;  // what the pages say now
    Page page() const { return page_; }
    bool goNext();               // false (and nothing moves) while the page has a problem
    void goBack();
    bool canGoNext() const;
    wxString pageProblem() const;  // what is wrong on the current page, in plain words; empty when fine
    // The live tests (results arrive on the GUI thread; the page's message shows them).
    void testFolders();
    void testReaders();
    void testJournal();
    const std::optional<DeviceCheck>& folderCheck() const { return folders_; }
    const std::optional<DeviceCheck>& readerCheck() const { return readers_; }
    const std::optional<DeviceCheck>& journalCheck() const { return journal_; }
    // The test print: a blank 申立書 written as a PDF beside the journal (the file is returned),
    // then shown in the print preview when `preview`.
    Outcome<std::filesystem::path> printBlankForm(bool preview);
    // Writes the administrator (first run) and the settings; false with the reason on the page.
    bool finish();
    bool finished() const { return finished_; }

    wxTextCtrl* codeField() const { return code_; }
    wxTextCtrl* nameField() const { return name_; }
    wxRadioBox* kindBox() const { return kind_; }
    wxRadioBox* modeBox() const { return mode_; }
    wxTextCtrl* adminIdField() const { return adminId_; }
    wxTextCtrl* adminNameField() const { return adminName_; }
    wxTextCtrl* passwordField() const { return password_; }
    wxTextCtrl* passwordAgainField() const { return passwordAgain_; }
    wxRadioBox* sourceBox() const { return source_; }
    wxTextCtrl* gatewayField() const { return gatewayRoot_; }
    wxTextCtrl* cardCheckUrlField() const { return cardCheckUrl_; }
    wxTextCtrl* cardCheckCaField() const { return cardCheckCa_; }
    wxTextCtrl* journalField() const { return journalPath_; }
    wxTextCtrl* printerField() const { return printer_; }
    wxStaticText* messageLabel() const { return message_; }

private:
    wxWindow* facilityPage();
    wxWindow* administratorPage();
    wxWindow* identityPage();
    wxWindow* foldersPage();
    wxWindow* readerPage();
    wxWindow* journalPage();
    wxWindow* printerPage();
    wxWindow* summaryPage();
    bool applies(Page page) const;
    void show(Page page);
    void revalidate();
    wxString settingsProblemsOn(Page page) const;
    wxString summaryText() const;
    bool createFirstAdministrator(const AppSettings& settings);

    AppSettings initial_;
    std::filesystem::path settingsPath_;
    const Clock& clock_;
    bool firstRun_;
    Page page_ = Page::Facility;
    bool finished_ = false;
    bool administratorCreated_ = false;
    std::optional<DeviceCheck> folders_;
    std::string foldersTestedFor_;
    std::optional<DeviceCheck> readers_;
    std::optional<DeviceCheck> journal_;
    std::string journalTestedFor_;
    wxString finishProblem_;

    wxStaticText* heading_ = nullptr;
    wxStaticText* stepCount_ = nullptr;
    wxSimplebook* book_ = nullptr;
    wxStaticText* message_ = nullptr;
    wxButton* back_ = nullptr;
    wxButton* next_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxTextCtrl* code_ = nullptr;
    wxRadioBox* kind_ = nullptr;
    wxRadioBox* mode_ = nullptr;
    wxTextCtrl* adminId_ = nullptr;
    wxTextCtrl* adminName_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* passwordAgain_ = nullptr;
    wxRadioBox* source_ = nullptr;
    wxTextCtrl* gatewayRoot_ = nullptr;
    wxTextCtrl* cardCheckUrl_ = nullptr;
    wxTextCtrl* cardCheckCa_ = nullptr;
    wxTextCtrl* journalPath_ = nullptr;
    wxTextCtrl* printer_ = nullptr;
    wxStaticText* summary_ = nullptr;
    BackgroundWork work_;  // last: stopped (its threads joined) before the controls go
};

// First run: the assistant, modal. True when it finished (the settings file now exists and
// `settings` holds what it wrote).
bool runFirstRunAssistant(AppSettings& settings, const std::filesystem::path& settingsPath, const Clock& clock);

// ツール › 設定アシスタント: an administrator signs in (on a journal without one, the assistant
// asks for the first), then the assistant starting from `settings`; on Finish every change is
// written to the audit trail and `settings` updated. True when saved.
bool reopenSetupAssistant(wxWindow* parent, AppSettings& settings, storage::StaffAccounts& staff,
                          const std::filesystem::path& settingsPath, const Clock& clock);

}  // namespace madoguchi::gui
