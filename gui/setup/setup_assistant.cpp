#include "gui/setup/setup_assistant.h"

#include <wx/button.h>
#include <wx/dirdlg.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "domain/facility.h"
#include "gui/forms/self_declaration_printer.h"
#include "gui/manager/manager_window.h"
#include "gui/settings/form_grid.h"
#include "gui/settings/language.h"
#include "gui/settings/settings_dialog.h"
#include "gui/status/check_text.h"
#include "storage/private_files.h"
#include "storage/staff_accounts.h"

namespace madoguchi::gui {
namespace {

namespace fs = std::filesystem;
using Page = SetupAssistant::Page;

constexpr Page kPages[] = {Page::Facility, Page::Administrator, Page::Identity, Page::Folders,
                           Page::Reader,   Page::Journal,       Page::Printer,  Page::Summary};
const wxColour kProblemColour(180, 30, 30);
const wxColour kOkColour(30, 110, 50);

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }
std::string text(const wxTextCtrl* field) { return field->GetValue().Strip(wxString::both).utf8_string(); }

wxString heading(Page page) {
    switch (page) {
        case Page::Facility: return _("The facility");
        case Page::Administrator: return _("The first administrator");
        case Page::Identity: return _("How identity reaches Madoguchi");
        case Page::Folders: return _("The eligibility terminal's folders");
        case Page::Reader: return _("The card reader");
        case Page::Journal: return _("The journal");
        case Page::Printer: return _("The printer");
        case Page::Summary: return _("Ready");
    }
    return {};
}

// Which page shows each problem settingsProblems() can name (app/app_settings.cpp).
Page pageOf(const std::string& problem) {
    if (problem == "Enter the facility name." || problem.find("medical institution code") != std::string::npos)
        return Page::Facility;
    if (problem == "Modes ② and ③ have no face-recognition card reader: choose the direct reader.") return Page::Identity;
    if (problem == "Choose the folder shared with the eligibility terminal.") return Page::Folders;
    if (problem.find("direct card check") != std::string::npos || problem.find("CA certificate") != std::string::npos)
        return Page::Reader;
    return Page::Summary;
}

wxStaticText* paragraph(wxWindow* parent, const wxString& words) {
    auto* label = new wxStaticText(parent, wxID_ANY, words);
    label->Wrap(660);
    return label;
}

wxPanel* pagePanel(wxWindow* book, wxBoxSizer*& sizer, const wxString& introduction) {
    auto* page = new wxPanel(book);
    sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(paragraph(page, introduction), 0, wxALL, 12);
    page->SetSizer(sizer);
    return page;
}

}  // namespace

SetupAssistant::SetupAssistant(wxWindow* parent, const AppSettings& initial, fs::path settingsPath, const Clock& clock,
                               bool firstRun)
    : wxDialog(parent, wxID_ANY, _("Set up Madoguchi"), wxDefaultPosition, wxSize(760, 620),
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      initial_(initial),
      settingsPath_(std::move(settingsPath)),
      clock_(clock),
      firstRun_(firstRun),
      work_(*this) {
    SetName("setup_assistant");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    heading_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    heading_->SetFont(heading_->GetFont().Bold().Scaled(1.3f));
    stepCount_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(heading_, 1, wxALIGN_CENTER_VERTICAL);
    top->Add(stepCount_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, 12);
    book_ = new wxSimplebook(this, wxID_ANY);
    book_->AddPage(facilityPage(), heading(Page::Facility));
    book_->AddPage(administratorPage(), heading(Page::Administrator));
    book_->AddPage(identityPage(), heading(Page::Identity));
    book_->AddPage(foldersPage(), heading(Page::Folders));
    book_->AddPage(readerPage(), heading(Page::Reader));
    book_->AddPage(journalPage(), heading(Page::Journal));
    book_->AddPage(printerPage(), heading(Page::Printer));
    book_->AddPage(summaryPage(), heading(Page::Summary));
    sizer->Add(book_, 1, wxEXPAND);
    message_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    message_->SetName("setup_message");
    sizer->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    back_ = new wxButton(this, wxID_BACKWARD, _("< &Back"));
    next_ = new wxButton(this, wxID_FORWARD, _("&Next >"));
    buttons->AddStretchSpacer();
    buttons->Add(back_, 0, wxRIGHT, 8);
    buttons->Add(next_, 0, wxRIGHT, 8);
    buttons->Add(new wxButton(this, wxID_CANCEL, _("Cancel")));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 12);
    SetSizer(sizer);
    next_->SetDefault();  // Enter goes on
    back_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { goBack(); });
    next_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (page_ == Page::Summary) {
            if (finish() && IsModal()) EndModal(wxID_OK);
        } else {
            goNext();
        }
    });
    Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
        event.Skip();
        revalidate();
    });
    Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& event) {
        event.Skip();
        revalidate();
    });
    show(Page::Facility);
}

