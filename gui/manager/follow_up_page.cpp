#include "gui/manager/follow_up_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/gauge.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <variant>

#include "domain/manager_desk.h"
#include "gui/app/background_work.h"
#include "gui/reception/display_text.h"
#include "gui/manager/report_labels.h"
#include "gui/settings/language.h"

namespace madoguchi::gui {
namespace {

wxString utf8(std::string_view text) { return wxString::FromUTF8(text.data(), text.size()); }

// Asks for the new claim route, the reason and the evidence of a re-tag.
class RetagDialog : public wxDialog {
public:
    RetagDialog(wxWindow* parent, const VisitSummary& visit)
        : wxDialog(parent, wxID_ANY, _("Re-tag the claim"), wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    wxString::Format(_("Visit %s on %s: %s"), utf8(visit.visitId), utf8(visit.date.iso()),
                                                     utf8(visit.patientName))),
                   0, wxALL, 10);
        auto* grid = new wxFlexGridSizer(2, 8, 8);
        grid->AddGrowableCol(1);
        route_ = new wxChoice(this, wxID_ANY);
        route_->Append(claimRouteLabel("current"));
        route_->Append(claimRouteLabel("old"));
        route_->SetSelection(0);
        reason_ = new wxTextCtrl(this, wxID_ANY);
        reason_->SetHint(_("e.g. a later online check found the current insurance"));
        evidence_ = new wxTextCtrl(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxSize(420, 80), wxTE_MULTILINE);
        evidence_->SetHint(_("What shows it: the later check's date, the document seen…"));
        grid->Add(new wxStaticText(this, wxID_ANY, _("Claim on")), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(route_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Why")), 0, wxALIGN_CENTER_VERTICAL);
        grid->Add(reason_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Evidence")), 0, wxALIGN_TOP);
        grid->Add(evidence_, 1, wxEXPAND);
        sizer->Add(grid, 1, wxEXPAND | wxLEFT | wxRIGHT, 10);
        sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, 10);
        SetSizerAndFit(sizer);
    }
    ClaimRoute route() const { return route_->GetSelection() == 1 ? ClaimRoute::Old : ClaimRoute::Current; }
    std::string reason() const { return reason_->GetValue().utf8_string(); }
    std::string evidence() const { return evidence_->GetValue().utf8_string(); }

private:
    wxChoice* route_ = nullptr;
    wxTextCtrl* reason_ = nullptr;
    wxTextCtrl* evidence_ = nullptr;
};

}  // namespace

FollowUpPage::FollowUpPage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member,
                           const Clock& clock, BulkRecheckTerminal terminal)
    : wxPanel(parent), journal_(journal), member_(journal.database(), member), clock_(clock), terminal_(std::move(terminal)),
      work_(std::make_unique<BackgroundWork>(*this)) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                _("Visits claimed on a past eligibility or as unknown, oldest first. Re-tag one when "
                                  "a later check finds the current eligibility.")),
               0, wxALL, 8);
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    int column = 0;
    for (const auto& [title, width] : std::initializer_list<std::pair<wxString, int>>{
             {_("Date"), 100}, {_("Patient"), 150}, {_("Claim"), 170}, {_("Eligibility from"), 230},
             {_("Online result"), 170}, {_("Visit ID"), 130}, {_("摘要欄 (for the レセコン)"), 520}})
        list_->InsertColumn(column++, title, wxLIST_FORMAT_LEFT, width);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* retagButton = new wxButton(this, wxID_ANY, _("Re-tag…"));
    buttons->Add(retagButton, 0, wxRIGHT, 12);
    recheckButton_ = new wxButton(this, wxID_ANY, _("Re-check all OLD / UNKNOWN visits"));
    recheckButton_->SetName("recheck_all");
    recheckButton_->Enable(bool(terminal_));
    buttons->Add(recheckButton_, 0, wxRIGHT, 12);
    progress_ = new wxGauge(this, wxID_ANY, static_cast<int>(RecheckStage::Done), wxDefaultPosition, wxSize(160, -1));
    progress_->SetName("recheck_progress");
    progress_->Hide();
    buttons->Add(progress_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 12);
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    buttons->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    retagButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onRetagClicked(); });
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { onRetagClicked(); });
    recheckButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { startRecheck(); });
    reload();
}

