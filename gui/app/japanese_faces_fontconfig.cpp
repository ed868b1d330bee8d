#include "gui/app/japanese_faces.h"

#include <string>

#include <fontconfig/fontconfig.h>

namespace madoguchi::gui {
namespace {

// The Japanese face of fonts-noto-cjk, which the Debian package depends on. One face only: each
// further (absent) family doubled fontconfig's sorting of the window's font sets (measured).
constexpr const char* kJapaneseFace = "Noto Sans CJK JP";

// A rule ahead of the system's configuration (which it then includes): a request for "Sans", the
// family GTK's default font and wx's fonts without a face name ask for, gets the Japanese face
// first. Other families, and the system's and the user's rules, are left as they are.
std::string configuration(const std::string& systemFile) {
    return std::string("<fontconfig><match target=\"pattern\"><test qual=\"any\" name=\"family\"><string>Sans"
                       "</string></test><edit name=\"family\" mode=\"prepend\" binding=\"strong\"><string>") +
           kJapaneseFace + "</string></edit></match><include ignore_missing=\"yes\">" + systemFile +
           "</include></fontconfig>";
}

}  // namespace

void preferJapaneseFaces() {
    FcConfig* config = FcConfigCreate();
    if (config == nullptr) return;
    FcChar8* systemFile = FcConfigGetFilename(config, nullptr);  // FONTCONFIG_FILE, else fonts.conf
    if (systemFile != nullptr) {
        const std::string text = configuration(reinterpret_cast<const char*>(systemFile));
        FcStrFree(systemFile);
        if (FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(text.c_str()), FcTrue))
            FcConfigSetCurrent(config);
    }
    // Made current, the configuration holds a reference of its own. When the rule could not be
    // made (no system file, a parse error), fontconfig loads the system's configuration as usual
    // when Pango first asks.
    FcConfigDestroy(config);
}

}  // namespace madoguchi::gui