SetupAssistant::~SetupAssistant() { work_.stopAll(); }

wxWindow* SetupAssistant::facilityPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("Welcome. This assistant sets up Madoguchi for your front desk, one step at a time. "
                             "Enter leads to the next step, Alt+B goes back, Esc stops without saving."));
    auto* grid = formGrid();
    const FacilityFields facility = facilityFields(page, grid, initial_.facility);
    name_ = facility.name;
    code_ = facility.code;
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    kind_ = facilityKindBox(page, initial_.facility.kind);
    sizer->Add(kind_, 0, wxEXPAND | wxALL, 12);
    mode_ = facilityModeBox(page, initial_.facility.mode);
    sizer->Add(mode_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    return page;
}

wxWindow* SetupAssistant::administratorPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("The administrator changes these settings and the staff accounts later. Choose a "
                             "password of at least 12 characters, or a passphrase of four words or more, and keep it "
                             "somewhere safe: nobody can read it back."));
    auto* grid = formGrid();
    adminId_ = new wxTextCtrl(page, wxID_ANY, "admin");
    adminName_ = new wxTextCtrl(page, wxID_ANY);
    password_ = new wxTextCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(320, -1), wxTE_PASSWORD);
    passwordAgain_ = new wxTextCtrl(page, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    addRow(page, grid, _("Staff ID"), adminId_);
    addRow(page, grid, _("Name"), adminName_);
    addRow(page, grid, _("Password"), password_);
    addRow(page, grid, _("Password again"), passwordAgain_);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    return page;
}

wxWindow* SetupAssistant::identityPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("At a facility in mode ① the certified face-recognition card reader identifies the "
                             "patient and the eligibility terminal drops the result into its face/ folder. Madoguchi "
                             "can also read the card itself on a PC/SC reader plugged into this PC, or do both."));
    source_ = new wxRadioBox(page, wxID_ANY, _("How identity and eligibility reach Madoguchi"), wxDefaultPosition,
                             wxDefaultSize, identitySourceLabels(), 1);
    source_->SetSelection(static_cast<int>(initial_.identitySource));
    sizer->Add(source_, 0, wxEXPAND | wxALL, 12);
    return page;
}

wxWindow* SetupAssistant::foldersPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(
        book_, sizer,
        _("The eligibility terminal (資格確認端末) shares a folder that holds req/, res/ and face/. On Windows it is "
          "written like \\\\oqs-terminal\\oqs. Mount that share on this PC, for example:\n"
          "    sudo mount -t cifs //oqs-terminal/oqs /mnt/oqs -o uid=$(id -u)\n"
          "and enter the folder it is mounted on (here /mnt/oqs). The test writes and removes a small file in req/ "
          "and reads face/ and res/."));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    gatewayRoot_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.gatewayRoot.string()));
    auto* browse = new wxButton(page, wxID_ANY, _("Browse…"));
    auto* test = new wxButton(page, wxID_ANY, _("&Test the folders"));
    row->Add(gatewayRoot_, 1, wxRIGHT, 8);
    row->Add(browse, 0, wxRIGHT, 8);
    row->Add(test);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    browse->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        wxDirDialog dialog(this, _("Folder shared with the eligibility terminal"), gatewayRoot_->GetValue());
        if (dialog.ShowModal() == wxID_OK) gatewayRoot_->SetValue(dialog.GetPath());
    });
    test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { testFolders(); });
    return page;
}

