#include "gui/settings/language.h"

#include <wx/intl.h>
#include <wx/translation.h>

#include <cstdlib>
#include <filesystem>

#include "app/resources.h"

namespace madoguchi::gui {
namespace {

const char* kDomain = "madoguchi";

#ifdef MADOGUCHI_DEVELOPER_BUILD
bool holdsCatalog(const std::filesystem::path& prefix) {
    std::error_code ec;
    return !prefix.empty() && std::filesystem::exists(prefix / "ja" / "LC_MESSAGES" / "madoguchi.mo", ec);
}
#endif

void registerSearchPathOnce() {
    static bool registered = false;
    if (registered) return;
    registered = true;
    wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wxString::FromUTF8(catalogSearchPath()));
}

}  // namespace

std::string catalogSearchPath() {
#ifdef MADOGUCHI_DEVELOPER_BUILD
    if (const char* fromEnvironment = std::getenv("MADOGUCHI_LOCALE_DIR"); fromEnvironment && *fromEnvironment)
        return fromEnvironment;
    if (holdsCatalog(MADOGUCHI_BUILD_LOCALE_DIR)) return MADOGUCHI_BUILD_LOCALE_DIR;
#endif
    return (app::installedShareDir() / "locale").string();
}

std::future<std::unique_ptr<wxTranslations>> loadLanguage(const std::string& lang) {
    registerSearchPathOnce();  // on the calling thread: the worker only reads the search path
    return std::async(std::launch::async, [lang] {
        auto translations = std::make_unique<wxTranslations>();
        if (lang.empty())
            translations->SetLanguage(wxLANGUAGE_DEFAULT);
        else
            translations->SetLanguage(wxString::FromUTF8(lang));
        translations->AddStdCatalog();
        translations->AddCatalog(kDomain, wxLANGUAGE_ENGLISH_US);
        return translations;
    });
}

void applyLanguage(std::future<std::unique_ptr<wxTranslations>> loading) {
    wxTranslations::Set(loading.get().release());  // takes ownership, deletes the previous one
}

void applyLanguage(const std::string& lang) { applyLanguage(loadLanguage(lang)); }

std::string translated(const std::string& msgid) {
    if (msgid.empty()) return msgid;
    return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string();
}

}  // namespace madoguchi::gui
