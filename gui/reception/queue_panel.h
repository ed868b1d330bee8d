#pragma once
// The queue of arriving patients: face/ results and card taps, oldest first, the newest marked.
#include <functional>
#include <vector>

#include <wx/panel.h>

#include "gui/reception/arrival.h"

class wxListCtrl;
class wxListEvent;

namespace madoguchi::gui {

class QueuePanel : public wxPanel {
public:
    explicit QueuePanel(wxWindow* parent);
    // Called when staff open an arrival (double-click or Enter on a row).
    void onOpen(std::function<void(int number)> open) { open_ = std::move(open); }
    // Shows the arrivals (the frame owns them).
    void render(const std::vector<Arrival>& arrivals);
    int rowCount() const;
    wxString rowText(int row, int column) const;

private:
    void activated(wxListEvent& event);

    wxListCtrl* list_;
    std::vector<int> numbers_;  // arrival number per row
    std::function<void(int)> open_;
};

}  // namespace madoguchi::gui
