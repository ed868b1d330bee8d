// The first-run set-up assistant walked as an office manager would, on a fresh configuration:
// a wrong 医療機関コード refused, a weak password refused, the folder test failing on a missing
// share and passing on real req/ res/ face/ folders, a blank 申立書 as the test print (its PDF
// read back with pdftotext), and Finish writing the settings (0600) and the first administrator,
// from which a working reception window opens. Screenshots of each page.
#include <sys/stat.h>


#include <wx/radiobox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/app_settings.h"
#include "fixed_clock.h"
#include "gui/app/facility_environment.h"
#include "gui/app/reception_frame.h"
#include "gui/settings/language.h"
#include "gui/setup/setup_assistant.h"
#include "gui/status/device_status_bar.h"
#include "gui_harness.h"
#include "storage/staff_accounts.h"
#include "tests/pcsc/pcsc_stack.h"

using namespace madoguchi;
using namespace madoguchi::gui;
namespace ui = madoguchi::test;
namespace fs = std::filesystem;
using Page = SetupAssistant::Page;

namespace {

bool contains(const wxString& text, const std::string& part) { return text.utf8_string().find(part) != std::string::npos; }
std::string tr(const char* msgid) { return translated(msgid); }

void type(wxTextCtrl* field, const std::string& text) {
    field->SetValue(wxString::FromUTF8(text));
    ui::pumpEvents();
}

void makeTerminalFolders(const fs::path& root) {
    for (const char* folder : {"req", "res", "face"}) fs::create_directories(root / folder);
}

// A fresh installation: an assistant on its own, its settings file and journal in a temp folder.
struct FreshInstall {
    FreshInstall() {
        applyLanguage("ja");
        AppSettings initial;
        initial.journalPath = folder / "journal" / "facility.sqlite3";
        assistant = new SetupAssistant(nullptr, initial, settingsPath(), clock, true);
        assistant->SetPosition(wxPoint(0, 0));
        assistant->Show();
        MADOGUCHI_REQUIRE_EVENTUALLY(assistant->IsShownOnScreen());
    }
    ~FreshInstall() {
        assistant->Destroy();
        ui::pumpFor(std::chrono::milliseconds(50));
        applyLanguage("en");
    }
    fs::path settingsPath() const { return folder / "config" / "settings.json"; }
    void facility(const std::string& code) {
        type(assistant->nameField(), "まどぐち内科");
        type(assistant->codeField(), code);
    }
    void administrator(const std::string& password) {
        type(assistant->adminIdField(), "admin");
        type(assistant->adminNameField(), "事務長 窓口");
        type(assistant->passwordField(), password);
        type(assistant->passwordAgainField(), password);
    }
    void next(Page expected) {
        BOOST_REQUIRE_MESSAGE(assistant->goNext(), "next refused: " << assistant->pageProblem().utf8_string());
        BOOST_REQUIRE(assistant->page() == expected);
    }
    void testFoldersAt(const fs::path& root) {
        type(assistant->gatewayField(), root.string());
        assistant->testFolders();
        BOOST_REQUIRE(!assistant->folderCheck());  // no result while the test runs
        MADOGUCHI_REQUIRE_EVENTUALLY(assistant->folderCheck().has_value());
    }

