#pragma once
// The daily log: one day's counts (identity method, eligibility source, validity, fallbacks,
// 申立書, copay total, claim routes, 10割 with reasons) and the day's visits. Showing a day
// records who read which patients' visits in the audit trail.
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <wx/panel.h>

#include "domain/manager_desk.h"
#include "domain/manager_reports.h"
#include "domain/ports/clock.h"
#include "domain/staff.h"
#include "storage/staff_accounts.h"
#include "gui/manager/live_refresh.h"
#include "storage/visit_journal.h"

class wxDatePickerCtrl;
class wxListCtrl;

namespace madoguchi::gui {

class BackgroundWork;

class DailyLogPage : public wxPanel {
public:
    DailyLogPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock);
    ~DailyLogPage() override;

    void showDay(const Date& date);
    // The shown day again (another window recorded a visit), read on a worker thread over a
    // connection of the page's own: the selected visit stays selected, and only patients not
    // shown before on this day are audited as read. Asked again while a read runs, it reads once
    // more when that one is done (notices coalesce).
    void refresh();
    bool refreshing() const { return live_.running(); }
    int refreshesShown() const { return live_.shownCount(); }  // background reads shown so far
    // The journal cannot be read (the site server unreachable): nothing stale stays on screen.
    void showUnavailable(const wxString& why);
    std::string selectedVisitId() const;
    const DailyLog& log() const { return log_; }
    // The summary table as shown: (what, value) per row, in order.
    std::vector<std::pair<wxString, wxString>> summaryRows() const;
    wxListCtrl* visitList() const { return visits_; }

    // What one read of a day brings: the report (or why not) and the patients it audited.
    struct DayRead {
        Date date;
        Outcome<DailyReport> report;
        std::vector<std::string> audited;
    };

private:
    // `today` is read from the clock once, so the picker and the log agree across midnight.
    DailyLogPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock,
                 const Date& today);
    void addSummary(const wxString& what, const wxString& value);
    // Reads the day and audits the patients not in `alreadyRead` (one commit); throws StorageError.
    static DayRead read(storage::FacilityJournal& journal, const storage::StaffStanding& member, const Clock& clock,
                        const Date& date, const std::set<std::string>& alreadyRead);
    void show(DayRead day);
    void refreshDone(DayRead day);

    storage::FacilityJournal& journal_;
    storage::StaffStanding member_;  // the role re-read at every action
    const Clock& clock_;
    wxDatePickerCtrl* date_ = nullptr;
    wxListCtrl* summary_ = nullptr;
    wxListCtrl* visits_ = nullptr;
    DailyLog log_;
    Date shown_;
    std::vector<std::string> visitIds_;          // per row of visits_
    std::set<std::string> patientsRead_;         // of the shown day, already audited
    LiveRefresh live_;
    std::unique_ptr<storage::FacilityJournal> reader_;  // the workers' connection, opened on first use
    std::unique_ptr<BackgroundWork> work_;               // last: stopped first
};

}  // namespace madoguchi::gui
