#include "gui/app/madoguchi_app.h"

#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>

#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>

#include "app/app_settings.h"
#include "gui/app/facility_environment.h"
#include "gui/app/japanese_faces.h"
#include "gui/app/reception_frame.h"
#include "gui/demo/demo_environment.h"
#include "gui/settings/language.h"
#include "gui/settings/refused_settings.h"
#include "gui/setup/setup_assistant.h"
#include "storage/private_files.h"

namespace madoguchi::gui {
namespace {

// True when the desktop names no language at all (unset, C or POSIX): then the window speaks
// Japanese, the language of the front desks it is made for.
bool desktopNamesNoLanguage() {
    for (const char* name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* value = std::getenv(name);
        if (value == nullptr || *value == '\0') continue;
        const std::string text = value;
        if (text != "C" && text != "POSIX" && text.rfind("C.", 0) != 0) return false;
    }
    return true;
}

}  // namespace

void MadoguchiApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddSwitch({}, "demo", _("Start with simulated devices and a throw-away database"));
    parser.AddSwitch({}, "manager", _("Open the manager window at start"));
    parser.AddOption({}, "lang", _("Window language: ja or en (default: the desktop's, or the settings')"));
}

bool MadoguchiApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    demo_ = parser.Found("demo");
    manager_ = parser.Found("manager");
    wxString lang;
    if (parser.Found("lang", &lang)) language_ = lang.ToStdString();
    return wxApp::OnCmdLineParsed(parser);
}

bool MadoguchiApp::OnInit() {
    storage::usePrivateUmask();  // the journal, its anchor, settings, exports and 申立書 PDFs: private
    if (!wxApp::OnInit()) return false;
    auto settings = readAppSettings(defaultSettingsPath());
    std::string language = language_;
    if (language.empty() && settings && !demo_) language = settings.value().settings.language;
    if (language.empty() && desktopNamesNoLanguage()) language = "ja";
    // Four things before the window, side by side (docs/performance.md, "cold start, third
    // pass"): the catalogs, the demo's environment (code tables, dataset, a fresh journal) and the
    // fonts' configuration on workers, and on this thread the toolkit's theme, which GTK loads
    // with the first style it is asked for (~120 M instructions, else paid by the frame's first
    // widget; wxMSW: a lookup).
    auto loading = loadLanguage(language);
    std::future<Outcome<std::unique_ptr<DemoEnvironment>>> demoMaking;
    if (demo_) demoMaking = std::async(std::launch::async, [] { return DemoEnvironment::create(); });
    auto faces = std::async(std::launch::async, preferJapaneseFaces);
    wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW);
    applyLanguage(std::move(loading));
    faces.get();

    std::unique_ptr<ReceptionEnvironment> environment;
    if (demoMaking.valid()) {
        auto demo = demoMaking.get();
        if (!demo) {
            wxMessageBox(wxGetTranslation(wxString::FromUTF8(demo.problem().message.c_str())), _("Madoguchi"));
            return false;
        }
        environment = std::move(demo).value();
    } else {
        if (!settings) {
            wxMessageBox(wxGetTranslation(wxString::FromUTF8(settings.problem().message.c_str())), _("Madoguchi"));
            return false;
        }
        // A fresh installation: the set-up assistant first (its Cancel quits). A file changed
        // outside the settings dialog: refused until an administrator saves it again.
        AppSettings facilitySettings = settings.value().settings;
        const SettingsSeal seal = settings.value().seal;
        if (seal == SettingsSeal::NoFile && !runFirstRunAssistant(facilitySettings, defaultSettingsPath(), clock_))
            return false;
        if ((seal == SettingsSeal::Missing || seal == SettingsSeal::Mismatch) &&
            !resolveRefusedSettings(facilitySettings, seal, defaultSettingsPath(), clock_))
            return false;
        auto facility = FacilityEnvironment::create(facilitySettings, defaultSettingsPath(), clock_);
        if (!facility) {
            wxMessageBox(wxGetTranslation(wxString::FromUTF8(facility.problem().message.c_str())), _("Madoguchi"));
            return false;
        }
        environment = std::move(facility).value();
    }
    auto* frame = new ReceptionFrame(nullptr, std::move(environment));
    // The start-up benchmark (bench/gui) asks the window to say when it first painted, then quit.
    if (const char* bench = std::getenv("MADOGUCHI_BENCH_FIRST_PAINT"); bench && *bench) {
        frame->onFirstPaint([frame] {
            std::cout << "first-paint" << std::endl;
            frame->Close(true);
        });
    }
    frame->Show();
    SetTopWindow(frame);
    if (manager_) frame->CallAfter([frame] { frame->openManager(); });
    return true;
}

}  // namespace madoguchi::gui
