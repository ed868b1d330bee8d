#include "gui/settings/settings_dialog.h"

#include <algorithm>
#include <iterator>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/choicdlg.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/printdlg.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/textdlg.h>

#include "gui/manager/manager_window.h"
#include "gui/settings/form_grid.h"
#include "gui/settings/language.h"
#include "gui/settings/site_server_section.h"

namespace madoguchi::gui {
namespace {

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }
const wxColour kProblemColour(180, 30, 30);
const wxColour kOkColour(30, 110, 50);

// In the order of kRequestEncodings (app_settings.h).
wxArrayString requestEncodingLabels() {
    wxArrayString labels;
    labels.Add(_("Automatic (follow the terminal's results)"));
    labels.Add("UTF-8");
    labels.Add("Shift_JIS");
    return labels;
}

int requestEncodingIndex(const std::string& encoding) {
    const auto* found = std::find(std::begin(kRequestEncodings), std::end(kRequestEncodings), encoding);
    return found == std::end(kRequestEncodings) ? 0 : static_cast<int>(found - std::begin(kRequestEncodings));
}

// In the order of kFolderWatchModes (app_settings.h).
wxArrayString folderWatchLabels() {
    wxArrayString labels;
    labels.Add(_("Automatic (events on a local folder, polling on a network share)"));
    labels.Add(_("Polling every 50 ms (a share that reports no changes)"));
    return labels;
}

int folderWatchIndex(const std::string& mode) {
    const auto* found = std::find(std::begin(kFolderWatchModes), std::end(kFolderWatchModes), mode);
    return found == std::end(kFolderWatchModes) ? 0 : static_cast<int>(found - std::begin(kFolderWatchModes));
}

const StaffRole kRoles[] = {StaffRole::Receptionist, StaffRole::Pharmacist, StaffRole::Manager, StaffRole::Admin};

wxString roleLabel(StaffRole role) {
    switch (role) {
        case StaffRole::Receptionist: return _("Receptionist");
        case StaffRole::Pharmacist: return _("Pharmacist");
        case StaffRole::Manager: return _("Manager");
        case StaffRole::Admin: return _("Administrator");
    }
    return {};
}

wxArrayString roleLabels() {
    wxArrayString labels;
    for (StaffRole role : kRoles) labels.Add(roleLabel(role));
    return labels;
}

// ID, name, role and the password typed twice.
class NewStaffDialog : public wxDialog {
public:
    NewStaffDialog(wxWindow* parent, const wxString& title, bool chooseRole) : wxDialog(parent, wxID_ANY, title) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        auto* grid = formGrid();
        id_ = new wxTextCtrl(this, wxID_ANY);
        name_ = new wxTextCtrl(this, wxID_ANY);
        password_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(260, -1), wxTE_PASSWORD);
        again_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
        addRow(this, grid, _("Staff ID"), id_);
        addRow(this, grid, _("Name"), name_);
        if (chooseRole) {
            role_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, roleLabels());
            role_->SetSelection(0);
            addRow(this, grid, _("Role"), role_);
        }
        addRow(this, grid, wxString::Format(_("Password (%s)"), passwordRule()), password_);
        addRow(this, grid, _("Password again"), again_);
        sizer->Add(grid, 0, wxEXPAND | wxALL, 12);
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 12);
        SetSizerAndFit(sizer);
    }
    StaffMember member() const {
        return {id_->GetValue().Strip(wxString::both).utf8_string(), name_->GetValue().utf8_string(),
                role_ ? kRoles[std::max(0, role_->GetSelection())] : StaffRole::Admin};
    }
    bool passwordsMatch() const { return password_->GetValue() == again_->GetValue(); }
    std::string takePassword() {
        std::string password = password_->GetValue().utf8_string();
        password_->Clear();
        again_->Clear();
        return password;
    }

private:
    wxTextCtrl* id_ = nullptr;
    wxTextCtrl* name_ = nullptr;
    wxChoice* role_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* again_ = nullptr;
};

}  // namespace

wxArrayString identitySourceLabels() {
    wxArrayString labels;  // in the order of IdentitySource
    labels.Add(_("Certified face-recognition reader and eligibility terminal (shared folders)"));
    labels.Add(_("Our own card reader and the direct card check"));
    labels.Add(_("Both: the certified reader's folders and our own card reader"));
    return labels;
}

