#include "gui/demo/demo_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/app/color_scheme.h"
#include "gui/demo/demo_environment.h"
#include "gui/reception/display_text.h"

namespace madoguchi::gui {

DemoPanel::DemoPanel(wxWindow* parent, DemoEnvironment& demo) : wxPanel(parent, wxID_ANY), demo_(demo) {
    SetName("demo_panel");
    SetBackgroundColour(colors::warningLight());
    auto* title = new wxStaticText(this, wxID_ANY, _("Demo"));
    title->SetFont(colors::choiceFont());
    people_ = new wxChoice(this, wxID_ANY);
    people_->SetName("demo_person");
    for (const auto& person : demo.dataset().people()) people_->Append(fromUtf8(person.id + "  " + person.record().name));
    people_->SetSelection(0);
    auto* tap = new wxButton(this, wxID_ANY, _("Tap the card on the reader"));
    tap->SetName("demo_tap_card");
    tap->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { tapCard(); });
    auto* face = new wxButton(this, wxID_ANY, _("Face result from the reader"));
    face->SetName("demo_drop_face");
    face->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dropFaceResult(IdentityMethod::Face); });
    auto* pin = new wxButton(this, wxID_ANY, _("Reader result (PIN)"));
    pin->SetName("demo_drop_pin");
    pin->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { dropFaceResult(IdentityMethod::Pin); });
    status_ = new wxStaticText(this, wxID_ANY, wxString::Format(_("Demo PIN of every card: %s"), kDemoCardPin));
    status_->SetName("demo_status");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(title, 0, wxALIGN_CENTER_VERTICAL | wxALL, 8);
    row->Add(people_, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
    row->Add(tap, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
    row->Add(face, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
    row->Add(pin, 0, wxALIGN_CENTER_VERTICAL | wxALL, 4);
    row->Add(status_, 1, wxALIGN_CENTER_VERTICAL | wxALL, 8);
    SetSizer(row);
}

std::string DemoPanel::selectedPerson() const {
    int selection = people_->GetSelection();
    if (selection < 0) return {};
    return demo_.dataset().people().at(static_cast<std::size_t>(selection)).id;
}

void DemoPanel::selectPerson(const std::string& personId) {
    const auto& people = demo_.dataset().people();
    for (std::size_t i = 0; i < people.size(); ++i)
        if (people[i].id == personId) people_->SetSelection(static_cast<int>(i));
}

void DemoPanel::tapCard() {
    status_->SetLabel(wxString::Format(_("Card of %s placed on the reader (demo PIN %s)"), selectedPerson(), kDemoCardPin));
    demo_.tapCard(selectedPerson());
}

void DemoPanel::dropFaceResult(IdentityMethod method) {
    auto dropped = demo_.dropFaceResult(selectedPerson(), method);
    status_->SetLabel(dropped ? wxString::Format(_("The reader sent a result for %s"), selectedPerson())
                              : domainText(dropped.problem().message));
}

}  // namespace madoguchi::gui