FollowUpPage::~FollowUpPage() { work_->stopAll(); }  // before the journal and the clock it uses go

wxString FollowUpPage::statusText() const { return status_->GetLabel(); }

namespace {

// What a running re-check tells the worker's watcher: a stage began, or it is over.
using RecheckUpdate = std::variant<RecheckProgress, Outcome<RecheckReport>>;

wxString recheckStageText(const RecheckProgress& progress) {
    switch (progress.stage) {
        case RecheckStage::ReadingList: return _("Reading the visits to follow up…");
        case RecheckStage::Asking:
            return wxString::Format(_("Asking the online system about %zu of %zu visits (bulk 照会)…"), progress.asked,
                                    progress.visits);
        case RecheckStage::Matching: return _("Matching the answers to the visits…");
        case RecheckStage::Applying:
            return wxString::Format(_("Re-tagging %zu confirmed visits…"), progress.confirmed);
        case RecheckStage::Done: break;
    }
    return wxEmptyString;
}

}  // namespace

void FollowUpPage::startRecheck() {
    if (recheckRunning_ || !terminal_) return;
    if (auto allowed = requirePermission(member_.now(), Permission::RetagClaim); !allowed) {
        status_->SetLabel(utf8(translated(allowed.problem().message)));
        return;
    }
    recheckRunning_ = true;
    recheckButton_->Disable();
    recheckHeard(RecheckProgress{});
    // Its own connection: the GUI thread's reads never wait for the re-tagging transaction.
    work_->watch<RecheckUpdate>(
        [this, terminal = terminal_, member = member_.now()](std::stop_token stop,
                                                             const std::function<void(RecheckUpdate)>& emit) {
            const auto journal = journal_.anotherConnection();
            auto check = terminal(stop);
            emit(recheckFollowUps(member, *journal, *check, *journal, clock_.now(),
                                  [&emit](const RecheckProgress& progress) { emit(progress); }));
        },
        [this](RecheckUpdate update) {
            if (const auto* progress = std::get_if<RecheckProgress>(&update)) recheckHeard(*progress);
            else recheckDone(std::get<Outcome<RecheckReport>>(update));
        },
        [this](std::exception_ptr error) { recheckDone(Problem{"gui.recheck_failed", describeFailure(error)}); });
}

void FollowUpPage::recheckHeard(const RecheckProgress& progress) {
    if (!recheckRunning_) return;
    progress_->SetValue(static_cast<int>(progress.stage));
    progress_->Show();
    status_->SetLabel(recheckStageText(progress));
    Layout();
}

void FollowUpPage::recheckDone(const Outcome<RecheckReport>& report) {
    recheckRunning_ = false;
    recheckButton_->Enable();
    progress_->Hide();
    reload();
    if (!report) {
        status_->SetLabel(wxString::Format(_("The re-check failed: %s"), domainText(report.problem().message)));
        Layout();
        return;
    }
    status_->SetLabel(wxString::Format(_("Re-checked %zu visits: %d now CURRENT, %zu still to follow up"),
                                       report.value().visits.size(), report.value().count(RecheckVerdict::Retagged),
                                       visits_.size()));
    Layout();  // the status line grew
}

void FollowUpPage::showUnavailable(const wxString& why) {
    list_->DeleteAllItems();
    visits_.clear();
    status_->SetLabel(journalUnreadableText(journal_.location()) + " " + why);
}

void FollowUpPage::reload() {
    for (int attempt = 0;; ++attempt) {
        try {
            show(read(journal_, member_, clock_, patientsRead_));
            return;
        } catch (const storage::StorageError& error) {
            // a connection the server dropped fails once, then is re-opened: try once more
            if (attempt == 0 && error.transient()) continue;
            showUnavailable(wxString::FromUTF8(error.what()));
            return;
        }
    }
}