wxWindow* SetupAssistant::readerPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("The card readers this PC sees (PC/SC) are listed below. With the direct reader, "
                             "Madoguchi asks the eligibility gateway about each card at the address below, over "
                             "HTTPS with the gateway's own CA certificate."));
    auto* test = new wxButton(page, wxID_ANY, _("&Look for card readers"));
    sizer->Add(test, 0, wxLEFT | wxRIGHT | wxBOTTOM, 12);
    auto* grid = formGrid();
    cardCheckUrl_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.cardCheckUrl));
    cardCheckCa_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.cardCheckCaFile.string()));
    addRow(page, grid, _("Direct card check address"), cardCheckUrl_);
    addRow(page, grid, _("The gateway's CA certificate (PEM file)"), cardCheckCa_);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { testReaders(); });
    return page;
}

wxWindow* SetupAssistant::journalPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("The journal records every visit in a file on this PC that only this account can read. "
                             "A site server that several windows share will come in a later version. The test "
                             "creates the folder if needed and writes and removes a small file in it."));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    journalPath_ = new wxTextCtrl(page, wxID_ANY, utf8(journalLocation(initial_).string()));
    auto* test = new wxButton(page, wxID_ANY, _("&Test the journal folder"));
    row->Add(journalPath_, 1, wxRIGHT, 8);
    row->Add(test);
    sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { testJournal(); });
    return page;
}

wxWindow* SetupAssistant::printerPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer,
                           _("The 被保険者資格申立書 is printed on A4. Leave the printer empty to use the system's "
                             "default printer. The test print shows a blank form in the print preview."));
    auto* grid = formGrid();
    printer_ = new wxTextCtrl(page, wxID_ANY, utf8(initial_.printerName));
    addRow(page, grid, _("Printer for the 申立書 (empty: the default)"), printer_);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    auto* test = new wxButton(page, wxID_ANY, _("&Print a blank 申立書"));
    sizer->Add(test, 0, wxALL, 12);
    test->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        auto written = printBlankForm(true);
        message_->SetForegroundColour(written ? kOkColour : kProblemColour);
        message_->SetLabel(written ? wxString::Format(_("The blank form was written to %s."), written.value().string())
                                   : utf8(translated(written.problem().message)));
        Layout();
    });
    return page;
}

wxWindow* SetupAssistant::summaryPage() {
    wxBoxSizer* sizer = nullptr;
    auto* page = pagePanel(book_, sizer, _("Check what will be saved, then press Finish (Enter)."));
    summary_ = new wxStaticText(page, wxID_ANY, wxEmptyString);
    sizer->Add(summary_, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);
    return page;
}

AppSettings SetupAssistant::edited() const {
    AppSettings settings = initial_;
    settings.facility.name = text(name_);
    settings.facility.medicalInstitutionCode = text(code_);
    settings.facility.kind = kind_->GetSelection() == 1 ? FacilityKind::Pharmacy : FacilityKind::Clinic;
    settings.facility.mode = static_cast<FacilityMode>(mode_->GetSelection() + 1);
    settings.identitySource = static_cast<IdentitySource>(std::max(0, source_->GetSelection()));
    settings.gatewayRoot = usesTerminalFolders(settings.identitySource) ? fs::path(text(gatewayRoot_)) : fs::path();
    settings.cardCheckUrl = usesDirectReader(settings.identitySource) ? text(cardCheckUrl_) : std::string();
    settings.cardCheckCaFile = usesDirectReader(settings.identitySource) ? fs::path(text(cardCheckCa_)) : fs::path();
    const fs::path journal = text(journalPath_);
    settings.journalPath = journal == storage::defaultJournalPath() ? fs::path() : journal;
    settings.printerName = text(printer_);
    return settings;
}