SettingsDialog::SettingsDialog(wxWindow* parent, const AppSettings& initial, storage::StaffAccounts& staff,
                               const StaffMember& actor)
    : wxDialog(parent, wxID_ANY, _("Settings"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      initial_(initial),
      staff_(staff),
      actor_(actor) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    notebook_ = new wxNotebook(this, wxID_ANY);
    notebook_->AddPage(facilityPage(), _("Facility"));
    notebook_->AddPage(connectionPage(), _("Identity and folders"));
    notebook_->AddPage(printingPage(), _("Printer and language"));
    notebook_->AddPage(staffPage(), _("Staff accounts"));
    notebook_->AddPage(siteServer_ = new SiteServerSection(notebook_, initial_.journalPath), _("Journal and site server"));
    sizer->Add(notebook_, 1, wxEXPAND | wxALL, 8);
    problems_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    problems_->SetForegroundColour(kProblemColour);
    sizer->Add(problems_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 8);
    SetSizerAndFit(sizer);
    SetMinSize(wxSize(760, 560));
    SetSize(wxSize(760, 560));

    Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
        revalidate();
        event.Skip();
    });
    Bind(wxEVT_RADIOBOX, [this](wxCommandEvent&) { revalidate(); });
    Bind(wxEVT_DIRPICKER_CHANGED, [this](wxFileDirPickerEvent&) { revalidate(); });
    revalidate();
}

wxWindow* SettingsDialog::facilityPage() {
    auto* page = new wxPanel(notebook_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = formGrid();
    const FacilityFields facility = facilityFields(page, grid, initial_.facility);
    name_ = facility.name;
    code_ = facility.code;
    grid->AddSpacer(0);
    codeMessage_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    grid->Add(codeMessage_, 1, wxEXPAND);
    sizer->Add(grid, 0, wxEXPAND | wxALL, 12);

    kind_ = facilityKindBox(page, initial_.facility.kind);
    sizer->Add(kind_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);

    mode_ = facilityModeBox(page, initial_.facility.mode);
    sizer->Add(mode_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* modeHelp = new wxStaticText(page, wxID_ANY,
                                      _("In mode ③ every medical-information feature (薬剤情報, 特定健診, 診療情報 "
                                        "and their consents) is hidden."));
    modeHelp->Wrap(680);
    sizer->Add(modeHelp, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);

    fillerCheckDigit_ = new wxCheckBox(page, wxID_ANY,
                                       _("The claim software cannot emit 77777777: use 77777779 for unknown-eligibility "
                                         "claims"));
    fillerCheckDigit_->SetValue(initial_.facility.unknownClaimUsesCheckDigitFiller);
    sizer->Add(fillerCheckDigit_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    page->SetSizer(sizer);
    return page;
}

wxWindow* SettingsDialog::connectionPage() {
    auto* page = new wxPanel(notebook_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    source_ = new wxRadioBox(page, wxID_ANY, _("How identity and eligibility reach Madoguchi"), wxDefaultPosition,
                             wxDefaultSize, identitySourceLabels(), 1);
    source_->SetSelection(static_cast<int>(initial_.identitySource));
    sizer->Add(source_, 0, wxEXPAND | wxALL, 12);
    auto* grid = formGrid();
    gatewayRoot_ = new wxDirPickerCtrl(page, wxID_ANY, utf8(initial_.gatewayRoot.string()),
                                       _("Folder shared with the eligibility terminal"), wxDefaultPosition,
                                       wxSize(420, -1), wxDIRP_USE_TEXTCTRL);
    addRow(page, grid, _("Shared folder (req/, res/, face/)"), gatewayRoot_);
    faceTrash_ = new wxDirPickerCtrl(page, wxID_ANY, utf8(initial_.faceTrashFolder.string()),
                                     _("The electronic chart's trash folder for face files"), wxDefaultPosition,
                                     wxSize(420, -1), wxDIRP_USE_TEXTCTRL, wxDefaultValidator, "face_trash_folder");
    addRow(page, grid, _("Chart's trash folder for face files (empty: none)"), faceTrash_);
    requestEncoding_ = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, requestEncodingLabels(), 0,
                                    wxDefaultValidator, "request_encoding");
    requestEncoding_->SetSelection(requestEncodingIndex(initial_.requestEncoding));
    addRow(page, grid, _("Encoding of the requests to the terminal"), requestEncoding_);
    folderWatch_ = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, folderWatchLabels(), 0,
                                wxDefaultValidator, "folder_watch");
    folderWatch_->SetSelection(folderWatchIndex(initial_.folderWatch));
    addRow(page, grid, _("Watching the terminal's folders"), folderWatch_);
    cardCheckUrl_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.cardCheckUrl));
    addRow(page, grid, _("Direct card check address"), cardCheckUrl_);
    cardCheckCa_ = new wxFilePickerCtrl(page, wxID_ANY, utf8(initial_.cardCheckCaFile.string()),
                                        _("CA certificate of the gateway"), _("PEM files (*.pem)|*.pem"),
                                        wxDefaultPosition, wxSize(420, -1), wxFLP_OPEN | wxFLP_USE_TEXTCTRL);
    addRow(page, grid, _("Gateway's CA certificate (PEM)"), cardCheckCa_);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    page->SetSizer(sizer);
    return page;
}

