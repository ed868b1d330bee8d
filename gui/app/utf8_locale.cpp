#include "gui/app/utf8_locale.h"

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include <langinfo.h>

namespace madoguchi::gui {
namespace {

bool characterSetIsUtf8() {
    const char* codeset = nl_langinfo(CODESET);
    return codeset != nullptr && (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0);
}

// The locale the environment names for messages (LC_ALL, else LC_MESSAGES, else LANG).
std::string namedLocale() {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"})
        if (const char* value = std::getenv(name); value != nullptr && *value != '\0') return value;
    return {};
}

// A locale named by the environment but not installed: the C library refuses it as a whole, and
// wx and GTK would then assert. Run on C.UTF-8 instead; the window's language still follows the
// named one through LANGUAGE (Madoguchi's own catalogs do not need the C library's locale).
void fallBackFromAMissingLocale() {
    const std::string named = namedLocale();
    std::cerr << "madoguchi: warning: the locale '" << named
              << "' is not installed on this machine; using C.UTF-8 (install it with locale-gen for "
                 "localized dates and numbers)\n";
    const char* language = std::getenv("LANGUAGE");
    if ((language == nullptr || *language == '\0') && !named.empty())
        setenv("LANGUAGE", named.substr(0, named.find_first_of(".@")).c_str(), 1);
    setenv("LC_ALL", "C.UTF-8", 1);
    std::setlocale(LC_ALL, "");
}

}  // namespace

void ensureUtf8CharacterSet() {
    if (std::setlocale(LC_ALL, "") == nullptr) {
        fallBackFromAMissingLocale();
        return;
    }
    if (characterSetIsUtf8()) return;
    // LC_ALL overrides LC_CTYPE: a non-UTF-8 LC_ALL ("C", "POSIX") becomes C.UTF-8 as a whole.
    const char* all = std::getenv("LC_ALL");
    setenv(all != nullptr && *all != '\0' ? "LC_ALL" : "LC_CTYPE", "C.UTF-8", 1);
    std::setlocale(LC_ALL, "");
}

}  // namespace madoguchi::gui
