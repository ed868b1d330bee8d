// The real `madoguchi` on a fresh account (no settings file), without --demo: it opens the set-up
// assistant, in Japanese when the desktop names no language, and writes nothing until Finish. A
// settings file edited by hand is refused at start, with what to do, and the refusal audited.
#include <chrono>
#include <fstream>
#include <thread>

#include "app/app_settings.h"
#include "storage/visit_journal.h"
#include "app_process.h"
#include "child_process.h"
#include "gui_harness.h"

using namespace madoguchi::test;

namespace {

// The real program on a private account under `home` (config/ and data/), its output in home/madoguchi.log.
std::unique_ptr<ChildProcess> startMadoguchi(const TempFolder& home, std::vector<std::string> arguments) {
    const char* app = std::getenv("MADOGUCHI_APP");
    BOOST_REQUIRE_MESSAGE(app, "MADOGUCHI_APP is not set (ctest sets it to the madoguchi program)");
    arguments.insert(arguments.begin(), app);
    ChildEnvironment environment;
    environment.set("XDG_CONFIG_HOME", (home / "config").c_str());
    environment.set("XDG_DATA_HOME", (home / "data").c_str());
    for (const char* name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}) environment.set(name, nullptr);
    return std::make_unique<ChildProcess>(arguments, home / "madoguchi.log");
}

// Waits up to 90 s for a window whose title holds `title`, then pictures the screen as <picture>.png.
void awaitWindowAndPicture(const TempFolder& home, const std::string& title, const std::string& picture) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    std::string found;
    while (found.empty() && std::chrono::steady_clock::now() < deadline) {
        found = windowsNamed(title);
        if (found.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    BOOST_REQUIRE_MESSAGE(!found.empty(), "no window \"" << title << "\" within 90 s; output: "
                                                          << fileText(home / "madoguchi.log"));
    pumpFor(std::chrono::milliseconds(500));
    const auto shot = screenshotDir() / (picture + ".png");
    BOOST_CHECK(std::system(("import -silent -window root '" + shot.string() + "'").c_str()) == 0);
    BOOST_TEST_MESSAGE("screenshot: " << shot.string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(FirstRun)

BOOST_AUTO_TEST_CASE(AFreshAccountIsLedToTheSetUpAssistant) {
    TempFolder home;
    auto window = startMadoguchi(home, {});
    awaitWindowAndPicture(home, "まどぐちの設定", "first-run-assistant");
    window->stop();
    BOOST_CHECK(!std::filesystem::exists(home / "config" / "madoguchi" / "settings.json"));  // nothing until Finish
}

BOOST_AUTO_TEST_CASE(ASettingsFileEditedByHandIsRefusedAtStartAndTheRefusalIsAudited) {
    TempFolder home;
    const auto config = home / "config" / "madoguchi";
    madoguchi::AppSettings settings;
    settings.facility = {"1312345678", "みどり内科", madoguchi::FacilityKind::Clinic, madoguchi::FacilityMode::Standard, false};
    settings.gatewayRoot = home / "oqs";
    settings.journalPath = home / "data" / "journal.sqlite3";
    settings.windowName = "受付1";
    BOOST_REQUIRE(madoguchi::saveAppSettings(settings, config / "settings.json").ok());  // as the dialog saves
    std::string text = fileText(config / "settings.json");
    const std::string name = "みどり内科";
    BOOST_REQUIRE(text.find(name) != std::string::npos);
    text.replace(text.find(name), name.size(), "みどり眼科");
    std::ofstream(config / "settings.json", std::ios::trunc) << text;

    auto window = startMadoguchi(home, {"--lang", "en"});
    awaitWindowAndPicture(home, "Settings changed outside Madoguchi", "settings-refused-at-start");
    window->stop();

    BOOST_CHECK_EQUAL(fileText(config / "settings.json"), text);  // nothing rewritten
    madoguchi::storage::FacilityJournal journal(settings.journalPath.string(), config / "audit.key");
    auto query = journal.database().prepare("SELECT staff_id, detail, window FROM audit_log WHERE action = 'settings.refused'");
    BOOST_REQUIRE(query.step());
    BOOST_CHECK_EQUAL(query.text(0), "system");
    BOOST_CHECK_EQUAL(query.text(1), (config / "settings.json").string() + ": the seal does not match the content");
    BOOST_CHECK_EQUAL(query.text(2), "受付1");
}

BOOST_AUTO_TEST_SUITE_END()
