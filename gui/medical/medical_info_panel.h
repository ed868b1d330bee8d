#pragma once
// The window's 薬剤情報 / 特定健診 actions under the eligibility panel (docs/gui.md): they exist only
// after a reception whose result carries the patient's consent (flag 1, …AvailableTime not passed)
// and only in facility modes ① and ② (mayOfferFetch) — otherwise the panel holds nothing. A fetch
// runs on the window's BackgroundWork (the queue goes on; the journal is read there too), is refused
// within kRefetchInterval of the last one for the patient unless staff tick "fetch again", and opens
// the view when it answers. Asked for the terminal's PDF, the answer is kept in the forms folder
// (the 申立書's retention) and opened in the system's PDF viewer from here. Every fetch, refused
// fetch and view is audited (who, which patient — the patient number, else the visit —, what).
#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <wx/panel.h>

#include "domain/facility.h"
#include "domain/reception_session.h"
#include "gui/app/background_work.h"
#include "gui/medical/medical_info_fetcher.h"

class wxButton;
class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace madoguchi::gui {

class MedicalInfoFrame;

struct MedicalInfoServices {
    FacilitySettings facility;
    const Clock* clock = nullptr;
    storage::FacilityJournal* journal = nullptr;
    std::optional<MedicalInfoFolders> folders;  // none: no terminal folders, so no action
    std::filesystem::path formsFolder;          // where the views' PDFs are saved
    std::string printerName;
    std::chrono::milliseconds timeout{60000};   // how long one fetch waits for the terminal
};

// What opens a kept PDF answer; false when it could not.
using PdfOpener = std::function<bool(const std::filesystem::path&)>;

class MedicalInfoPanel : public wxPanel {
public:
    MedicalInfoPanel(wxWindow* parent, MedicalInfoServices services, BackgroundWork& work);

    // Shows the actions the session's result allows now (nullptr: nobody at the window).
    void render(const ReceptionSession* session, const std::string& staffId);
    // Exactly what the kind's button does.
    void fetch(MedicalInformation kind);
    wxString status() const;
    bool fetching() const { return fetching_; }
    // The view the last answer opened (nullptr until one did, or once it was closed).
    MedicalInfoFrame* lastView() const;
    // The terminal's PDF of the last answer, as kept (empty until one came).
    const std::filesystem::path& keptPdf() const { return keptPdf_; }
    // Exactly what the "open the PDF" button does: audited as a view, then opened.
    void openKeptPdf();
    // What opens the PDF (default: the system's viewer, wxLaunchDefaultApplication).
    void setPdfOpener(PdfOpener opener) { openPdf_ = std::move(opener); }

private:
    struct Patient {
        QualificationRecord record;
        std::string patientId, visitId, staffId;
    };
    void rebuild(bool medication, bool checkups);
    void setStatus(const wxString& text, bool problem);
    void onFetched(FetchedMedicalInfo fetched);
    void openView(FetchedMedicalInfo fetched);
    void showKeptPdf(const FetchedMedicalInfo& fetched);

    MedicalInfoServices services_;
    BackgroundWork& work_;
    std::optional<Patient> patient_;
    std::tuple<std::string, bool, bool> shown_{"", false, false};
    bool fetching_ = false;
    wxChoice* months_ = nullptr;
    wxCheckBox* again_ = nullptr;
    wxCheckBox* asPdf_ = nullptr;
    wxStaticText* status_ = nullptr;
    wxButton* openPdfButton_ = nullptr;
    wxWindowRef lastView_;
    std::filesystem::path keptPdf_;
    MedicalInfoOrder keptPdfOrder_;
    PdfOpener openPdf_;
};

}  // namespace madoguchi::gui
