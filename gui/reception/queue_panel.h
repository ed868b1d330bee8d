#pragma once
// The queue of arriving patients: face/ results and card taps, oldest first, the newest marked.
#include <functional>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "gui/reception/arrival.h"

class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace madoguchi::gui {

class QueuePanel : public wxPanel {
public:
    // windowName: this window's name on the site (settings window_name, else the host name),
    // shown in the title so staff at a site's several windows see which queue this is.
    explicit QueuePanel(wxWindow* parent, const std::string& windowName = {});
    wxString titleText() const;
    // Called when staff open an arrival (double-click or Enter on a row).
    void onOpen(std::function<void(int number)> open) { open_ = std::move(open); }
    // Shows the arrivals (the frame owns them).
    void render(const std::vector<Arrival>& arrivals);
    int rowCount() const;
    wxString rowText(int row, int column) const;

private:
    void activated(wxListEvent& event);

    wxListCtrl* list_;
    wxStaticText* title_;
    std::vector<int> numbers_;  // arrival number per row
    std::function<void(int)> open_;
};

}  // namespace madoguchi::gui
