// madoguchi: the reception window. Without a display (Linux) it says how to run it and exits.
#include <cstdlib>
#include <iostream>

#include "app/process_hardening.h"
#include "gui/app/madoguchi_app.h"
#include "platform/heap_pages.h"
#ifndef _WIN32
#include "gui/app/gtk_start.h"
#include "gui/app/utf8_locale.h"
#endif

wxIMPLEMENT_APP_NO_MAIN(madoguchi::gui::MadoguchiApp);

#ifndef _WIN32
namespace {

bool haveDisplay() {
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY"}) {
        const char* value = std::getenv(name);
        if (value != nullptr && *value != '\0') return true;
    }
    return false;
}

}  // namespace
#endif

int main(int argc, char** argv) {
    madoguchi::platform::heapOnHugePages(64u << 20);  // the start fills ~10 MiB of it
    madoguchi::app::disableCoreDumps();
#ifdef _WIN32
    // A Windows desktop always has a display, and wxMSW talks UTF-16 to the system: nothing to
    // check or set up before wx starts.
    return wxEntry(argc, argv);
#else
    if (!haveDisplay()) {
        std::cerr << "madoguchi: no display (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "Run it on a desktop, or under a virtual X server, for example:\n"
                     "  xvfb-run -a -s '-screen 0 1366x768x24' madoguchi --demo\n"
                     "The command-line tool madoguchi-cli needs no display.\n";
        return 2;
    }
    madoguchi::gui::ensureUtf8CharacterSet();
    madoguchi::gui::prepareGtkStart();
    return wxEntry(argc, argv);
#endif
}
