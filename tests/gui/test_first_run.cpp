// The real `madoguchi` on a fresh account (no settings file), without --demo: it opens the set-up
// assistant, in Japanese when the desktop names no language, and writes nothing until Finish.
#include <chrono>
#include <thread>

#include "app_process.h"
#include "child_process.h"
#include "gui_harness.h"

using namespace madoguchi::test;

BOOST_AUTO_TEST_SUITE(FirstRun)

BOOST_AUTO_TEST_CASE(AFreshAccountIsLedToTheSetUpAssistant) {
    const char* app = std::getenv("MADOGUCHI_APP");
    BOOST_REQUIRE_MESSAGE(app, "MADOGUCHI_APP is not set (ctest sets it to the madoguchi program)");
    TempFolder home;
    const auto log = home / "madoguchi.log";
    std::unique_ptr<ChildProcess> window;
    {
        ChildEnvironment environment;
        environment.set("XDG_CONFIG_HOME", (home / "config").c_str());
        environment.set("XDG_DATA_HOME", (home / "data").c_str());
        for (const char* name : {"LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}) environment.set(name, nullptr);
        window = std::make_unique<ChildProcess>(std::vector<std::string>{app}, log);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    std::string assistant;
    while (assistant.empty() && std::chrono::steady_clock::now() < deadline) {
        assistant = windowsNamed("まどぐちの設定");
        if (assistant.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    BOOST_REQUIRE_MESSAGE(!assistant.empty(), "the set-up assistant did not open within 90 s; output: " << fileText(log));
    pumpFor(std::chrono::milliseconds(500));
    const auto shot = screenshotDir() / "first-run-assistant.png";
    BOOST_CHECK(std::system(("import -silent -window root '" + shot.string() + "'").c_str()) == 0);
    BOOST_TEST_MESSAGE("screenshot: " << shot.string());
    window->stop();
    BOOST_CHECK(!std::filesystem::exists(home / "config" / "madoguchi" / "settings.json"));  // nothing until Finish
}

BOOST_AUTO_TEST_SUITE_END()