wxWindow* SettingsDialog::printingPage() {
    auto* page = new wxPanel(notebook_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* grid = formGrid();
    auto* printerRow = new wxBoxSizer(wxHORIZONTAL);
    printer_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.printerName), wxDefaultPosition, wxSize(300, -1));
    printer_->SetHint(_("empty: the system's default printer"));
    printerRow->Add(printer_, 1, wxRIGHT, 6);
    auto* choosePrinter = new wxButton(page, wxID_ANY, _("Choose…"));
    printerRow->Add(choosePrinter);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Printer for the 申立書")), 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(printerRow, 1, wxEXPAND);
    wxArrayString languages;
    languages.Add(_("Follow the desktop"));
    languages.Add(wxString::FromUTF8("日本語"));
    languages.Add("English");
    language_ = new wxChoice(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, languages);
    language_->SetSelection(initial_.language == "ja" ? 1 : initial_.language == "en" ? 2 : 0);
    addRow(page, grid, _("Language"), language_);
    idleLock_ = new wxSpinCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0, 240,
                               initial_.idleLockMinutes, "idle_lock_minutes");
    addRow(page, grid, _("Lock the reception window after this many idle minutes (0: never)"), idleLock_);
    retention_ = new wxSpinCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 1,
                                kMaxSelfDeclarationRetentionDays, initial_.selfDeclarationRetentionDays,
                                "self_declaration_retention_days");
    addRow(page, grid, _("Delete the saved 申立書 PDFs after this many days"), retention_);
    sizer->Add(grid, 0, wxEXPAND | wxALL, 12);
    sizer->Add(new wxStaticText(page, wxID_ANY, _("A new language applies to windows opened afterwards.")), 0,
               wxLEFT | wxRIGHT, 12);
    page->SetSizer(sizer);
    choosePrinter->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxPrintDialogData data;
        data.GetPrintData().SetPrinterName(printer_->GetValue());
        wxPrintDialog dialog(this, &data);
        if (dialog.ShowModal() == wxID_OK) printer_->SetValue(dialog.GetPrintDialogData().GetPrintData().GetPrinterName());
    });
    return page;
}

wxWindow* SettingsDialog::staffPage() {
    auto* page = new wxPanel(notebook_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    staffList_ = new wxListCtrl(page, wxID_ANY, wxDefaultPosition, wxSize(-1, 260), wxLC_REPORT | wxLC_SINGLE_SEL);
    staffList_->InsertColumn(0, _("Staff ID"), wxLIST_FORMAT_LEFT, 160);
    staffList_->InsertColumn(1, _("Name"), wxLIST_FORMAT_LEFT, 220);
    staffList_->InsertColumn(2, _("Role"), wxLIST_FORMAT_LEFT, 160);
    sizer->Add(staffList_, 1, wxEXPAND | wxALL, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* add = new wxButton(page, wxID_ANY, _("Add…"));
    auto* role = new wxButton(page, wxID_ANY, _("Change role…"));
    auto* reset = new wxButton(page, wxID_ANY, _("Reset password…"));
    buttons->Add(add, 0, wxRIGHT, 8);
    buttons->Add(role, 0, wxRIGHT, 8);
    buttons->Add(reset, 0, wxRIGHT, 8);
    sizer->Add(buttons, 0, wxLEFT | wxRIGHT, 12);
    staffMessage_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    sizer->Add(staffMessage_, 0, wxEXPAND | wxALL, 12);
    page->SetSizer(sizer);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onAddStaff(); });
    role->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onChangeRole(); });
    reset->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onResetPassword(); });
    reloadStaff();
    return page;
}