    ui::TempFolder folder;
    ui::FixedClock clock{LocalDateTime{*Date::parseIso("2026-11-25"), 9, 0}};
    SetupAssistant* assistant = nullptr;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(SetupAssistantPages)

BOOST_AUTO_TEST_CASE(AWrongMedicalInstitutionCodeIsRefusedInPlainWords) {
    FreshInstall install;
    BOOST_CHECK(install.assistant->page() == Page::Facility);
    install.facility("13123");
    BOOST_CHECK(!install.assistant->canGoNext());
    BOOST_CHECK(contains(install.assistant->pageProblem(), tr("The medical institution code must be exactly 10 digits.")));
    BOOST_CHECK(contains(install.assistant->messageLabel()->GetLabel(), tr("The medical institution code must be exactly 10 digits.")));
    ui::saveScreenshot(install.assistant, "setup-1-facility-wrong-code");
    BOOST_CHECK(!install.assistant->goNext());
    BOOST_CHECK(install.assistant->page() == Page::Facility);

    install.facility("1312345678");  // a clinic's code (医科)
    install.assistant->kindBox()->SetSelection(1);  // … at a pharmacy
    BOOST_CHECK(contains(install.assistant->pageProblem(), tr("A pharmacy's medical institution code has 4 (調剤) as its third digit.")));
    install.assistant->kindBox()->SetSelection(0);
    install.facility("1312345678");
    BOOST_CHECK_MESSAGE(install.assistant->canGoNext(), install.assistant->pageProblem().utf8_string());
    ui::saveScreenshot(install.assistant, "setup-1-facility");
    install.next(Page::Administrator);
    install.administrator("short");
    BOOST_CHECK(!install.assistant->canGoNext());
    BOOST_CHECK(!install.assistant->pageProblem().empty());
    install.administrator("correct horse battery staple");
    type(install.assistant->passwordAgainField(), "correct horse battery stable");
    BOOST_CHECK(contains(install.assistant->pageProblem(), tr("The two passwords differ.")));
}

BOOST_AUTO_TEST_CASE(TheFolderTestFailsOnAMissingShareAndPassesOnRealFolders) {
    FreshInstall install;
    install.facility("1312345678");
    install.next(Page::Administrator);
    install.administrator("correct horse battery staple");
    install.next(Page::Identity);
    install.next(Page::Folders);
    BOOST_CHECK(!install.assistant->canGoNext());  // not tested yet

    const fs::path share = install.folder / "mnt" / "oqs";
    install.testFoldersAt(share);
    BOOST_CHECK(install.assistant->folderCheck()->health == Health::Failing);
    BOOST_CHECK(contains(install.assistant->pageProblem(), share.string()));
    BOOST_CHECK(!install.assistant->canGoNext());
    ui::saveScreenshot(install.assistant, "setup-4-folders-missing-share");

    fs::create_directories(share / "req");
    fs::create_directories(share / "res");
    install.testFoldersAt(share);
    BOOST_CHECK(contains(install.assistant->pageProblem(), (share / "face").string()));  // the folder that is missing
    BOOST_CHECK(!install.assistant->canGoNext());

    makeTerminalFolders(share);
    install.testFoldersAt(share);
    BOOST_CHECK_MESSAGE(install.assistant->folderCheck()->health == Health::Good,
                        install.assistant->pageProblem().utf8_string());
    BOOST_CHECK(install.assistant->canGoNext());
    BOOST_CHECK(fs::is_empty(share / "req"));  // the probe file was removed
    ui::saveScreenshot(install.assistant, "setup-4-folders-pass");

    type(install.assistant->gatewayField(), (install.folder / "elsewhere").string());  // a new path needs a new test
    BOOST_CHECK(!install.assistant->canGoNext());
}

BOOST_AUTO_TEST_CASE(FinishingWritesTheSettingsAndTheAdministratorAndOpensAWorkingWindow) {
    FreshInstall install;
    const fs::path share = install.folder / "oqs";
    makeTerminalFolders(share);
    install.facility("1312345678");
    install.next(Page::Administrator);
    install.administrator("correct horse battery staple");
    ui::saveScreenshot(install.assistant, "setup-2-administrator");
    install.next(Page::Identity);
    ui::saveScreenshot(install.assistant, "setup-3-identity");
    install.next(Page::Folders);
    install.testFoldersAt(share);
    install.next(Page::Reader);
    // Identity comes from the certified reader: whatever the readers, the page lets us on.
    MADOGUCHI_REQUIRE_EVENTUALLY(install.assistant->readerCheck().has_value());
    BOOST_CHECK(install.assistant->readerCheck()->health != Health::Failing);
    ui::saveScreenshot(install.assistant, "setup-5-reader");
    install.next(Page::Journal);
    BOOST_CHECK(!install.assistant->canGoNext());
    install.assistant->testJournal();
    MADOGUCHI_REQUIRE_EVENTUALLY(install.assistant->journalCheck().has_value());
    BOOST_CHECK_MESSAGE(install.assistant->journalCheck()->health == Health::Good, install.assistant->pageProblem().utf8_string());
    ui::saveScreenshot(install.assistant, "setup-6-journal");
    install.next(Page::Printer);
    auto pdf = install.assistant->printBlankForm(false);
    BOOST_REQUIRE_MESSAGE(pdf, (pdf ? "" : pdf.problem().message));
    int status = 0;
    const std::string text = ui::runAndCapture({"pdftotext", "-layout", pdf.value().string(), "-"}, status);
    BOOST_CHECK_EQUAL(status, 0);
    BOOST_CHECK(text.find("被保険者資格申立書") != std::string::npos);
    BOOST_CHECK(text.find("まどぐち内科") != std::string::npos);
    BOOST_CHECK(text.find("令和8年11月25日") != std::string::npos);  // the clock's day
    ui::saveScreenshot(install.assistant, "setup-7-printer");
    install.next(Page::Summary);
    BOOST_CHECK_MESSAGE(install.assistant->canGoNext(), install.assistant->pageProblem().utf8_string());
    ui::saveScreenshot(install.assistant, "setup-8-summary");
    BOOST_REQUIRE(!fs::exists(install.settingsPath()));
    BOOST_REQUIRE_MESSAGE(install.assistant->finish(), install.assistant->pageProblem().utf8_string());

    struct stat info {};
    BOOST_REQUIRE_EQUAL(::stat(install.settingsPath().c_str(), &info), 0);
    BOOST_CHECK_EQUAL(info.st_mode & 0777, 0600u);
    auto saved = loadAppSettings(install.settingsPath());
    BOOST_REQUIRE(saved);
    BOOST_CHECK_EQUAL(saved.value().facility.medicalInstitutionCode, "1312345678");
    BOOST_CHECK_EQUAL(saved.value().facility.name, "まどぐち内科");
    BOOST_CHECK(saved.value().identitySource == IdentitySource::CertifiedReaderFolders);
    BOOST_CHECK_EQUAL(saved.value().gatewayRoot, share);
    BOOST_CHECK(settingsProblems(saved.value()).empty());

    auto environment = FacilityEnvironment::create(saved.value(), install.settingsPath(), install.clock);
    BOOST_REQUIRE(environment);
    {  // the administrator signs in with the password chosen in the assistant
        storage::StaffAccounts staff(environment.value()->journal(), install.clock);
        std::string password = "correct horse battery staple";
        auto admin = staff.authenticate("admin", password, install.clock.now());
        BOOST_REQUIRE(admin);
        BOOST_CHECK(admin.value().role == StaffRole::Admin);
        BOOST_CHECK_EQUAL(admin.value().displayName, "事務長 窓口");
    }
    auto* frame = new ReceptionFrame(nullptr, std::move(environment).value());
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->deviceStatus()->health(Device::TerminalFolders) == Health::Good &&
                                 frame->deviceStatus()->health(Device::Journal) == Health::Good);
    BOOST_CHECK(frame->deviceStatus()->health(Device::CardReader) == Health::NotUsed);
    ui::saveScreenshot(frame, "setup-9-reception-window");
    frame->Destroy();
    ui::pumpFor(std::chrono::milliseconds(50));
}

BOOST_AUTO_TEST_CASE(TheDirectReaderNeedsAReaderAndItsCardCheck) {
    FreshInstall install;
    install.facility("1312345678");
    install.assistant->modeBox()->SetSelection(2);  // ③: no face reader
    install.next(Page::Administrator);
    install.administrator("correct horse battery staple");
    install.next(Page::Identity);
    BOOST_CHECK(contains(install.assistant->pageProblem(),
                         tr("Modes ② and ③ have no face-recognition card reader: choose the direct reader.")));
    install.assistant->sourceBox()->SetSelection(static_cast<int>(IdentitySource::DirectReader));
    ui::pumpEvents();
    install.next(Page::Reader);  // the folders page does not apply
    MADOGUCHI_REQUIRE_EVENTUALLY(install.assistant->readerCheck().has_value());
    BOOST_CHECK(!install.assistant->canGoNext());
    BOOST_CHECK(contains(install.assistant->pageProblem(), tr("Enter the address of the direct card check.")));
}

BOOST_AUTO_TEST_SUITE_END()
