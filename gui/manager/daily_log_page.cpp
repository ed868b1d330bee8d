#include "gui/manager/daily_log_page.h"

#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "domain/manager_desk.h"
#include "gui/app/background_work.h"
#include "gui/manager/report_labels.h"
#include "gui/manager/wx_dates.h"
#include "gui/settings/language.h"

namespace madoguchi::gui {
namespace {

wxString utf8(std::string_view text) { return wxString::FromUTF8(text.data(), text.size()); }
wxString count(int n) { return wxString::Format("%d", n); }

void addColumns(wxListCtrl* list, std::initializer_list<std::pair<wxString, int>> columns) {
    int index = 0;
    for (const auto& [title, width] : columns) list->InsertColumn(index++, title, wxLIST_FORMAT_LEFT, width);
}

}  // namespace

DailyLogPage::DailyLogPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member,
                           const Clock& clock)
    : DailyLogPage(parent, journal, member, clock, clock.now().date) {}

DailyLogPage::DailyLogPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member,
                           const Clock& clock, const Date& today)
    : wxPanel(parent), journal_(journal), member_(journal.database(), member), clock_(clock), log_{summarizeDay(today, {})},
      shown_(today), work_(std::make_unique<BackgroundWork>(*this)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(new wxStaticText(this, wxID_ANY, _("Day")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 8);
    date_ = new wxDatePickerCtrl(this, wxID_ANY, toWxDate(today));
    top->Add(date_, 0, wxALIGN_CENTER_VERTICAL);
    sizer->Add(top, 0, wxALL, 8);

    summary_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 260), wxLC_REPORT | wxLC_SINGLE_SEL);
    addColumns(summary_, {{_("What"), 360}, {_("Value"), 420}});
    sizer->Add(summary_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);

    sizer->Add(new wxStaticText(this, wxID_ANY, _("Visits of the day")), 0, wxALL, 8);
    visits_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxSize(-1, 200), wxLC_REPORT | wxLC_SINGLE_SEL);
    addColumns(visits_, {{_("Time"), 70},
                         {_("Patient"), 140},
                         {_("Identity check"), 130},
                         {_("Eligibility from"), 220},
                         {_("Online result"), 120},
                         {_("Claim"), 150},
                         {_("Share"), 60},
                         {_("Copay"), 90},
                         {_("Why 100%"), 200},
                         {_("Window"), 110}});
    sizer->Add(visits_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 8);
    SetSizer(sizer);

    date_->Bind(wxEVT_DATE_CHANGED, [this](wxDateEvent& event) { showDay(fromWxDate(event.GetDate())); });
    showDay(today);
}

DailyLogPage::~DailyLogPage() { work_->stopAll(); }  // before the reader connection goes

void DailyLogPage::addSummary(const wxString& what, const wxString& value) {
    long row = summary_->InsertItem(summary_->GetItemCount(), what);
    summary_->SetItem(row, 1, value);
}

void DailyLogPage::showDay(const Date& date) {
    if (!(date == shown_)) patientsRead_.clear();
    shown_ = date;
    date_->SetValue(toWxDate(date));
    for (int attempt = 0;; ++attempt) {
        try {
            show(read(journal_, member_, clock_, date, patientsRead_));
            return;
        } catch (const storage::StorageError& error) {
            // a connection the server dropped fails once, then is re-opened: try once more
            if (attempt == 0 && error.transient()) continue;
            showUnavailable(wxString::FromUTF8(error.what()));
            return;
        }
    }
}

void DailyLogPage::refresh() {
    if (!live_.start()) return;
    work_->run<DayRead>(
        [this, date = shown_, alreadyRead = patientsRead_](std::stop_token) {
            return readOverOwnConnection(reader_, journal_, [&](storage::FacilityJournal& reader) {
                return read(reader, member_.on(reader.database()), clock_, date, alreadyRead);
            });
        },
        [this](DayRead day) { refreshDone(std::move(day)); },
        [this](std::exception_ptr error) {
            live_.failed();
            showUnavailable(wxString::FromUTF8(describeFailure(error)));
        });
}

