#pragma once
// The qa_gui harness: one X server (Xvfb, started here when no display is set) and one
// initialised wxWidgets for the whole run, plus helpers to pump events until a condition
// holds, to save screenshots next to the test output, and throw-away folders.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

class wxWindow;

namespace madoguchi::gui::test {

// Global fixture (registered in gui_harness.cpp): Xvfb if needed, wxEntryStart, a test wxApp.
struct GuiEnvironment {
    GuiEnvironment();
    ~GuiEnvironment();
};

// Runs the wx event loop (pending events, CallAfter, idle, timers) once.
void pumpEvents();
// Pumps events for the given time.
void pumpFor(std::chrono::milliseconds duration);
// Pumps events until the condition holds; false when the timeout passed first.
bool pumpUntil(const std::function<bool()>& condition,
               std::chrono::milliseconds timeout = std::chrono::seconds(15));

// Where screenshots go: $MADOGUCHI_GUI_SCREENSHOTS, else ./gui-screenshots.
std::filesystem::path screenshotDir();
// Raises the window, lets it paint, and saves what the screen shows of it as <name>.png.
// Returns the file written (empty when the capture failed); the path is logged.
std::filesystem::path saveScreenshot(wxWindow* window, const std::string& name);

// A fresh folder under the system temp folder, removed with everything in it at scope end.
class TempFolder {
public:
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

}  // namespace madoguchi::gui::test

// Fails the test (and stops it) when the condition does not hold within the timeout.
#define MADOGUCHI_REQUIRE_EVENTUALLY(condition)                                                  \
    BOOST_REQUIRE_MESSAGE(::madoguchi::gui::test::pumpUntil([&] { return bool(condition); }), \
                          "timed out waiting for: " #condition)