AppSettings SettingsDialog::edited() const {
    AppSettings settings = initial_;
    settings.facility.name = name_->GetValue().Strip(wxString::both).utf8_string();
    settings.facility.medicalInstitutionCode = code_->GetValue().Strip(wxString::both).utf8_string();
    settings.facility.kind = kind_->GetSelection() == 1 ? FacilityKind::Pharmacy : FacilityKind::Clinic;
    settings.facility.mode = static_cast<FacilityMode>(mode_->GetSelection() + 1);
    settings.facility.unknownClaimUsesCheckDigitFiller = fillerCheckDigit_->GetValue();
    settings.identitySource = static_cast<IdentitySource>(std::max(0, source_->GetSelection()));
    settings.gatewayRoot = gatewayRoot_->GetPath().utf8_string();
    settings.faceTrashFolder = faceTrash_->GetPath().utf8_string();
    settings.requestEncoding = kRequestEncodings[std::max(0, requestEncoding_->GetSelection())];
    settings.folderWatch = kFolderWatchModes[std::max(0, folderWatch_->GetSelection())];
    settings.cardCheckUrl = cardCheckUrl_->GetValue().Strip(wxString::both).utf8_string();
    settings.cardCheckCaFile = cardCheckCa_->GetPath().utf8_string();
    settings.journalPath = siteServer_->journalLocation();
    settings.printerName = printer_->GetValue().Strip(wxString::both).utf8_string();
    const char* languages[] = {"", "ja", "en"};
    settings.language = languages[std::max(0, language_->GetSelection())];
    settings.idleLockMinutes = idleLock_->GetValue();
    settings.selfDeclarationRetentionDays = retention_->GetValue();
    return settings;
}

std::vector<std::string> SettingsDialog::problems() const { return settingsProblems(edited()); }

wxString SettingsDialog::codeMessage() const {
    return codeMessage_->GetForegroundColour() == kProblemColour ? codeMessage_->GetLabel() : wxString();
}

wxString SettingsDialog::problemsText() const { return problems_->GetLabel(); }

bool SettingsDialog::canSave() const {
    wxWindow* ok = FindWindow(wxID_OK);
    return ok && ok->IsEnabled();
}

void SettingsDialog::revalidate() {
    if (!problems_ || !language_) return;  // still building
    AppSettings settings = edited();
    std::string codeProblem =
        medicalInstitutionCodeProblem(settings.facility.medicalInstitutionCode, settings.facility.kind);
    codeMessage_->SetForegroundColour(codeProblem.empty() ? kOkColour : kProblemColour);
    codeMessage_->SetLabel(codeProblem.empty() ? _("✓ The code has a valid form.") : utf8(translated(codeProblem)));
    gatewayRoot_->Enable(usesTerminalFolders(settings.identitySource));
    faceTrash_->Enable(usesTerminalFolders(settings.identitySource));
    requestEncoding_->Enable(usesTerminalFolders(settings.identitySource));
    folderWatch_->Enable(usesTerminalFolders(settings.identitySource));
    cardCheckUrl_->Enable(usesDirectReader(settings.identitySource));
    cardCheckCa_->Enable(usesDirectReader(settings.identitySource));
    wxString text;
    for (const std::string& problem : settingsProblems(settings)) text += "• " + utf8(translated(problem)) + "\n";
    problems_->SetLabel(text.Strip(wxString::trailing));
    if (wxWindow* ok = FindWindow(wxID_OK)) ok->Enable(text.empty());
    Layout();
}

void SettingsDialog::reloadStaff() {
    staffList_->DeleteAllItems();
    for (const StaffMember& member : staff_.list()) {
        long row = staffList_->InsertItem(staffList_->GetItemCount(), utf8(member.id));
        staffList_->SetItem(row, 1, utf8(member.displayName));
        staffList_->SetItem(row, 2, roleLabel(member.role));
    }
}

Outcome<bool> SettingsDialog::addStaff(const StaffMember& member, std::string& password) {
    auto done = staff_.create(actor_, member, password);
    if (done) reloadStaff();
    return done;
}

Outcome<bool> SettingsDialog::changeRole(const std::string& staffId, StaffRole role) {
    auto done = staff_.setRole(actor_, staffId, role);
    if (done) reloadStaff();
    return done;
}

Outcome<bool> SettingsDialog::resetPassword(const std::string& staffId, std::string& password) {
    return staff_.resetPassword(actor_, staffId, password);
}

std::string SettingsDialog::selectedStaffId() const {
    long selected = staffList_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return selected < 0 ? std::string() : staffList_->GetItemText(selected, 0).utf8_string();
}

