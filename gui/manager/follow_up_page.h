#pragma once
// Visits claimed on a past eligibility (OLD) or none (UNKNOWN), oldest first, until a later
// check re-tags them. Re-tagging records who, why and the evidence; the role is checked first.
#include <string>
#include <vector>

#include <wx/panel.h>

#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/visit_journal.h"

class wxListCtrl;
class wxStaticText;

namespace madoguchi::gui {

class FollowUpPage : public wxPanel {
public:
    FollowUpPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock);

    void reload();
    const std::vector<VisitSummary>& visits() const { return visits_; }
    wxListCtrl* list() const { return list_; }
    // Permission (RetagClaim) first, then the journal: a reason is required, history is kept.
    Outcome<bool> retag(const std::string& visitId, ClaimRoute to, const std::string& reason,
                        const std::string& evidence);

private:
    void onRetagClicked();

    storage::FacilityJournal& journal_;
    StaffMember member_;
    const Clock& clock_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* status_ = nullptr;
    std::vector<VisitSummary> visits_;
};

}  // namespace madoguchi::gui
