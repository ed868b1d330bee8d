#pragma once
// The eligibility panel: who the patient is and what the insurance says, as the session knows
// it now (online result, document, past record or 申立書), with the alerts staff must act on.
#include <wx/panel.h>

#include "domain/facility.h"
#include "domain/reception_session.h"

class wxHtmlWindow;

namespace madoguchi::gui {

class EligibilityPanel : public wxPanel {
public:
    EligibilityPanel(wxWindow* parent, FacilitySettings facility);
    // Renders the session (nullptr: nobody at the window).
    void render(const ReceptionSession* session);
    // The text shown, for tests and screen readers.
    wxString shownText() const;

private:
    void showPage(const wxString& page);  // not wxWindow::Show: sets html_'s page

    FacilitySettings facility_;
    wxHtmlWindow* html_;
    wxString shownPage_;  // the page html_ holds: an unchanged page is not parsed and laid out again
};

// The panel's HTML for a session (exposed for tests).
wxString eligibilityHtml(const ReceptionSession& session, const FacilitySettings& facility);

}  // namespace madoguchi::gui
