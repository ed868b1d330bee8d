#pragma once
// The window of one fetched 薬剤情報 or 特定健診 answer: the view (medical_info_html.h), for
// medication with filters by institution and period, and Print… / Save as PDF (A4, Japanese). The
// PDF is saved in the window's forms folder under the 申立書's retention rule; every page of both
// names the facility, the day printed and "page n / N". Prints and saved PDFs are audited (medication.print / medication.pdf, checkups.…).
#include <filesystem>
#include <functional>
#include <optional>

#include <wx/frame.h>

#include "domain/checkup_results.h"
#include "domain/facility.h"
#include "domain/medication_history.h"
#include "gui/forms/a4_pdf.h"
#include "gui/medical/medical_info_fetcher.h"
#include "gui/medical/medical_info_html.h"

class wxChoice;
class wxHtmlWindow;

namespace madoguchi::gui {

struct MedicalInfoViewContext {
    FacilityKind kind = FacilityKind::Clinic;
    std::string facilityName;  // at the foot of every printed page, with the day and "page n / N"
    const Clock* clock = nullptr;
    storage::FacilityJournal* journal = nullptr;
    std::filesystem::path formsFolder;  // where Save as PDF writes (empty: not offered)
    std::string printerName;
};

class MedicalInfoFrame : public wxFrame {
public:
    // fetched holds a medication or a checkup answer.
    MedicalInfoFrame(wxWindow* parent, MedicalInfoViewContext context, FetchedMedicalInfo fetched);

    wxString pageHtml() const { return html_; }  // what the view shows now
    wxString shownText() const;
    // Filters (medication): index 0 of each is "all".
    void filterBy(const std::string& institutionKey, int months);
    // Saves the page as an A4 PDF in the forms folder; the path, or a Problem.
    Outcome<std::filesystem::path> savePdf();
    void print();

private:
    void render();
    wxString title() const;
    void audit(const std::string& what, const std::string& detail);
    PageFooter footer() const;

    MedicalInfoViewContext context_;
    FetchedMedicalInfo fetched_;
    MedicationFilter filter_;
    wxChoice* institution_ = nullptr;
    wxChoice* period_ = nullptr;
    wxHtmlWindow* view_ = nullptr;
    wxString html_;
    std::vector<std::string> institutionKeys_;
};

}  // namespace madoguchi::gui
