#include "gui/app/utf8_locale.h"

#include <clocale>
#include <cstdlib>
#include <cstring>

#include <langinfo.h>

namespace madoguchi::gui {
namespace {

bool characterSetIsUtf8() {
    const char* codeset = nl_langinfo(CODESET);
    return codeset != nullptr && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
}

}  // namespace

void ensureUtf8CharacterSet() {
    std::setlocale(LC_ALL, "");
    if (characterSetIsUtf8()) return;
    // LC_ALL overrides LC_CTYPE: a non-UTF-8 LC_ALL ("C", "POSIX") becomes C.UTF-8 as a whole.
    const char* all = std::getenv("LC_ALL");
    setenv(all != nullptr && *all != '\0' ? "LC_ALL" : "LC_CTYPE", "C.UTF-8", 1);
    std::setlocale(LC_ALL, "");
}

}  // namespace madoguchi::gui
