#pragma once
// Visits claimed on a past eligibility (OLD) or none (UNKNOWN), oldest first, until a later
// check re-tags them. Re-tagging records who, why and the evidence; the role is checked first.
// "Re-check all" sends every one of them to the terminal in one bulk 照会, in the background
// over a journal connection of its own, and re-tags the confirmed ones in one transaction
// (domain/follow_up_recheck.h); a progress bar shows its stage meanwhile.
#include <functional>
#include <memory>
#include <set>
#include <stop_token>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "domain/follow_up_recheck.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/staff_accounts.h"
#include "gui/manager/live_refresh.h"
#include "storage/visit_journal.h"

class wxButton;
class wxGauge;
class wxListCtrl;
class wxStaticText;

namespace madoguchi::gui {

class BackgroundWork;

// Makes the terminal's bulk 照会 for one re-check (it gives up when the token is stopped).
using BulkRecheckTerminal = std::function<std::unique_ptr<BulkEligibilityCheck>(std::stop_token)>;

class FollowUpPage : public wxPanel {
public:
    // Without a terminal the re-check button is disabled.
    FollowUpPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock,
                 BulkRecheckTerminal terminal = {});
    ~FollowUpPage() override;

    // The list again; the selected visit stays selected, only patients not listed before are
    // audited as read. A journal that cannot be read clears the list (showUnavailable).
    void reload();
    // The same read on a worker thread over a connection of the page's own (another window
    // recorded a visit); asked again while a read runs, it reads once more when that one is done.
    void refresh();
    bool refreshing() const { return live_.running(); }
    int refreshesShown() const { return live_.shownCount(); }  // background reads shown so far
    void showUnavailable(const wxString& why);
    const VisitList& visits() const { return visits_; }
    wxListCtrl* list() const { return list_; }
    // Permission (RetagClaim) first, then the journal: a reason is required, history is kept.
    Outcome<bool> retag(const std::string& visitId, ClaimRoute to, const std::string& reason,
                        const std::string& evidence);

    // The bulk re-check in the background; the status line says how it went, the list reloads.
    void startRecheck();
    bool recheckRunning() const { return recheckRunning_; }
    wxString statusText() const;
    wxGauge* recheckProgress() const { return progress_; }  // shown while a re-check runs

    // What one read of the list brings: the visits (or why not) and the patients it audited.
    struct ListRead {
        Outcome<VisitList> visits;
        std::vector<std::string> audited;
    };

private:
    void onRetagClicked();
    // Reads the list and audits the patients not in `alreadyRead` (one commit); throws StorageError.
    static ListRead read(storage::FacilityJournal& journal, const storage::StaffStanding& member, const Clock& clock,
                         const std::set<std::string>& alreadyRead);
    void show(ListRead listed);  // the selected visit stays selected
    void recheckHeard(const RecheckProgress& progress);  // a stage began
    void recheckDone(const Outcome<RecheckReport>& report);

    storage::FacilityJournal& journal_;
    storage::StaffStanding member_;  // the role re-read at every action
    const Clock& clock_;
    wxListCtrl* list_ = nullptr;
    wxStaticText* status_ = nullptr;
    VisitList visits_;
    std::set<std::string> patientsRead_;  // already audited by this page
    BulkRecheckTerminal terminal_;
    wxButton* recheckButton_ = nullptr;
    wxGauge* progress_ = nullptr;
    bool recheckRunning_ = false;
    LiveRefresh live_;
    std::unique_ptr<storage::FacilityJournal> reader_;  // the workers' connection, opened on first use
    std::unique_ptr<BackgroundWork> work_;               // last: stopped first
};

}  // namespace madoguchi::gui
