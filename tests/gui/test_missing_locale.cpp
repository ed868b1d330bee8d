// The real `madoguchi --demo` started with LANG naming a locale this machine does not have: it
// warns and opens its window in a language it has, with no wxWidgets assertion dialog before it.
#include <locale.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "app_process.h"
#include "child_process.h"
#include "gui_harness.h"
#include "temp_folder.h"

namespace {

bool installed(const char* locale) {
    locale_t handle = newlocale(LC_ALL_MASK, locale, static_cast<locale_t>(0));
    if (handle == static_cast<locale_t>(0)) return false;
    freelocale(handle);
    return true;
}

}  // namespace

using madoguchi::test::ChildEnvironment;
using madoguchi::test::fileText;
using madoguchi::test::windowsNamed;

BOOST_AUTO_TEST_SUITE(MissingLocale)

BOOST_AUTO_TEST_CASE(AnUninstalledLangStartsTheDemoWithAWarningAndNoAssertionDialog) {
    const char* app = std::getenv("MADOGUCHI_APP");
    BOOST_REQUIRE_MESSAGE(app, "MADOGUCHI_APP is not set (ctest sets it to the madoguchi program)");
    // The case where it applies; a Japanese locale that exists nowhere otherwise.
    const char* missing = installed("ja_JP.UTF-8") ? "ja_XX.UTF-8" : "ja_JP.UTF-8";
    BOOST_REQUIRE(!installed(missing));

    madoguchi::test::TempFolder folder;
    const auto log = folder / "madoguchi.log";
    std::unique_ptr<madoguchi::test::ChildProcess> window;
    {
        ChildEnvironment environment;
        environment.set("LANG", missing);
        environment.set("LC_ALL", nullptr);
        environment.set("LC_MESSAGES", nullptr);
        environment.set("LC_CTYPE", nullptr);
        environment.set("LANGUAGE", nullptr);
        window = std::make_unique<madoguchi::test::ChildProcess>(std::vector<std::string>{app, "--demo"}, log);
    }
    // The demo window's title is "まどぐち（デモ）" in Japanese or "Madoguchi (demo)" in English.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    std::string demoWindows;
    while (demoWindows.empty() && std::chrono::steady_clock::now() < deadline) {
        BOOST_REQUIRE_MESSAGE(windowsNamed("Debug Alert").empty() && windowsNamed("ssertion").empty(),
                              "a wxWidgets assertion dialog appeared; output: " << fileText(log));
        demoWindows = windowsNamed("demo") + windowsNamed("デモ");
        if (demoWindows.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    BOOST_REQUIRE_MESSAGE(!demoWindows.empty(), "the demo window did not open within 90 s; output: " << fileText(log));
    madoguchi::test::pumpFor(std::chrono::milliseconds(1000));  // let it paint, and any late dialog show
    BOOST_CHECK_MESSAGE(windowsNamed("Debug Alert").empty() && windowsNamed("ssertion").empty(),
                        "a wxWidgets assertion dialog appeared after the window");
    const auto shot = madoguchi::test::screenshotDir() / "missing-locale-demo.png";
    BOOST_CHECK_MESSAGE(std::system(("import -silent -window root '" + shot.string() + "'").c_str()) == 0,
                        "screenshot could not be taken: " << shot.string());
    BOOST_TEST_MESSAGE("screenshot: " << shot.string());
    window->stop();
    const std::string output = fileText(log);
    BOOST_CHECK_MESSAGE(output.find(std::string("the locale '") + missing + "' is not installed") != std::string::npos,
                        "no warning about the missing locale in: " << output);
    BOOST_CHECK_MESSAGE(output.find("ssertion") == std::string::npos, "an assertion was reported: " << output);
}

BOOST_AUTO_TEST_SUITE_END()
