// The journal on the site server, seen from the windows, against a private PostgreSQL cluster of
// this run (tests/support/postgres_server.h) with a role that must give its password: the
// settings dialog's "Journal and site server" page tells a wrong password from the right one,
// saves the right one only in the 0600 password file (never in the settings file), and says
// when the journal is ready; the reception window's journal light follows the server going
// down and coming back. Skipped without the server programs (postgresql-15).
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include <wx/button.h>
#include <wx/listctrl.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include "app/system_clock.h"
#include "app_process.h"
#include "fixed_clock.h"
#include "gui/app/facility_environment.h"
#include "gui/app/reception_frame.h"
#include "gui/settings/language.h"
#include "gui/settings/settings_dialog.h"
#include "gui/settings/site_server_section.h"
#include "gui/status/device_status_bar.h"
#include "gui_harness.h"
#include "postgres_server.h"
#include "gui/manager/daily_log_page.h"
#include "gui/manager/follow_up_page.h"
#include "gui/manager/manager_window.h"
#include "storage/open_database.h"
#include "storage/pgpass.h"
#include "storage/server_address.h"
#include "storage/visit_journal.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using storage::ServerReach;

namespace {

boost::test_tools::assertion_result serverInstalled(boost::unit_test::test_unit_id) {
    return test::PostgresServer::binFolder().has_value();
}

struct SiteServerFixture {
    test::TempFolder folder;
    test::ChildEnvironment environment;  // put back at the end
    test::PostgresServer server;
    std::string uri;  // the window role's journal, no password in it
    static constexpr const char* kPassword = "site-window-password";

    SiteServerFixture() {
        environment.set("PGPASSFILE", (folder / "pgpass").c_str());
        environment.set("XDG_DATA_HOME", (folder / "data").c_str());  // the server journal's anchor file
        const std::string owner = server.createDatabase();
        storage::ServerAddress address = storage::serverAddress(owner);
        {
            auto admin = storage::openDatabase(owner);
            admin->execute(std::string("CREATE ROLE uketsuke1 LOGIN PASSWORD '") + kPassword + "'");
            admin->execute("ALTER DATABASE " + address.database + " OWNER TO uketsuke1");
        }
        server.requirePassword("uketsuke1");
        address.user = "uketsuke1";
        uri = storage::serverUri(address);
        applyLanguage("ja");
    }
    ~SiteServerFixture() { applyLanguage("en"); }
};

// Another program on the site writes visits: madoguchi-cli journal generate, as administrator kanri.
void generateInAnotherProcess(const SiteServerFixture& site, const std::string& start, int days) {
    const auto passwordFile = site.folder / "kanri-password";
    std::ofstream(passwordFile) << "kanri-password-12\n";
    std::filesystem::permissions(passwordFile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::replace);
    const std::string command = std::string(std::getenv("MADOGUCHI_CLI")) + " journal generate --db '" + site.uri +
                                "' --start " + start + " --days " + std::to_string(days) +
                                " --per-day 20 --seed 5 --user kanri --password-file '" + passwordFile.string() +
                                "' >/dev/null 2>&1";
    BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command);
}

void savedPassword(const SiteServerFixture& site) {
    std::string password = SiteServerFixture::kPassword;
    const auto address = storage::serverAddress(site.uri);
    BOOST_REQUIRE(storage::savePassword(site.folder / "pgpass", address.host, address.port, address.database,
                                        address.user, password).ok());
}

unsigned mode(const std::filesystem::path& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SiteServer, *boost::unit_test::precondition(serverInstalled))