void FollowUpPage::refresh() {
    if (!live_.start()) return;
    work_->run<ListRead>(
        [this, alreadyRead = patientsRead_](std::stop_token) {
            return readOverOwnConnection(reader_, journal_, [&](storage::FacilityJournal& reader) {
                return read(reader, member_.on(reader.database()), clock_, alreadyRead);
            });
        },
        [this](ListRead listed) {
            show(std::move(listed));
            if (live_.shown()) refresh();  // more visits came while reading: one more read for all of them
        },
        [this](std::exception_ptr error) {
            live_.failed();
            showUnavailable(wxString::FromUTF8(describeFailure(error)));
        });
}

FollowUpPage::ListRead FollowUpPage::read(storage::FacilityJournal& journal, const storage::StaffStanding& member,
                                          const Clock& clock, const std::set<std::string>& alreadyRead) {
    ListRead listed{followUpList(member.now(), journal), {}};
    if (!listed.visits) return listed;
    std::set<std::string_view> audited;
    for (const VisitSummary& v : listed.visits.value())
        if (!v.patientId.empty() && audited.insert(v.patientId).second && !alreadyRead.contains(std::string(v.patientId)))
            listed.audited.emplace_back(v.patientId);
    if (!listed.audited.empty()) journal.recordReads(member.id(), listed.audited, "manager follow-up list", clock.now());
    return listed;
}

void FollowUpPage::show(ListRead listed) {
    const long selectedRow = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const std::string selected =
        selectedRow < 0 || static_cast<std::size_t>(selectedRow) >= visits_.size() ? std::string()
                                                                                   : std::string(visits_[static_cast<std::size_t>(selectedRow)].visitId);
    patientsRead_.insert(listed.audited.begin(), listed.audited.end());
    list_->DeleteAllItems();
    if (!listed.visits) {
        visits_.clear();
        status_->SetLabel(utf8(translated(listed.visits.problem().message)));
        return;
    }
    visits_ = std::move(listed.visits).value();
    for (const VisitSummary& v : visits_) {
        long row = list_->InsertItem(list_->GetItemCount(), utf8(v.date.iso()));
        list_->SetItem(row, 1, utf8(v.patientName.empty() ? v.patientId : v.patientName));
        list_->SetItem(row, 2, claimRouteLabel(v.claimRoute));
        list_->SetItem(row, 3, sourceLabel(v.source));
        list_->SetItem(row, 4, validityLabel(v.validity));
        list_->SetItem(row, 5, utf8(v.visitId));
        list_->SetItem(row, 6, utf8(v.claimRemarks));
        if (!selected.empty() && v.visitId == selected) list_->SetItemState(row, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }
    status_->SetLabel(wxString::Format(_("%zu visits to follow up"), visits_.size()));
}

Outcome<bool> FollowUpPage::retag(const std::string& visitId, ClaimRoute to, const std::string& reason,
                                  const std::string& evidence) {
    auto done = retagClaim(member_.now(), journal_, Retag{visitId, to, member_.id(), reason, evidence, clock_.now()});
    if (done) reload();
    return done;
}

void FollowUpPage::onRetagClicked() {
    if (auto allowed = requirePermission(member_.now(), Permission::RetagClaim); !allowed) {
        wxMessageBox(utf8(translated(allowed.problem().message)), _("Re-tag the claim"), wxOK | wxICON_WARNING, this);
        return;
    }
    long selected = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    if (selected < 0 || static_cast<std::size_t>(selected) >= visits_.size()) {
        status_->SetLabel(_("Choose a visit in the list first."));
        return;
    }
    RetagDialog dialog(this, visits_[static_cast<std::size_t>(selected)]);
    if (dialog.ShowModal() != wxID_OK) return;
    auto done = retag(std::string(visits_[static_cast<std::size_t>(selected)].visitId), dialog.route(), dialog.reason(),
                      dialog.evidence());
    if (!done)
        wxMessageBox(utf8(translated(done.problem().message)), _("Re-tag the claim"), wxOK | wxICON_WARNING, this);
}

}  // namespace madoguchi::gui
