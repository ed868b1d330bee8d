#pragma once
// The receptionists' quick guide (F1, ヘルプ menu): one page per screen of the window flow,
// in the window's language, with the flow as a picture (マイナ保険証 → 資格確認 → 代替手段 →
// 申立書, drawn with wxGraphicsContext), what to say to the patient at each fallback and how
// the claim route is chosen. Printable on A4 (wxHtmlEasyPrinting).
#include <optional>

#include <wx/frame.h>

#include "domain/reception_session.h"

class wxHtmlEasyPrinting;
class wxHtmlWindow;
class wxListBox;

namespace madoguchi::gui {

enum class GuidePage { Overview, Arrival, Identity, Eligibility, Fallback, VisitKind, SelfDeclaration, CopayAndClaim };
inline constexpr GuidePage kGuidePages[] = {GuidePage::Overview,  GuidePage::Arrival,         GuidePage::Identity,
                                            GuidePage::Eligibility, GuidePage::Fallback,      GuidePage::VisitKind,
                                            GuidePage::SelfDeclaration, GuidePage::CopayAndClaim};

// The page for where the session is (the overview when no patient is open).
GuidePage guidePageFor(std::optional<ReceptionState> state);
wxString guidePageTitle(GuidePage page);
wxString guidePageHtml(GuidePage page);  // one page, its flow picture included
wxString wholeGuideHtml();               // every page, for printing

class QuickGuideFrame : public wxFrame {
public:
    explicit QuickGuideFrame(wxWindow* parent);
    ~QuickGuideFrame() override;
    void showPage(GuidePage page);
    GuidePage page() const { return page_; }
    wxHtmlWindow* html() const { return html_; }
    wxHtmlEasyPrinting& printing() { return *printing_; }  // A4 portrait
    void printPreview();

private:
    GuidePage page_ = GuidePage::Overview;
    wxListBox* pages_ = nullptr;
    wxHtmlWindow* html_ = nullptr;
    wxHtmlEasyPrinting* printing_ = nullptr;
};

// Opens the guide (or raises the one already open) at `page`; returns it.
QuickGuideFrame* openQuickGuide(wxWindow* parent, GuidePage page);

}  // namespace madoguchi::gui
