#pragma once
// The wxApp: parses the command line (--demo, --lang), sets the language, builds the
// environment (the facility's or the demo's) and opens the reception window.
#include <string>

#include <wx/app.h>

namespace madoguchi::gui {

class MadoguchiApp : public wxApp {
public:
    bool OnInit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;

private:
    bool demo_ = false;
    bool manager_ = false;  // --manager: open the manager window at start (the 管理 menu entry)
    std::string language_;  // "", "ja" or "en"
};

}  // namespace madoguchi::gui