BOOST_FIXTURE_TEST_CASE(TheConnectionTestRefusesAWrongPasswordAndSavesTheRightOneOutsideTheSettings,
                        SiteServerFixture) {
    storage::FacilityJournal local{folder / "journal.sqlite3"};  // the administrator signs in on the old file
    app::SystemClock clock;
    storage::StaffAccounts staff{local, clock};
    StaffMember admin{"admin", "管理者 山本", StaffRole::Admin};
    std::string adminPassword = "admin-password";
    BOOST_REQUIRE(staff.createFirstAdministrator(admin, adminPassword).ok());
    AppSettings initial;
    initial.journalPath = uri;

    auto* dialog = new SettingsDialog(nullptr, initial, staff, admin);
    dialog->Show();
    SiteServerSection* section = dialog->siteServer();
    BOOST_REQUIRE(section);
    dialog->notebook()->SetSelection(dialog->notebook()->FindPage(section));
    MADOGUCHI_REQUIRE_EVENTUALLY(section->IsShownOnScreen());
    BOOST_CHECK(section->usesServer());
    BOOST_CHECK_EQUAL(section->userField()->GetValue().utf8_string(), "uketsuke1");
    BOOST_CHECK_EQUAL(section->testButton()->GetLabel().utf8_string(), "接続テスト");

    section->passwordField()->SetValue("not-the-password");
    section->testConnection();
    BOOST_CHECK(section->passwordField()->IsEmpty());  // never left in the field
    MADOGUCHI_REQUIRE_EVENTUALLY(section->testsFinished() == 1);
    BOOST_CHECK(section->lastCheck().reach == ServerReach::WrongPassword);
    BOOST_CHECK(section->resultText().utf8_string().find("ユーザー名またはパスワード") != std::string::npos);
    BOOST_CHECK(!section->passwordSaved());
    BOOST_CHECK(!std::filesystem::exists(folder / "pgpass"));
    section->Scroll(0, section->GetVirtualSize().y);  // the result under the button
    test::saveScreenshot(dialog, "settings-site-server-wrong-password");

    section->passwordField()->SetValue(kPassword);
    section->testConnection();
    MADOGUCHI_REQUIRE_EVENTUALLY(section->testsFinished() == 2);
    BOOST_CHECK(section->lastCheck().reach == ServerReach::EmptyDatabase);  // no journal on it yet
    BOOST_CHECK(section->passwordSaved());
    BOOST_CHECK_EQUAL(mode(folder / "pgpass"), 0600u);
    BOOST_CHECK(test::fileText(folder / "pgpass").find(kPassword) != std::string::npos);

    { storage::FacilityJournal first(uri); }  // the first window's start creates the journal (from ~/.pgpass)
    section->testConnection();                // no password typed: the saved one
    MADOGUCHI_REQUIRE_EVENTUALLY(section->testsFinished() == 3);
    BOOST_CHECK(section->lastCheck().usable());
    BOOST_CHECK(section->resultText().utf8_string().starts_with("✓"));
    section->Scroll(0, section->GetVirtualSize().y);
    test::saveScreenshot(dialog, "settings-site-server-connected");

    const AppSettings edited = dialog->edited();
    BOOST_CHECK_EQUAL(edited.journalPath.string(), uri);
    BOOST_REQUIRE(saveAppSettings(edited, folder / "settings.json").ok());
    const std::string saved = test::fileText(folder / "settings.json");
    BOOST_CHECK(saved.find("uketsuke1") != std::string::npos);
    BOOST_CHECK(saved.find(kPassword) == std::string::npos);

    section->chooseServer(false);  // back to a file on this PC
    BOOST_CHECK(!section->testButton()->IsEnabled());
    BOOST_CHECK(!storage::isServerLocation(dialog->edited().journalPath.string()));
    dialog->Destroy();
    test::pumpEvents();
}

BOOST_FIXTURE_TEST_CASE(TheJournalLightFollowsTheServerDownAndBack, SiteServerFixture) {
    savedPassword(*this);
    AppSettings settings;
    settings.facility = FacilitySettings{"1312345678", "まどぐち内科", FacilityKind::Clinic, FacilityMode::Standard, false};
    settings.identitySource = IdentitySource::DirectReader;
    settings.journalPath = uri;
    settings.windowName = "受付1";
    test::FixedClock clock{LocalDateTime{*Date::parseIso("2026-11-25"), 9, 0}};
    auto environment = FacilityEnvironment::create(settings, folder / "settings.json", clock);
    BOOST_REQUIRE_MESSAGE(environment, (environment ? "" : environment.problem().message));
    auto* frame = new ReceptionFrame(nullptr, std::move(environment).value());
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    DeviceStatusBar& status = *frame->deviceStatus();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::Journal) == Health::Good);

    server.stop();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::Journal) == Health::Failing);
    const DeviceCheck down = status.indicator(Device::Journal)->check();
    BOOST_CHECK_EQUAL(down.problem, "The site server %s does not answer.");
    BOOST_CHECK_EQUAL(down.subject, storage::displayLocation(uri));
    test::saveScreenshot(frame, "status-site-server-down");
    server.start();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::Journal) == Health::Good);
    frame->Destroy();
    test::pumpEvents();
}

// How many patient reads the journal's audit trail holds for `what` (a report and its day).
long long countOf(storage::FacilityJournal& journal, const std::string& sql, const std::string& parameter) {
    auto reader = journal.anotherConnection();
    storage::Statement count = reader->database().prepare(sql);
    count.bind(1, parameter);
    BOOST_REQUIRE(count.step());
    return count.integer(0);
}

long long readsOf(storage::FacilityJournal& journal, const std::string& what) {
    return countOf(journal, "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read' AND detail = ?", what);
}

// The patients with a visit on the day.
long long patientsOn(storage::FacilityJournal& journal, const std::string& day) {
    return countOf(journal, "SELECT COUNT(DISTINCT patient_id) FROM visits WHERE visit_date = ? AND patient_id <> ''", day);
}

