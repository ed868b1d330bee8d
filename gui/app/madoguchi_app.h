#pragma once
// The wxApp: parses the command line (--demo, --lang), sets the language, builds the
// environment (the facility's or the demo's) and opens the reception window.
#include <string>

#include <wx/app.h>

#include "app/system_clock.h"

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    app::SystemClock clock_;  // the machine's clock, for the facility's window (the demo has its own)
    bool demo_ = false;
    bool manager_ = false;  // --manager: open the manager window at start (the 管理 menu entry)
    std::string language_;  // "", "ja" or "en"
};

}  // namespace madoguchi::gui