bool SetupAssistant::applies(Page page) const {
    if (page == Page::Administrator) return firstRun_;
    if (page == Page::Folders) return usesTerminalFolders(static_cast<IdentitySource>(std::max(0, source_->GetSelection())));
    return true;
}

void SetupAssistant::show(Page page) {
    page_ = page;
    book_->SetSelection(static_cast<size_t>(page));
    int number = 0;
    int count = 0;
    for (Page each : kPages) {
        if (!applies(each)) continue;
        ++count;
        if (each == page) number = count;
    }
    heading_->SetLabel(heading(page));
    stepCount_->SetLabel(wxString::Format(_("Step %d of %d"), number, count));
    back_->Enable(page != Page::Facility);
    next_->SetLabel(page == Page::Summary ? _("&Finish") : _("&Next >"));
    finishProblem_.clear();
    if (page == Page::Reader && !readers_) testReaders();
    for (wxWindow* child : book_->GetCurrentPage()->GetChildren())
        if (child->AcceptsFocus()) {
            child->SetFocus();
            break;
        }
    revalidate();
}

bool SetupAssistant::goNext() {
    if (!canGoNext() || page_ == Page::Summary) return false;
    auto at = static_cast<size_t>(page_) + 1;
    while (at < std::size(kPages) && !applies(kPages[at])) ++at;
    show(kPages[at]);
    return true;
}

void SetupAssistant::goBack() {
    if (page_ == Page::Facility) return;
    auto at = static_cast<size_t>(page_) - 1;
    while (at > 0 && !applies(kPages[at])) --at;
    show(kPages[at]);
}

bool SetupAssistant::canGoNext() const { return pageProblem().empty(); }

wxString SetupAssistant::settingsProblemsOn(Page page) const {
    wxString problems;
    for (const std::string& problem : settingsProblems(edited()))
        if (pageOf(problem) == page || page == Page::Summary) problems += "• " + utf8(translated(problem)) + "\n";
    return problems.Strip(wxString::trailing);
}

wxString SetupAssistant::pageProblem() const {
    if (wxString problems = settingsProblemsOn(page_); !problems.empty()) return problems;
    const AppSettings settings = edited();
    switch (page_) {
        case Page::Administrator: {
            if (text(adminId_).empty()) return _("Enter a staff ID for the administrator, for example admin.");
            if (text(adminName_).empty()) return _("Enter the administrator's name.");
            if (auto problem = storage::passwordProblem(password_->GetValue().utf8_string()))
                return utf8(translated(problem->message));
            if (password_->GetValue() != passwordAgain_->GetValue()) return _("The two passwords differ.");
            return {};
        }
        case Page::Folders:
            if (!folders_ || foldersTestedFor_ != settings.gatewayRoot.string())
                return _("Press “Test the folders” (Alt+T) to check them.");
            return usable(*folders_) ? wxString() : problemText(*folders_) + "\n" + remedyText(*folders_);
        case Page::Reader:
            if (!usesDirectReader(settings.identitySource)) return {};
            if (!readers_) return _("Looking for card readers…");
            return usable(*readers_) ? wxString() : problemText(*readers_) + "\n" + remedyText(*readers_);
        case Page::Journal:
            if (!journal_ || journalTestedFor_ != journalLocation(settings).string())
                return _("Press “Test the journal folder” (Alt+T) to check it.");
            return usable(*journal_) ? wxString() : problemText(*journal_) + "\n" + remedyText(*journal_);
        case Page::Summary: return finishProblem_;
        default: return {};
    }
}