BOOST_FIXTURE_TEST_CASE(TheManagerSeesAnotherWindowsVisitsLiveAndSaysWhenTheServerIsDown, SiteServerFixture) {
    savedPassword(*this);
    generateInAnotherProcess(*this, "2026-11-25", 1);  // yesterday: some OLD / UNKNOWN to follow up
    storage::FacilityJournal journal(uri);
    test::FixedClock clock{LocalDateTime{*Date::parseIso("2026-11-26"), 12, 0}};
    AppSettings settings;
    settings.facility.name = "まどぐち内科";
    auto* frame = new ManagerFrame(nullptr, journal, {"kanri", "", StaffRole::Admin}, settings, clock);
    struct Closed {  // destroyed before the journal it reads, whatever the test's outcome
        wxWindow* frame;
        ~Closed() {
            frame->Destroy();
            test::pumpEvents();
        }
    } closed{frame};
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    BOOST_CHECK_EQUAL(frame->dailyLog()->visitList()->GetItemCount(), 0);  // nothing today yet
    FollowUpPage* followUps = frame->followUps();
    BOOST_REQUIRE_GE(followUps->visits().size(), 2u);
    followUps->list()->SetItemState(1, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    const std::string selected(followUps->visits()[1].visitId);
    const std::size_t followUpsBefore = followUps->visits().size();

    const int refreshes = frame->refreshes();
    generateInAnotherProcess(*this, "2026-11-26", 1);  // today, from another program
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->dailyLog()->visitList()->GetItemCount() == 20);
    BOOST_CHECK_GT(frame->refreshes(), refreshes);
    BOOST_CHECK_GE(frame->dailyLog()->refreshesShown(), 1);
    // the follow-up list is not on screen: it is not read, only marked stale
    BOOST_CHECK(frame->followUpsStale());
    BOOST_CHECK_EQUAL(followUps->refreshesShown(), 0);
    BOOST_CHECK_EQUAL(followUps->visits().size(), followUpsBefore);
    BOOST_CHECK_EQUAL(readsOf(journal, "manager daily log 2026-11-26"), patientsOn(journal, "2026-11-26"));

    // the daily log's selection stays, and notices during a read make one more read, not one each
    frame->dailyLog()->visitList()->SetItemState(3, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    const std::string selectedToday = frame->dailyLog()->selectedVisitId();
    MADOGUCHI_REQUIRE_EVENTUALLY(!frame->dailyLog()->refreshing());
    const int shown = frame->dailyLog()->refreshesShown();
    const int notices = frame->refreshes();
    for (int notice = 0; notice < 4; ++notice) frame->dailyLog()->refresh();
    BOOST_CHECK(frame->dailyLog()->refreshing());
    MADOGUCHI_REQUIRE_EVENTUALLY(!frame->dailyLog()->refreshing());
    const int reads = frame->dailyLog()->refreshesShown() - shown;
    BOOST_CHECK_GE(reads, 2);                                       // the first, then one for the three others
    BOOST_CHECK_LE(reads, 2 + (frame->refreshes() - notices));      // (and any the watch added meanwhile)
    BOOST_CHECK_EQUAL(frame->dailyLog()->selectedVisitId(), selectedToday);
    BOOST_CHECK_EQUAL(readsOf(journal, "manager daily log 2026-11-26"), patientsOn(journal, "2026-11-26"));

    // shown, the stale follow-up list reads in the background and keeps its selection
    frame->notebook()->SetSelection(1);
    BOOST_CHECK(!frame->followUpsStale());
    MADOGUCHI_REQUIRE_EVENTUALLY(followUps->refreshesShown() >= 1 && !followUps->refreshing());
    BOOST_CHECK_GE(followUps->visits().size(), followUpsBefore);
    const long row = followUps->list()->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    BOOST_REQUIRE_GE(row, 0);
    BOOST_CHECK_EQUAL(followUps->visits()[static_cast<std::size_t>(row)].visitId, selected);  // kept
    frame->notebook()->SetSelection(0);
    test::saveScreenshot(frame, "manager-live-visits-of-another-window");

    server.stop();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->showsUnreachable());
    BOOST_CHECK_EQUAL(frame->dailyLog()->visitList()->GetItemCount(), 0);  // nothing stale shown as current
    BOOST_CHECK(followUps->visits().empty());
    BOOST_CHECK(frame->dailyLog()->summaryRows().at(0).second.utf8_string().find("サイトサーバー") != std::string::npos);
    test::saveScreenshot(frame, "manager-site-server-down");
    server.start();
    MADOGUCHI_REQUIRE_EVENTUALLY(!frame->showsUnreachable() && frame->dailyLog()->visitList()->GetItemCount() == 20);
}

BOOST_AUTO_TEST_SUITE_END()
