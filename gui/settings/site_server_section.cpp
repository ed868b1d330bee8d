#include "gui/settings/site_server_section.h"


#include <wx/button.h>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/settings/form_grid.h"
#include "gui/settings/language.h"
#include "gui/status/check_text.h"
#include "gui/status/device_checks.h"
#include "storage/crypto_primitives.h"
#include "storage/open_database.h"
#include "storage/pgpass.h"

namespace madoguchi::gui {
namespace {

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }
std::string text(const wxTextCtrl* field) { return field->GetValue().Strip(wxString::both).utf8_string(); }

// The TLS modes offered, strictest first (libpq's sslmode values).
const char* const kSslModes[] = {"verify-full", "verify-ca", "require", "prefer", "disable"};
constexpr int kVerifyFull = 0;
constexpr int kPrefer = 3;

wxArrayString sslModeLabels() {
    wxArrayString labels;
    labels.Add(_("verify-full: a valid certificate naming the host (recommended)"));
    labels.Add(_("verify-ca: a valid certificate, any host name"));
    labels.Add(_("require: encrypted, the certificate not checked"));
    labels.Add(_("prefer: encrypted when the server offers it (this PC only)"));
    labels.Add(_("disable: not encrypted (this PC only)"));
    return labels;
}

int sslModeIndex(const std::string& mode) {
    for (int i = 0; i < 5; ++i)
        if (mode == kSslModes[i]) return i;
    return -1;
}

bool authenticated(storage::ServerReach reach) {
    using storage::ServerReach;
    return reach == ServerReach::Ready || reach == ServerReach::EmptyDatabase || reach == ServerReach::SchemaOlder ||
           reach == ServerReach::SchemaNewer;
}

}  // namespace

SiteServerSection::SiteServerSection(wxWindow* parent, const std::filesystem::path& journalLocation)
    : wxScrolled<wxPanel>(parent, wxID_ANY) {
    SetName("site_server_section");
    const std::string location = journalLocation.string();
    const bool server = storage::isServerLocation(location);
    const storage::ServerAddress initial = server ? storage::serverAddress(location) : storage::ServerAddress{};
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    wxString engines[] = {_("A file on this PC (SQLite): one window"),
                          _("The site server (PostgreSQL): every window of the site on one journal")};
    engine_ = new wxRadioBox(this, wxID_ANY, _("Where the visit journal is kept"), wxDefaultPosition, wxDefaultSize, 2,
                             engines, 2, wxRA_SPECIFY_COLS);
    engine_->SetSelection(server ? 1 : 0);
    sizer->Add(engine_, 0, wxEXPAND | wxALL, 12);

    auto* grid = formGrid();
    file_ = new wxFilePickerCtrl(this, wxID_ANY, server ? wxString() : utf8(location), _("Visit journal file"),
                                 _("SQLite files (*.sqlite3)|*.sqlite3"), wxDefaultPosition, wxSize(420, -1),
                                 wxFLP_SAVE | wxFLP_USE_TEXTCTRL);
    addRow(this, grid, _("Journal file (empty: the default)"), file_);
    host_ = new wxTextCtrl(this, wxID_ANY, utf8(initial.host));
    host_->SetHint(_("db.clinic.lan"));
    addRow(this, grid, _("Server host"), host_);
    port_ = new wxTextCtrl(this, wxID_ANY, utf8(initial.port));
    port_->SetHint("5432");
    addRow(this, grid, _("Port"), port_);
    database_ = new wxTextCtrl(this, wxID_ANY, utf8(initial.database.empty() ? "madoguchi" : initial.database));
    addRow(this, grid, _("Database"), database_);
    user_ = new wxTextCtrl(this, wxID_ANY, utf8(initial.user.empty() ? "madoguchi" : initial.user));
    addRow(this, grid, _("User"), user_);
    password_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    password_->SetHint(_("only to test and save it; never in the settings"));
    addRow(this, grid, _("Password"), password_);
    sslmode_ = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, sslModeLabels());
    const int chosen = sslModeIndex(initial.sslmode);
    sslChosen_ = chosen >= 0;
    sslmode_->SetSelection(chosen >= 0 ? chosen : storage::isLocalServerHost(initial.host) ? kPrefer : kVerifyFull);
    addRow(this, grid, _("Secure connection (TLS)"), sslmode_);
    caFile_ = new wxFilePickerCtrl(this, wxID_ANY, utf8(initial.caFile), _("The server's CA certificate"),
                                   _("PEM files (*.pem;*.crt)|*.pem;*.crt"), wxDefaultPosition, wxSize(420, -1),
                                   wxFLP_OPEN | wxFLP_USE_TEXTCTRL);
    addRow(this, grid, _("CA certificate (empty: ~/.postgresql/root.crt)"), caFile_);
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, 12);

    test_ = new wxButton(this, wxID_ANY, _("Test the connection"));
    sizer->Add(test_, 0, wxALL, 12);
    result_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    sizer->Add(result_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 12);
    SetSizer(sizer);
    SetScrollRate(0, 12);
    FitInside();

    engine_->Bind(wxEVT_RADIOBOX, [this](wxCommandEvent& event) {
        enableFields();
        event.Skip();  // the dialog revalidates
    });
    host_->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
        followHost();
        event.Skip();
    });
    sslmode_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { sslChosen_ = true; });
    test_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { testConnection(); });
    enableFields();
}

