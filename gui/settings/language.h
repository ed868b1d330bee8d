#pragma once
// The window language: gettext catalogs through wxTranslations. English is the msgid language.
#include <string>

namespace madoguchi::gui {

// "" follows the desktop (LANGUAGE / LC_ALL / LC_MESSAGES / LANG), "ja" or "en" force one.
// Replaces the current wxTranslations; windows created afterwards use the new language.
void applyLanguage(const std::string& lang);

// Where the catalogs are looked up: share/locale beside the installed program; a developer build
// first tries $MADOGUCHI_LOCALE_DIR and the build tree's i18n/ folder.
std::string catalogSearchPath();

// Translates a msgid the domain marked with N_() (a Problem message, a choice label).
// wxGetTranslation does the same; this names the intent at the call site.
std::string translated(const std::string& msgid);

}  // namespace madoguchi::gui
