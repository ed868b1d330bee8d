#include "gui/app/madoguchi_app.h"

#include <wx/cmdline.h>
#include <wx/frame.h>
#include <wx/intl.h>

namespace madoguchi::gui {

void MadoguchiApp::OnInitCmdLine(wxCmdLineParser& parser) {
    wxApp::OnInitCmdLine(parser);
    parser.AddSwitch({}, "demo", _("Start with simulated devices and a throw-away database"));
}

bool MadoguchiApp::OnCmdLineParsed(wxCmdLineParser& parser) {
    demo_ = parser.Found("demo");
    return wxApp::OnCmdLineParsed(parser);
}

bool MadoguchiApp::OnInit() {
    if (!wxApp::OnInit()) return false;
    auto* frame = new wxFrame(nullptr, wxID_ANY, _("Madoguchi"));
    frame->Show();
    return true;
}

}  // namespace madoguchi::gui
