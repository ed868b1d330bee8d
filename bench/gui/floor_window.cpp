// bench_floor_window: the floor for the window's cold start and idle footprint — a bare wxWidgets
// frame of the reception window's size with one Japanese label (so the CJK fonts load, as they do
// for the window), started as `madoguchi` starts (gui/app/gtk_start.h, UTF-8 C library locale). With
// MADOGUCHI_BENCH_FIRST_PAINT set it prints "first-paint" at its first paint and quits, as
// `madoguchi` does; without, it stays open (bench_gui reads its idle memory).
#include <cstdlib>
#include <iostream>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/panel.h>
#include <wx/stattext.h>

#include "gui/app/gtk_start.h"
#include "gui/app/utf8_locale.h"

namespace {

class FloorApp : public wxApp {
public:
    bool OnInit() override {
        if (!wxApp::OnInit()) return false;
        auto* frame = new wxFrame(nullptr, wxID_ANY, "Madoguchi floor", wxDefaultPosition, wxSize(1270, 820));
        auto* panel = new wxPanel(frame);
        new wxStaticText(panel, wxID_ANY, wxString::FromUTF8("窓口 — 次の患者さんを待っています"), wxPoint(24, 24));
        if (const char* bench = std::getenv("MADOGUCHI_BENCH_FIRST_PAINT"); bench && *bench) {
            panel->Bind(wxEVT_PAINT, [this, frame](wxPaintEvent& event) {
                event.Skip();
                if (painted_) return;
                painted_ = true;
                frame->CallAfter([frame] {
                    std::cout << "first-paint" << std::endl;
                    frame->Close(true);
                });
            });
        }
        frame->Show();
        return true;
    }

private:
    bool painted_ = false;
};

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(FloorApp);

int main(int argc, char** argv) {
    madoguchi::gui::ensureUtf8CharacterSet();
    madoguchi::gui::prepareGtkStart();
    return wxEntry(argc, argv);
}