void SetupAssistant::revalidate() {
    if (!summary_ || !next_) return;  // still building
    const wxString problem = pageProblem();
    wxString shown = problem;
    if (problem.empty()) {
        if (page_ == Page::Facility) shown = _("✓ The code has a valid form.");
        if (page_ == Page::Folders && folders_) shown = fullText(*folders_);
        if (page_ == Page::Reader && readers_) shown = fullText(*readers_);
        if (page_ == Page::Journal && journal_) shown = fullText(*journal_);
    }
    message_->SetForegroundColour(problem.empty() ? kOkColour : kProblemColour);
    message_->SetLabel(shown);
    message_->Wrap(720);
    next_->Enable(problem.empty());
    if (page_ == Page::Summary) summary_->SetLabel(summaryText());
    Layout();
}

wxString SetupAssistant::summaryText() const {
    const AppSettings settings = edited();
    wxString kind = settings.facility.kind == FacilityKind::Pharmacy ? _("Pharmacy (保険薬局)") : _("Clinic or hospital (医科・歯科)");
    wxString summary = wxString::Format(_("Facility: %s (%s), %s, mode %d"), utf8(settings.facility.name),
                                        utf8(settings.facility.medicalInstitutionCode), kind,
                                        static_cast<int>(settings.facility.mode));
    if (firstRun_) summary += "\n" + wxString::Format(_("Administrator: %s (%s)"), adminName_->GetValue(), adminId_->GetValue());
    summary += "\n" + identitySourceLabels()[static_cast<size_t>(settings.identitySource)];
    if (usesTerminalFolders(settings.identitySource))
        summary += "\n" + wxString::Format(_("Terminal folders: %s"), settings.gatewayRoot.string());
    summary += "\n" + wxString::Format(_("Journal: %s"), journalLocation(settings).string());
    summary += "\n" + wxString::Format(_("Settings file: %s"), settingsPath_.string());
    return summary;
}

void SetupAssistant::testFolders() {
    const fs::path root = text(gatewayRoot_);
    folders_.reset();  // no result while a test runs
    message_->SetForegroundColour(*wxBLACK);
    message_->SetLabel(_("Testing the folders…"));
    work_.run<DeviceCheck>([root](std::stop_token) { return checkTerminalFolders(root, FolderTest::Probe); },
                           [this, root](DeviceCheck check) {
                               folders_ = std::move(check);
                               foldersTestedFor_ = root.string();
                               revalidate();
                           },
                           [this](std::exception_ptr error) { message_->SetLabel(utf8(describeFailure(error))); });
}

void SetupAssistant::testReaders() {
    const bool required = usesDirectReader(static_cast<IdentitySource>(std::max(0, source_->GetSelection())));
    readers_.reset();
    work_.run<DeviceCheck>([required](std::stop_token) { return checkCardReaders(required); },
                           [this](DeviceCheck check) {
                               readers_ = std::move(check);
                               revalidate();
                           },
                           [this](std::exception_ptr error) { message_->SetLabel(utf8(describeFailure(error))); });
}

void SetupAssistant::testJournal() {
    const fs::path journal = journalLocation(edited());
    journal_.reset();
    message_->SetForegroundColour(*wxBLACK);
    message_->SetLabel(_("Testing the journal folder…"));
    work_.run<DeviceCheck>(
        [journal](std::stop_token) {
            std::error_code ec;
            if (journal.has_parent_path() && !fs::exists(journal.parent_path(), ec))
                storage::makePrivateFolder(journal.parent_path());
            return checkJournal(journal);
        },
        [this, journal](DeviceCheck check) {
            journal_ = std::move(check);
            journalTestedFor_ = journal.string();
            revalidate();
        },
        [this](std::exception_ptr error) {
            journal_ = DeviceCheck{Health::Failing, N_("The journal's folder %s does not exist."),
                                   N_("Create the folder or choose another one; on a removable or network disk, connect it first."),
                                   journalLocation(edited()).parent_path().string(), {describeFailure(error)}};
            journalTestedFor_ = journalLocation(edited()).string();
            revalidate();
        });
}

