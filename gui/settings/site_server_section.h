#pragma once
// The settings dialog's "Journal and site server" page: the journal in a file on this PC
// (SQLite) or on the site's PostgreSQL server (host, port, database, user, TLS mode and CA file;
// docs/site.md). The password is never part of the settings: "Test the connection" tries the
// password typed here on a BackgroundWork thread and, once the server accepted it, saves it in
// this account's password file (~/.pgpass or PGPASSFILE, 0600) and clears the field.
#include <filesystem>
#include <string>

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include "gui/app/background_work.h"
#include "storage/server_address.h"
#include "storage/server_check.h"

class wxButton;
class wxChoice;
class wxFilePickerCtrl;
class wxRadioBox;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

// Scrolls when the dialog is smaller than the page.
class SiteServerSection : public wxScrolled<wxPanel> {
public:
    // journalLocation: the settings' journal_path (a file, a postgresql:// URI, or empty: the default file).
    SiteServerSection(wxWindow* parent, const std::filesystem::path& journalLocation);
    ~SiteServerSection() override;

    // What the settings keep: the file path, or the server's URI (without a password).
    std::filesystem::path journalLocation() const;
    bool usesServer() const;
    void chooseServer(bool server);
    storage::ServerAddress address() const;

    // Starts the connection test (the button); the result arrives later on the GUI thread.
    void testConnection();
    int testsFinished() const { return testsFinished_; }
    const storage::ServerCheck& lastCheck() const { return lastCheck_; }
    bool passwordSaved() const { return passwordSaved_; }
    wxString resultText() const;

    wxTextCtrl* hostField() const { return host_; }
    wxTextCtrl* portField() const { return port_; }
    wxTextCtrl* databaseField() const { return database_; }
    wxTextCtrl* userField() const { return user_; }
    wxTextCtrl* passwordField() const { return password_; }
    wxChoice* tlsChoice() const { return sslmode_; }
    wxButton* testButton() const { return test_; }

private:
    struct TestResult {
        storage::ServerCheck check;
        bool passwordSaved = false;
        std::string saveProblem;  // English msgid
    };
    void enableFields();
    void followHost();  // the TLS mode follows the host until staff choose one
    void showResult(const TestResult& result);

    wxRadioBox* engine_ = nullptr;
    wxFilePickerCtrl* file_ = nullptr;
    wxTextCtrl* host_ = nullptr;
    wxTextCtrl* port_ = nullptr;
    wxTextCtrl* database_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxChoice* sslmode_ = nullptr;
    wxFilePickerCtrl* caFile_ = nullptr;
    wxButton* test_ = nullptr;
    wxStaticText* result_ = nullptr;
    bool sslChosen_ = false;
    int testsFinished_ = 0;
    storage::ServerCheck lastCheck_;
    bool passwordSaved_ = false;
    BackgroundWork work_{*this};
};

}  // namespace madoguchi::gui
