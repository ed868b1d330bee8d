#pragma once
// The window language: gettext catalogs through wxTranslations. English is the msgid language.
#include <future>
#include <memory>
#include <string>

class wxTranslations;

namespace madoguchi::gui {

// "" follows the desktop (LANGUAGE / LC_ALL / LC_MESSAGES / LANG), "ja" or "en" force one.
// Replaces the current wxTranslations; windows created afterwards use the new language.
void applyLanguage(const std::string& lang);

// The same in two steps, the catalogs (wx's and ours, ~13 ms of CPU) read on a worker thread:
// the start-up makes its environment meanwhile, then applies them. Nothing may translate text
// between the two steps (it would get the msgid).
std::future<std::unique_ptr<wxTranslations>> loadLanguage(const std::string& lang);
void applyLanguage(std::future<std::unique_ptr<wxTranslations>> loading);

// Where the catalogs are looked up: share/locale beside the installed program; a developer build
// first tries $MADOGUCHI_LOCALE_DIR and the build tree's i18n/ folder.
std::string catalogSearchPath();

// Translates a msgid the domain marked with N_() (a Problem message, a choice label).
// wxGetTranslation does the same; this names the intent at the call site.
std::string translated(const std::string& msgid);

}  // namespace madoguchi::gui
