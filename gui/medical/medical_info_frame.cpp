#include "gui/medical/medical_info_frame.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/forms/a4_pdf.h"
#include "gui/reception/display_text.h"
#include "storage/private_files.h"
#include "storage/self_declaration_archive.h"

namespace madoguchi::gui {
namespace {

constexpr int kPeriods[] = {0, 1, 3, 6, 12};  // months; 0: all

wxString periodLabel(int months) {
    return months == 0 ? _("Every month fetched") : wxString::Format(wxPLURAL("Last %d month", "Last %d months", months), months);
}

}  // namespace

MedicalInfoFrame::MedicalInfoFrame(wxWindow* parent, MedicalInfoViewContext context, FetchedMedicalInfo fetched)
    : wxFrame(parent, wxID_ANY, wxString(), wxDefaultPosition, wxSize(980, 860)),
      context_(std::move(context)),
      fetched_(std::move(fetched)) {
    SetName(fetched_.medication ? "medication_view" : "checkup_view");
    SetTitle(title());
    auto* body = new wxPanel(this, wxID_ANY);
    auto* rows = new wxBoxSizer(wxVERTICAL);
    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    if (fetched_.medication) {
        institution_ = new wxChoice(body, wxID_ANY);
        institution_->SetName("medication_institution");
        institution_->Append(_("Every institution"));
        institutionKeys_.push_back({});
        for (const auto& [key, name] : institutionsOf(fetched_.medication->history)) {
            institution_->Append(fromUtf8(name));
            institutionKeys_.push_back(key);
        }
        institution_->SetSelection(0);
        period_ = new wxChoice(body, wxID_ANY);
        period_->SetName("medication_period");
        for (int months : kPeriods) period_->Append(periodLabel(months));
        period_->SetSelection(0);
        auto changed = [this](wxCommandEvent&) {
            filterBy(institutionKeys_.at(static_cast<std::size_t>(institution_->GetSelection())),
                     kPeriods[period_->GetSelection()]);
        };
        institution_->Bind(wxEVT_CHOICE, changed);
        period_->Bind(wxEVT_CHOICE, changed);
        bar->Add(new wxStaticText(body, wxID_ANY, _("Institution")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        bar->Add(institution_, 0, wxRIGHT, 16);
        bar->Add(new wxStaticText(body, wxID_ANY, _("Period")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
        bar->Add(period_, 0, wxRIGHT, 16);
    }
    bar->AddStretchSpacer();
    auto* print = new wxButton(body, wxID_ANY, _("Print…"));
    print->SetName("medical_info_print");
    print->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { this->print(); });
    bar->Add(print, 0, wxRIGHT, 6);
    if (!context_.formsFolder.empty()) {
        auto* save = new wxButton(body, wxID_ANY, _("Save as PDF"));
        save->SetName("medical_info_save_pdf");
        save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
            auto saved = savePdf();
            SetStatusText(saved ? wxString::Format(_("Saved as %s"), saved.value().string())
                                : domainText(saved.problem().message));
        });
        bar->Add(save, 0);
    }
    rows->Add(bar, 0, wxEXPAND | wxALL, 8);
    view_ = new wxHtmlWindow(body, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    view_->SetName("medical_info_html");
    view_->SetStandardFonts(12);
    rows->Add(view_, 1, wxEXPAND);
    body->SetSizer(rows);
    CreateStatusBar();
    render();
}

wxString MedicalInfoFrame::title() const {
    return fetched_.medication ? medicationTitle(context_.kind) : checkupTitle(context_.kind);
}

void MedicalInfoFrame::render() {
    html_ = fetched_.medication
                ? medicationHtml(fetched_.medication->history, filter_, context_.kind, context_.clock->now().date)
                : checkupHtml(fetched_.checkups->history, context_.kind);
    view_->SetPage(html_);
}

wxString MedicalInfoFrame::shownText() const { return view_->ToText(); }

void MedicalInfoFrame::filterBy(const std::string& institutionKey, int months) {
    filter_ = {institutionKey, months};
    render();
}

void MedicalInfoFrame::audit(const std::string& what, const std::string& detail) {
    const auto& order = fetched_.order;
    context_.journal->audit({context_.clock->now().iso(), order.staffId, medicalInfoAuditAction(order.kind, what),
                             order.patientId, order.visitId, detail, ""});
}

PageFooter MedicalInfoFrame::footer() const { return {context_.facilityName, context_.clock->now().date}; }

Outcome<std::filesystem::path> MedicalInfoFrame::savePdf() {
    storage::makePrivateFolder(context_.formsFolder);
    const auto path = context_.formsFolder / storage::patientPdfFileName(fetched_.order.visitId,
                                                                         medicalInformationName(fetched_.order.kind),
                                                                         context_.clock->now().date);
    auto written = writeHtmlPdf(path.string(), title(), html_, footer());
    if (!written) return written.problem();
    audit("pdf", path.filename().string());
    return path;
}

void MedicalInfoFrame::print() {
    audit("print", fetched_.requestName);
    if (!previewAndPrintHtml(this, title(), html_, footer(), context_.printerName))
        SetStatusText(_("Printing is not available on this computer."));
}

}  // namespace madoguchi::gui