void DailyLogPage::refreshDone(DayRead day) {
    if (day.date == shown_) {  // else the staff chose another day meanwhile, shown already
        const std::string selected = selectedVisitId();
        show(std::move(day));
        for (std::size_t row = 0; row < visitIds_.size(); ++row)
            if (!selected.empty() && visitIds_[row] == selected)
                visits_->SetItemState(static_cast<long>(row), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    if (live_.shown()) refresh();  // more visits came while reading: one more read for all of them
}

std::string DailyLogPage::selectedVisitId() const {
    const long row = visits_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    return row < 0 || static_cast<std::size_t>(row) >= visitIds_.size() ? std::string()
                                                                       : visitIds_[static_cast<std::size_t>(row)];
}

void DailyLogPage::showUnavailable(const wxString& why) {
    summary_->DeleteAllItems();
    visits_->DeleteAllItems();
    visitIds_.clear();
    log_ = summarizeDay(shown_, {});
    addSummary(_("Not shown"), journalUnreadableText(journal_.location()) + " " + why);
}

DailyLogPage::DayRead DailyLogPage::read(storage::FacilityJournal& journal, const storage::StaffStanding& member,
                                          const Clock& clock, const Date& date, const std::set<std::string>& alreadyRead) {
    DayRead day{date, dailyReport(member.now(), journal, date), {}};  // the role check first, as the CLI
    if (!day.report) return day;
    std::set<std::string_view> audited;
    for (const VisitSummary& v : day.report.value().visits)
        if (!v.patientId.empty() && audited.insert(v.patientId).second && !alreadyRead.contains(std::string(v.patientId)))
            day.audited.emplace_back(v.patientId);
    if (!day.audited.empty()) journal.recordReads(member.id(), day.audited, "manager daily log " + date.iso(), clock.now());
    return day;
}

void DailyLogPage::show(DayRead day) {
    summary_->DeleteAllItems();
    visits_->DeleteAllItems();
    visitIds_.clear();
    patientsRead_.insert(day.audited.begin(), day.audited.end());
    if (!day.report) {
        log_ = summarizeDay(day.date, {});
        addSummary(_("Not shown"), wxString::FromUTF8(translated(day.report.problem().message)));
        return;
    }
    log_ = day.report.value().log;
    const VisitList& visits = day.report.value().visits;
    addSummary(_("Visits"), count(log_.visits));
    addSummary(_("Cancelled"), count(log_.cancelled));
    addSummary(_("Fallback path (not the online check)"), count(log_.fallbacks));
    addSummary(_("被保険者資格申立書"), count(log_.selfDeclarations));
    addSummary(_("Copay collected"), yenAmountText(log_.copayTotalYen));
    for (const auto& [name, n] : log_.byIdentityMethod)
        addSummary(_("Identity check:") + " " + identityMethodLabel(name), count(n));
    for (const auto& [name, n] : log_.bySource) addSummary(_("Eligibility from:") + " " + sourceLabel(name), count(n));
    for (const auto& [code, n] : log_.byValidity) addSummary(_("Online result:") + " " + validityLabel(code), count(n));
    for (const auto& [name, n] : log_.byClaimRoute) addSummary(_("Claim:") + " " + claimRouteLabel(name), count(n));
    addSummary(_("100% charges"), count(static_cast<int>(log_.fullCharges.size())));
    for (const auto& [visitId, reason] : log_.fullCharges)
        addSummary(wxString::Format(_("100%% charge, visit %s"), utf8(visitId)), utf8(reason));
    addSummary(_("Shares corrected by staff"), count(static_cast<int>(log_.shareCorrections.size())));
    for (const auto& c : log_.shareCorrections)
        addSummary(wxString::Format(_("Share corrected, visit %s"), utf8(c.visitId)),
                   (c.decidedTenths ? wxString::Format(wxString::FromUTF8("%d割 → "), c.decidedTenths) : wxString()) +
                       wxString::Format(wxString::FromUTF8("%d割: "), c.chosenTenths) + utf8(c.reason));

    for (const VisitSummary& v : visits) {
        visitIds_.emplace_back(v.visitId);
        long row = visits_->InsertItem(visits_->GetItemCount(), utf8(v.startedAt.size() >= 16 ? v.startedAt.substr(11, 5) : v.startedAt));
        visits_->SetItem(row, 1, utf8(v.patientName.empty() ? v.patientId : v.patientName));
        visits_->SetItem(row, 2, identityMethodLabel(v.identityMethod));
        visits_->SetItem(row, 3, sourceLabel(v.source));
        visits_->SetItem(row, 4, validityLabel(v.validity));
        visits_->SetItem(row, 5, v.cancelled ? _("Cancelled") : claimRouteLabel(v.claimRoute));
        visits_->SetItem(row, 6, wxString::Format(wxString::FromUTF8("%d割"), v.shareTenths));
        visits_->SetItem(row, 7, v.copayYen ? yenAmountText(*v.copayYen) : wxString());
        visits_->SetItem(row, 8, utf8(v.fullChargeReason));
        visits_->SetItem(row, 9, utf8(v.window));
    }
}

std::vector<std::pair<wxString, wxString>> DailyLogPage::summaryRows() const {
    std::vector<std::pair<wxString, wxString>> rows;
    for (long row = 0; row < summary_->GetItemCount(); ++row)
        rows.emplace_back(summary_->GetItemText(row, 0), summary_->GetItemText(row, 1));
    return rows;
}

}  // namespace madoguchi::gui