SiteServerSection::~SiteServerSection() { work_.stopAll(); }

bool SiteServerSection::usesServer() const { return engine_->GetSelection() == 1; }

void SiteServerSection::chooseServer(bool server) {
    engine_->SetSelection(server ? 1 : 0);
    enableFields();
}

void SiteServerSection::enableFields() {
    const bool server = usesServer();
    file_->Enable(!server);
    for (wxWindow* field : std::initializer_list<wxWindow*>{host_, port_, database_, user_, password_, sslmode_, caFile_, test_})
        field->Enable(server);
}

void SiteServerSection::followHost() {
    if (sslChosen_) return;
    sslmode_->SetSelection(storage::isLocalServerHost(text(host_)) ? kPrefer : kVerifyFull);
}

storage::ServerAddress SiteServerSection::address() const {
    storage::ServerAddress address{text(host_), text(port_), text(database_), text(user_), {},
                                   caFile_->GetPath().Strip(wxString::both).utf8_string()};
    const int mode = std::max(0, sslmode_->GetSelection());
    // prefer on this PC is libpq's own default: the URI stays short
    if (!(mode == kPrefer && storage::isLocalServerHost(address.host))) address.sslmode = kSslModes[mode];
    return address;
}

std::filesystem::path SiteServerSection::journalLocation() const {
    if (!usesServer()) return file_->GetPath().Strip(wxString::both).utf8_string();
    return storage::serverUri(address());
}

void SiteServerSection::testConnection() {
    if (!usesServer()) return;
    const std::string uri = journalLocation().string();
    const storage::ServerAddress target = address();
    std::string typed = password_->GetValue().utf8_string();
    password_->Clear();
    test_->Disable();
    result_->SetForegroundColour(GetForegroundColour());
    result_->SetLabel(_("Testing the connection…"));
    const std::filesystem::path passwordFile = storage::passwordFilePath();
    work_.run<TestResult>(
        [uri, target, typed, passwordFile](std::stop_token) mutable {
            TestResult result;
            result.check = storage::checkServer(uri, typed.empty() ? std::nullopt : std::optional<std::string>(typed));
            if (!typed.empty() && authenticated(result.check.reach)) {
                auto saved = storage::savePassword(passwordFile, target.host, target.port, target.database, target.user,
                                                   typed);
                result.passwordSaved = saved.ok();
                if (!saved) result.saveProblem = saved.problem().message;
            }
            storage::wipe(typed);
            return result;
        },
        [this](TestResult result) { showResult(result); },
        [this](std::exception_ptr error) {
            showResult({{storage::ServerReach::Refused, describeFailure(error), 0}, false, {}});
        });
}

void SiteServerSection::showResult(const TestResult& result) {
    lastCheck_ = result.check;
    passwordSaved_ = result.passwordSaved;
    const DeviceCheck check = journalServerCheck(result.check, storage::displayLocation(journalLocation().string()));
    wxString shown = result.check.usable()
                         ? wxString::Format(_("✓ Connected: the journal on the server is ready (schema version %d)."),
                                            result.check.schemaVersion)
                         : fullText(check);
    if (result.passwordSaved)
        shown += "\n" + wxString::Format(_("The password is saved in %s, readable only by this account."),
                                         utf8(storage::passwordFilePath().string()));
    if (!result.saveProblem.empty()) shown += "\n" + utf8(translated(result.saveProblem));
    result_->SetForegroundColour(healthColour(check.health));
    result_->SetLabel(shown);
    result_->Wrap(680);
    test_->Enable(usesServer());
    ++testsFinished_;
    Layout();
    FitInside();
}

wxString SiteServerSection::resultText() const { return result_->GetLabel(); }

}  // namespace madoguchi::gui