Outcome<fs::path> SetupAssistant::printBlankForm(bool preview) {
    const AppSettings settings = edited();
    const fs::path folder = journalLocation(settings).parent_path() / "forms";
    try {
        storage::makePrivateFolder(folder);
    } catch (const std::exception& error) {
        return Problem{"setup.print", error.what()};
    }
    const SelfDeclarationForm form{settings.facility.name, clock_.now().date, {}};
    const fs::path pdf = folder / "blank-self-declaration.pdf";
    if (auto written = WxFormRenderer().renderSelfDeclaration(form, pdf.string()); !written) return written.problem();
    if (preview) previewAndPrintSelfDeclaration(this, form, settings.printerName);
    return pdf;
}

bool SetupAssistant::createFirstAdministrator(const AppSettings& settings) {
    if (!firstRun_ || administratorCreated_) return true;
    const fs::path journalPath = journalLocation(settings);
    try {
        storage::makePrivateFolder(journalPath.parent_path());
        storage::FacilityJournal journal(journalPath.string());
        storage::StaffAccounts staff(journal, clock_);
        if (staff.anyAdministrator()) {  // a journal kept from an earlier installation
            administratorCreated_ = true;
            return true;
        }
        std::string password = password_->GetValue().utf8_string();
        StaffMember admin{text(adminId_), text(adminName_), StaffRole::Admin};
        auto created = staff.createFirstAdministrator(admin, password);
        if (!created) {
            finishProblem_ = utf8(translated(created.problem().message));
            return false;
        }
    } catch (const std::exception& error) {
        finishProblem_ = wxString::Format(_("The journal could not be opened: %s"), utf8(error.what()));
        return false;
    }
    administratorCreated_ = true;
    password_->Clear();
    passwordAgain_->Clear();
    return true;
}

bool SetupAssistant::finish() {
    const AppSettings settings = edited();
    finishProblem_.clear();
    if (!settingsProblems(settings).empty()) {
        finishProblem_ = settingsProblemsOn(Page::Summary);
    } else if (createFirstAdministrator(settings)) {
        if (auto saved = saveAppSettings(settings, settingsPath_); !saved) {
            finishProblem_ = utf8(translated(saved.problem().message));
        } else {
            storage::makePrivateFile(settingsPath_);
            finished_ = true;
        }
    }
    revalidate();
    return finished_;
}

bool runFirstRunAssistant(AppSettings& settings, const fs::path& settingsPath, const Clock& clock) {
    SetupAssistant assistant(nullptr, settings, settingsPath, clock, true);
    if (assistant.ShowModal() != wxID_OK || !assistant.finished()) return false;
    settings = assistant.edited();
    return true;
}

bool reopenSetupAssistant(wxWindow* parent, AppSettings& settings, storage::StaffAccounts& staff,
                          const fs::path& settingsPath, const Clock& clock) {
    std::optional<StaffMember> admin;
    const bool firstAdministrator = !staff.anyAdministrator();
    if (!firstAdministrator) {
        ManagerLoginDialog login(parent, staff, clock, Permission::EditSettings);
        if (login.ShowModal() != wxID_OK || !login.signedIn()) return false;
        admin = login.signedIn();
    }
    SetupAssistant assistant(parent, settings, settingsPath, clock, firstAdministrator);
    if (assistant.ShowModal() != wxID_OK || !assistant.finished()) return false;
    const AppSettings edited = assistant.edited();
    if (admin)
        for (const std::string& change : settingsChanges(settings, edited)) staff.recordSettingsChange(*admin, change);
    settings = edited;
    return true;
}

}  // namespace madoguchi::gui
