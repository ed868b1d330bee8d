// The status bar's device indicators on the facility's window: the terminal's folders and the
// journal checked in the background turn red when the folders vanish and when the journal's
// folder takes no new file, are logged (Poco logger "madoguchi.devices") and shown once as a
// notice, and turn green again when the devices come back. (The card reader going away is in
// test_facility_window.cpp, against the real pcscd.)
#include <unistd.h>

#include <cstdlib>
#include <mutex>
#include <vector>

#include <Poco/AutoPtr.h>
#include <Poco/Channel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>

#include <wx/infobar.h>

#include "fixed_clock.h"
#include "gui/app/facility_environment.h"
#include "gui/app/reception_frame.h"
#include "gui/settings/language.h"
#include "gui/status/device_checks.h"
#include "gui/status/device_status_bar.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;
namespace ui = madoguchi::test;
namespace fs = std::filesystem;

namespace {

class CapturedLog : public Poco::Channel {
public:
    void log(const Poco::Message& message) override {
        std::lock_guard lock(mutex_);
        lines_.push_back(message.getText());
    }
    std::vector<std::string> lines() const {
        std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    mutable std::mutex mutex_;
    std::vector<std::string> lines_;
};

// A folder that takes no new file, even for root (whose writes permissions do not stop): the
// immutable attribute for root, the permissions otherwise.
void setTakesNewFiles(const fs::path& folder, bool takes) {
    if (::geteuid() == 0) {
        const std::string command = std::string("chattr ") + (takes ? "-i '" : "+i '") + folder.string() + "'";
        BOOST_REQUIRE_MESSAGE(std::system(command.c_str()) == 0, command << " failed");
    } else {
        fs::permissions(folder, takes ? fs::perms::owner_all : fs::perms::owner_read | fs::perms::owner_exec);
    }
}

struct ImmutableGuard {
    fs::path folder;
    ~ImmutableGuard() {
        if (!folder.empty()) setTakesNewFiles(folder, true);
    }
};

bool mentions(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& line : lines)
        if (line.find(part) != std::string::npos) return true;
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(DeviceStatus)

BOOST_AUTO_TEST_CASE(FoldersAndJournalTurnRedWhenTheyGoAndGreenWhenTheyComeBack) {
    applyLanguage("ja");
    ui::TempFolder folder;
    const fs::path gateway = folder / "oqs";
    for (const char* name : {"req", "res", "face"}) fs::create_directories(gateway / name);
    AppSettings settings;
    settings.facility = FacilitySettings{"1312345678", "まどぐち内科", FacilityKind::Clinic, FacilityMode::Standard, false};
    settings.gatewayRoot = gateway;
    settings.journalPath = folder / "journal" / "facility.sqlite3";
    ui::FixedClock clock{LocalDateTime{*Date::parseIso("2026-11-25"), 9, 0}};
    auto environment = FacilityEnvironment::create(settings, folder / "settings.json", clock);
    BOOST_REQUIRE(environment);
    Poco::AutoPtr<CapturedLog> log(new CapturedLog);
    Poco::Logger::get("madoguchi.devices").setChannel(log);
    ImmutableGuard guard;

    auto* frame = new ReceptionFrame(nullptr, std::move(environment).value());
    frame->SetPosition(wxPoint(0, 0));
    frame->Show();
    DeviceStatusBar& status = *frame->deviceStatus();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::TerminalFolders) == Health::Good &&
                                 status.health(Device::Journal) == Health::Good);
    BOOST_CHECK(status.health(Device::CardReader) == Health::NotUsed);  // the certified reader's folders only
    BOOST_CHECK(!frame->notice()->IsShown());
    ui::saveScreenshot(frame, "status-all-green");

    fs::rename(gateway, folder / "oqs-gone");  // the share went away
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::TerminalFolders) == Health::Failing);
    BOOST_CHECK(status.health(Device::Journal) == Health::Good);
    BOOST_CHECK(mentions(log->lines(), "terminal folders failing"));
    BOOST_CHECK(mentions(log->lines(), gateway.string()));
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->notice()->IsShown());
    ui::saveScreenshot(frame, "status-folders-red");
    // Shown once: the next rounds, still red, neither log nor notify again.
    frame->notice()->Dismiss();
    const auto logged = log->lines().size();
    const int seen = status.checksSeen();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.checksSeen() >= seen + 2);
    BOOST_CHECK_EQUAL(log->lines().size(), logged);
    BOOST_CHECK(!frame->notice()->IsShown());

    fs::rename(folder / "oqs-gone", gateway);
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::TerminalFolders) == Health::Good);

    setTakesNewFiles(folder / "journal", false);
    guard.folder = folder / "journal";
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::Journal) == Health::Failing);
    BOOST_CHECK(mentions(log->lines(), "journal failing"));
    BOOST_CHECK(status.indicator(Device::Journal)->check().subject == (folder / "journal").string());
    ui::saveScreenshot(frame, "status-journal-red");
    setTakesNewFiles(folder / "journal", true);
    guard.folder.clear();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::Journal) == Health::Good);
    ui::saveScreenshot(frame, "status-green-again");

    frame->Destroy();
    ui::pumpFor(std::chrono::milliseconds(50));
    Poco::Logger::get("madoguchi.devices").setChannel(nullptr);
    applyLanguage("en");
}

BOOST_AUTO_TEST_CASE(TheFolderCheckNamesWhatIsWrong) {
    ui::TempFolder folder;
    BOOST_CHECK(checkTerminalFolders({}, FolderTest::Probe).health == Health::Failing);
    const auto missing = checkTerminalFolders(folder / "none", FolderTest::Probe);
    BOOST_CHECK(missing.health == Health::Failing);
    BOOST_CHECK_EQUAL(missing.subject, (folder / "none").string());
    for (const char* name : {"req", "res", "face"}) fs::create_directories(folder / name);
    BOOST_CHECK(checkTerminalFolders(folder.path(), FolderTest::LookOnly).health == Health::Good);
    fs::permissions(folder / "face", fs::perms::others_write, fs::perm_options::add);
    const auto open = checkTerminalFolders(folder.path(), FolderTest::Probe);
    BOOST_CHECK(open.health == Health::Warning);  // works, but anyone may drop files there
    BOOST_CHECK(!open.details.empty());
    BOOST_CHECK(fs::is_empty(folder / "req"));
}

BOOST_AUTO_TEST_SUITE_END()
