#include "gui/medical/medical_info_panel.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/utils.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/app/color_scheme.h"
#include "gui/medical/medical_info_frame.h"
#include "gui/reception/display_text.h"
#include "gui/settings/facility_wording.h"

namespace madoguchi::gui {
namespace {

constexpr int kMonths[] = {1, 3, 6, 12, 24, 36};
constexpr int kDefaultMonthsIndex = 2;  // 6 months, as deployed software asks

bool resultDecided(ReceptionState state) {
    return state == ReceptionState::EligibilityConfirmed || state == ReceptionState::ConfirmingCopay ||
           state == ReceptionState::Completed;
}

const QualificationRecord* consentRecord(const ReceptionSession& session) {
    if (!resultDecided(session.state())) return nullptr;
    const auto& result = session.onlineResult();
    return result && result->results.size() == 1 ? &result->results.front() : nullptr;
}

bool launchViewer(const std::filesystem::path& pdf) { return wxLaunchDefaultApplication(wxString(pdf.wstring())); }

wxString refusalText(const Problem& problem, MedicalInformation kind) {
    if (problem.code == "medical_info.recently_fetched")
        return kind == MedicalInformation::Medication
                   ? _("The medication history of this patient was fetched less than 6 hours ago. Tick "
                       "\"fetch again\" to fetch it anew.")
                   : _("The check-up results of this patient were fetched less than 6 hours ago. Tick "
                       "\"fetch again\" to fetch them anew.");
    if (problem.code == "medical_info.consent_expired") return _("The patient's consent has expired.");
    return domainText(problem.message);
}

}  // namespace

MedicalInfoPanel::MedicalInfoPanel(wxWindow* parent, MedicalInfoServices services, BackgroundWork& work)
    : wxPanel(parent, wxID_ANY), services_(std::move(services)), work_(work), openPdf_(launchViewer) {
    SetName("medical_info_panel");
    SetSizer(new wxBoxSizer(wxVERTICAL));
    Hide();
}

void MedicalInfoPanel::render(const ReceptionSession* session, const std::string& staffId) {
    const QualificationRecord* record = session && services_.folders ? consentRecord(*session) : nullptr;
    const LocalDateTime now = services_.clock->now();
    const FacilityMode mode = services_.facility.mode;
    const bool medication = record && mayOfferFetch(mode, *record, MedicalInformation::Medication, now);
    const bool checkups = record && mayOfferFetch(mode, *record, MedicalInformation::Checkups, now);
    if (medication || checkups)
        patient_ = Patient{*record, session->record().patientId, session->record().visitId, staffId};
    else
        patient_.reset();
    std::tuple<std::string, bool, bool> wanted{session ? session->record().visitId : std::string(), medication, checkups};
    if (wanted == shown_) return;
    shown_ = wanted;
    rebuild(medication, checkups);
}

void MedicalInfoPanel::rebuild(bool medication, bool checkups) {
    Freeze();
    DestroyChildren();
    months_ = nullptr;
    again_ = nullptr;
    asPdf_ = nullptr;
    status_ = nullptr;
    openPdfButton_ = nullptr;
    keptPdf_.clear();
    auto* sizer = GetSizer();
    sizer->Clear();
    if (medication || checkups) {
        const FacilityKind kind = services_.facility.kind;
        auto* title = new wxStaticText(this, wxID_ANY,
                                       facilityWording(kind, N_("Medication and check-ups (with the patient's consent)"),
                                                       N_("Medication and check-ups for dispensing (with the patient's consent)")));
        title->SetFont(title->GetFont().Bold());
        sizer->Add(title, 0, wxALL, 6);
        if (medication) {
            auto* row = new wxBoxSizer(wxHORIZONTAL);
            months_ = new wxChoice(this, wxID_ANY);
            months_->SetName("medication_months");
            for (int months : kMonths) months_->Append(wxString::Format(wxPLURAL("%d month", "%d months", months), months));
            months_->SetSelection(kDefaultMonthsIndex);
            auto* button = new wxButton(this, wxID_ANY, _("Fetch medication history (薬剤情報)"));
            button->SetName("fetch_medication");
            button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { fetch(MedicalInformation::Medication); });
            row->Add(button, 1, wxRIGHT, 6);
            row->Add(months_, 0, wxALIGN_CENTER_VERTICAL);
            sizer->Add(row, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
        }
        if (checkups) {
            auto* button = new wxButton(this, wxID_ANY, _("Fetch check-up results (特定健診)"));
            button->SetName("fetch_checkups");
            button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { fetch(MedicalInformation::Checkups); });
            sizer->Add(button, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
        }
        again_ = new wxCheckBox(this, wxID_ANY, _("Fetch again even if fetched in the last 6 hours"));
        again_->SetName("medical_info_again");
        sizer->Add(again_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
        if (!services_.formsFolder.empty()) {
            asPdf_ = new wxCheckBox(this, wxID_ANY, _("Ask for the terminal's PDF (kept for viewing only)"));
            asPdf_->SetName("medical_info_as_pdf");
            sizer->Add(asPdf_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
        }
        status_ = new wxStaticText(this, wxID_ANY, wxString());
        status_->SetName("medical_info_status");
        sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
        openPdfButton_ = new wxButton(this, wxID_ANY, _("Open the PDF"));
        openPdfButton_->SetName("medical_info_open_pdf");
        openPdfButton_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { openKeptPdf(); });
        openPdfButton_->Hide();
        sizer->Add(openPdfButton_, 0, wxLEFT | wxRIGHT | wxBOTTOM, 6);
    }
    Show(medication || checkups);
    Thaw();
    GetParent()->Layout();
}

void MedicalInfoPanel::setStatus(const wxString& text, bool problem) {
    if (!status_) return;
    status_->SetForegroundColour(problem ? colors::alert() : GetForegroundColour());
    status_->SetLabel(text);
    status_->Wrap(std::max(GetClientSize().GetWidth() - 12, 200));
    Layout();
}

wxString MedicalInfoPanel::status() const { return status_ ? status_->GetLabel() : wxString(); }

MedicalInfoFrame* MedicalInfoPanel::lastView() const { return dynamic_cast<MedicalInfoFrame*>(lastView_.get()); }

void MedicalInfoPanel::fetch(MedicalInformation kind) {
    if (!patient_ || fetching_ || !services_.folders) return;
    MedicalInfoOrder order{kind,
                           patient_->record,
                           services_.facility.mode,
                           patient_->staffId,
                           patient_->patientId,
                           patient_->visitId,
                           months_ ? kMonths[std::max(months_->GetSelection(), 0)] : 6,
                           again_ && again_->GetValue(),
                           asPdf_ && asPdf_->GetValue(),
                           services_.formsFolder};
    fetching_ = true;
    setStatus(_("Asking the terminal… the queue goes on meanwhile."), false);
    work_.run<FetchedMedicalInfo>(
        [folders = *services_.folders, order, journal = services_.journal, clock = services_.clock,
         timeout = services_.timeout](std::stop_token stop) {
            return fetchMedicalInfo(folders, order, *journal, *clock, stop, timeout);
        },
        [this](FetchedMedicalInfo fetched) { onFetched(std::move(fetched)); },
        [this](std::exception_ptr error) {
            fetching_ = false;
            setStatus(wxString::FromUTF8(describeFailure(error)), true);
        });
}

void MedicalInfoPanel::onFetched(FetchedMedicalInfo fetched) {
    fetching_ = false;
    if (fetched.refused) {
        setStatus(refusalText(*fetched.refused, fetched.order.kind), true);
    } else if (!fetched.problem.empty()) {
        setStatus(domainText(fetched.problem), true);
    } else if (fetched.rejected) {
        setStatus(wxString::Format(_("The terminal answered: %s"),
                                   fetched.terminalText.empty() ? _("no reason given") : fromUtf8(fetched.terminalText)),
                  true);
    } else if (fetched.pending) {
        setStatus(wxString::Format(_("No answer yet to %s (not sent again)."), fromUtf8(fetched.requestName)), true);
    } else if (!fetched.pdf.empty()) {
        showKeptPdf(fetched);
    } else {
        setStatus(wxString(), false);
        openView(std::move(fetched));
    }
}

void MedicalInfoPanel::showKeptPdf(const FetchedMedicalInfo& fetched) {
    if (!patient_ || patient_->visitId != fetched.order.visitId) return;  // the window moved on to someone else
    keptPdf_ = fetched.pdf;
    keptPdfOrder_ = fetched.order;
    setStatus(wxString::Format(_("The terminal's PDF is saved at %s (deleted with the other patient PDFs after the "
                                 "retention period)."),
                               wxString(fetched.pdf.wstring())),
              false);
    if (openPdfButton_) openPdfButton_->Show();
    Layout();
    GetParent()->Layout();
}

void MedicalInfoPanel::openKeptPdf() {
    if (keptPdf_.empty()) return;
    const auto& order = keptPdfOrder_;
    services_.journal->audit({services_.clock->now().iso(), order.staffId, medicalInfoAuditAction(order.kind, "view"),
                              order.patientId, order.visitId, keptPdf_.filename().string(), ""});
    if (!openPdf_(keptPdf_)) setStatus(_("No PDF viewer could open the file; it stays in the forms folder."), true);
}

void MedicalInfoPanel::openView(FetchedMedicalInfo fetched) {
    const auto& order = fetched.order;
    services_.journal->audit({services_.clock->now().iso(), order.staffId, medicalInfoAuditAction(order.kind, "view"), order.patientId,
                              order.visitId, fetched.requestName, ""});
    MedicalInfoViewContext context{services_.facility.kind, services_.facility.name, services_.clock, services_.journal,
                                   services_.formsFolder, services_.printerName};
    auto* frame = new MedicalInfoFrame(wxGetTopLevelParent(this), std::move(context), std::move(fetched));
    frame->Show();
    lastView_ = frame;
}

}  // namespace madoguchi::gui
