// The wxApp: parses the command line (--demo, --lang), loads the catalog, opens the main frame.
#pragma once

#include <wx/app.h>

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    bool demo_ = false;
};

}  // namespace madoguchi::gui