void SettingsDialog::onAddStaff() {
    NewStaffDialog dialog(this, _("Add a staff member"), true);
    if (dialog.ShowModal() != wxID_OK) return;
    if (!dialog.passwordsMatch()) {
        staffMessage_->SetLabel(_("The two passwords differ."));
        return;
    }
    std::string password = dialog.takePassword();
    auto done = addStaff(dialog.member(), password);
    staffMessage_->SetLabel(done ? _("Added.") : utf8(translated(done.problem().message)));
}

void SettingsDialog::onChangeRole() {
    std::string staffId = selectedStaffId();
    if (staffId.empty()) {
        staffMessage_->SetLabel(_("Choose a staff member in the list first."));
        return;
    }
    wxSingleChoiceDialog dialog(this, _("New role"), utf8(staffId), roleLabels());
    if (dialog.ShowModal() != wxID_OK) return;
    auto done = changeRole(staffId, kRoles[dialog.GetSelection()]);
    staffMessage_->SetLabel(done ? _("Role changed.") : utf8(translated(done.problem().message)));
}

void SettingsDialog::onResetPassword() {
    std::string staffId = selectedStaffId();
    if (staffId.empty()) {
        staffMessage_->SetLabel(_("Choose a staff member in the list first."));
        return;
    }
    wxPasswordEntryDialog first(this, wxString::Format(_("New password (%s)"), passwordRule()), utf8(staffId));
    if (first.ShowModal() != wxID_OK) return;
    wxPasswordEntryDialog second(this, _("Password again"), utf8(staffId));
    if (second.ShowModal() != wxID_OK) return;
    if (first.GetValue() != second.GetValue()) {
        staffMessage_->SetLabel(_("The two passwords differ."));
        return;
    }
    std::string password = first.GetValue().utf8_string();
    auto done = resetPassword(staffId, password);
    staffMessage_->SetLabel(done ? _("Password reset; the account is unlocked.")
                                 : utf8(translated(done.problem().message)));
}

std::optional<StaffMember> signInToEditSettings(wxWindow* parent, storage::StaffAccounts& staff, const Clock& clock) {
    if (staff.anyAdministrator()) {
        ManagerLoginDialog login(parent, staff, clock, Permission::EditSettings);
        if (login.ShowModal() != wxID_OK) return std::nullopt;
        return login.signedIn();
    }
    NewStaffDialog first(parent, _("Create the first administrator"), false);
    if (first.ShowModal() != wxID_OK) return std::nullopt;
    if (!first.passwordsMatch()) {
        wxMessageBox(_("The two passwords differ."), _("Settings"), wxOK | wxICON_WARNING, parent);
        return std::nullopt;
    }
    std::string password = first.takePassword();
    StaffMember member = first.member();
    if (auto created = staff.createFirstAdministrator(member, password); !created) {
        wxMessageBox(utf8(translated(created.problem().message)), _("Settings"), wxOK | wxICON_WARNING, parent);
        return std::nullopt;
    }
    return member;
}

Outcome<bool> saveSettingsAsAdministrator(const StaffMember& admin, AppSettings& settings, const AppSettings& edited,
                                          const std::filesystem::path& path, storage::StaffAccounts& staff) {
    if (auto allowed = requirePermission(admin, Permission::EditSettings); !allowed) return allowed;
    if (auto saved = saveAppSettings(edited, path); !saved) return saved;
    const std::vector<std::string> changes = settingsChanges(settings, edited);
    for (const std::string& change : changes) staff.recordSettingsChange(admin, change);
    staff.recordSettingsSaved(admin, path.string() + " (" + std::to_string(changes.size()) + " changes)");
    settings = edited;
    return true;
}

bool editSettings(wxWindow* parent, AppSettings& settings, storage::StaffAccounts& staff,
                  const std::filesystem::path& path, const Clock& clock) {
    const std::optional<StaffMember> admin = signInToEditSettings(parent, staff, clock);
    if (!admin) return false;
    SettingsDialog dialog(parent, settings, staff, *admin);
    if (dialog.ShowModal() != wxID_OK) return false;
    if (auto saved = saveSettingsAsAdministrator(*admin, settings, dialog.edited(), path, staff); !saved) {
        wxMessageBox(utf8(translated(saved.problem().message)), _("Settings"), wxOK | wxICON_WARNING, parent);
        return false;
    }
    return true;
}

}  // namespace madoguchi::gui
