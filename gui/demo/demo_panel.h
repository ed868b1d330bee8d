#pragma once
// The demo's control strip: pick a demo person, "tap" their card on the reader or "drop" the
// certified reader's face/ result for them. Shows the demo PIN and what each person shows off.
#include <string>

#include <wx/panel.h>

#include "domain/visit_record.h"

class wxChoice;
class wxStaticText;

namespace madoguchi::gui {

class DemoEnvironment;

class DemoPanel : public wxPanel {
public:
    DemoPanel(wxWindow* parent, DemoEnvironment& demo);
    void selectPerson(const std::string& personId);
    void tapCard();
    void dropFaceResult(IdentityMethod method);

private:
    std::string selectedPerson() const;
    DemoEnvironment& demo_;
    wxChoice* people_;
    wxStaticText* status_;
};

}  // namespace madoguchi::gui
