#include "gui/app/gtk_start.h"

#include <sys/stat.h>

#include <cstdlib>
#include <string>

namespace madoguchi::gui {
namespace {

bool isSet(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

// Where libdbus looks for the session bus before it would autolaunch one: the address in the
// environment, then the user's bus socket under XDG_RUNTIME_DIR (systemd's user session).
bool haveSessionBus() {
    if (isSet("DBUS_SESSION_BUS_ADDRESS")) return true;
    if (!isSet("XDG_RUNTIME_DIR")) return false;
    struct stat socket {};
    const std::string path = std::string(std::getenv("XDG_RUNTIME_DIR")) + "/bus";
    return ::stat(path.c_str(), &socket) == 0 && S_ISSOCK(socket.st_mode);
}

}  // namespace

void prepareGtkStart() {
    setenv("GDK_GL", "disable", 0);
    if (!haveSessionBus() && !isSet("AT_SPI_BUS_ADDRESS")) setenv("NO_AT_BRIDGE", "1", 0);
}

}  // namespace madoguchi::gui
