#pragma once
// マイナ保険証 usage by month: the local estimate beside the official figure the manager enters,
// drawn as bars against the current billing period's 加算 tier lines, with the tier reached
// and the gap to the next one (DOMAIN.md §11).
#include <map>
#include <optional>

#include <wx/panel.h>

#include "domain/manager_reports.h"
#include "domain/ports/clock.h"
#include "domain/rule_tables.h"
#include "domain/staff.h"
#include "storage/staff_accounts.h"
#include "storage/visit_journal.h"

class wxChoice;
class wxSpinCtrlDouble;
class wxStaticText;

namespace madoguchi::gui {

// The bars and tier lines, drawn with wxDC.
class UsageChart : public wxPanel {
public:
    explicit UsageChart(wxWindow* parent);
    void setData(std::map<Date, MonthlyUsage> months, std::optional<BonusTierPeriod> tiers);

private:
    void onPaint();
    std::map<Date, MonthlyUsage> months_;
    std::optional<BonusTierPeriod> tiers_;
};

class UsagePage : public wxPanel {
public:
    static constexpr int kMonthsShown = 12;

    UsagePage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member, const Clock& clock);

    void reload();
    // Permission (EnterOfficialRate) first; 0-10000 basis points.
    Outcome<bool> enterOfficialRate(const Date& month, int basisPoints);
    const std::map<Date, MonthlyUsage>& months() const { return months_; }
    const std::optional<BillingMonthStanding>& standing() const { return standing_; }
    wxString standingText() const;

private:
    void onSaveClicked();

    storage::FacilityJournal& journal_;
    storage::StaffStanding member_;  // the role re-read at every action
    const Clock& clock_;
    std::optional<BonusTierTable> tiers_;
    wxString tierProblem_;
    wxString refused_;  // the role check's answer when the report may not be shown
    std::map<Date, MonthlyUsage> months_;
    std::optional<BillingMonthStanding> standing_;
    UsageChart* chart_ = nullptr;
    wxStaticText* standingLabel_ = nullptr;
    wxChoice* month_ = nullptr;
    wxSpinCtrlDouble* rate_ = nullptr;
    wxStaticText* status_ = nullptr;
};

}  // namespace madoguchi::gui
