#pragma once
// The qa_gui harness: one X server (Xvfb, started here when no display is set) and one
// initialised wxWidgets for the whole run, plus helpers to pump events until a condition
// holds, to save screenshots next to the test output, and throw-away folders.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>

#include <boost/test/unit_test.hpp>

#include "temp_folder.h"

class wxWindow;

namespace madoguchi::test {

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
// Returns the file written; a capture that failed fails the calling test (and returns empty).
std::filesystem::path saveScreenshot(wxWindow* window, const std::string& name);

using TempFolder = ::madoguchi::test::TempFolder;  // tests/support/temp_folder.h

}  // namespace madoguchi::test

// Fails the test (and stops it) when the condition does not hold within the timeout.
#define MADOGUCHI_REQUIRE_EVENTUALLY(condition)                                                  \
    BOOST_REQUIRE_MESSAGE(::madoguchi::test::pumpUntil([&] { return bool(condition); }), \
                          "timed out waiting for: " #condition)
