#include "gui/help/quick_guide.h"

#include <memory>
#include <vector>

#include <wx/bitmap.h>
#include <wx/cmndata.h>
#include <wx/dcmemory.h>
#include <wx/filesys.h>
#include <wx/fs_mem.h>
#include <wx/graphics.h>
#include <wx/html/htmlwin.h>
#include <wx/html/htmprint.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/menu.h>
#include <wx/sizer.h>

#include "gui/app/window_placement.h"

namespace madoguchi::gui {
namespace {

constexpr const char* kFlowPicture = "madoguchi-guide-flow.png";

struct Section {
    wxString heading;
    std::vector<wxString> points;
};

struct PageText {
    wxString introduction;
    std::vector<Section> sections;
    std::vector<wxString> sayings;  // what to say to the patient
};

wxString escaped(const wxString& text) {
    wxString html = text;
    html.Replace("&", "&amp;");
    html.Replace("<", "&lt;");
    html.Replace(">", "&gt;");
    return html;
}

// wxHTML breaks lines only at spaces: a Japanese paragraph gets a space after its punctuation so
// its sentences wrap in the window and on paper.
wxString paragraphHtml(const wxString& text) {
    wxString html = escaped(text);
    for (const char* mark : {"。", "、", "）", "："}) html.Replace(wxString::FromUTF8(mark), wxString::FromUTF8(mark) + " ");
    return html;
}

PageText pageText(GuidePage page) {
    switch (page) {
        case GuidePage::Overview:
            return {_("A patient with a マイナ保険証 is read at the card reader, identified (face, PIN or 目視) and "
                      "checked online. When the online check cannot confirm the eligibility, a document the patient "
                      "brings takes its place; when there is none, a returning patient's last record or a "
                      "被保険者資格申立書 does. The patient always pays the normal share, never 10割."),
                    {{_("The colours"),
                      {_("Blue: the eligibility is confirmed online."),
                       _("Green: a fallback is under way; the patient still pays the normal share.")}},
                     {_("Keys"),
                      {_("The numbers 1–9 choose the numbered choices of the current step; 0 cancels."),
                       _("F1 opens this guide at the page for the current step.")}}},
                    {}};
        case GuidePage::Arrival:
            return {_("The window waits for the next patient: the certified reader's result arrives by itself, a "
                      "card placed on our own reader is read, and a patient without a card starts with Ctrl+N."),
                    {{_("What to do"),
                      {_("Open the patient from the list on the left (Enter, or a click)."),
                       _("A patient without a マイナ保険証: ask for the 資格確認書 (or a legacy insurance card while "
                         "it is still valid).")}}},
                    {_("“Please place your My Number card on the card reader.”"),
                     _("“If you do not have a My Number card, please show your 資格確認書.”")}};
        case GuidePage::Identity:
            return {_("The patient is identified by face, by the card's 4-digit PIN, or by 目視 (staff compare the "
                      "card's photo with the person)."),
                    {{_("What to do"),
                      {_("Before the PIN, tell the patient how many tries are left: the card locks after 3 wrong PINs "
                         "in a row and only the municipality unlocks it."),
                       _("Never type the PIN for the patient and never write it down."),
                       _("A locked PIN: use 目視; it works with a locked card.")}}},
                    {_("“Please enter your 4-digit PIN. After ○ more wrong tries the card locks.”"),
                     _("“Let me compare your face with the photo on the card.”")}};
        case GuidePage::Eligibility:
            return {_("The online check asks the insurer's records. Blue means confirmed: the insurer, the numbers "
                      "and the share come from the answer."),
                    {{_("What to do"),
                      {_("Several people match: choose the patient with them, never at random."),
                       _("No answer (network or terminal down): wait a moment, or go on with the fallback; the "
                         "answer is checked again later.")}}},
                    {}};
        case GuidePage::Fallback:
            return {_("The online check did not confirm the eligibility (資格無効, no record, or a device or network "
                      "failure). Ask for a document that shows the current eligibility."),
                    {{_("What to do"),
                      {_("The マイナポータル screen (phone or PDF) or the 資格情報のお知らせ counts only together with "
                         "the card: the お知らせ alone is not enough."),
                       _("The card's certificate expired more than 3 months ago: the card no longer works for the "
                         "check; ask for the 資格確認書, which the insurer sent by then."),
                       _("A patient who cancelled the registration, or whose card expired long ago, should hold a "
                         "資格確認書."),
                       _("Copy the numbers from the document into the form; the window checks them.")}}},
                    {_("“Could you show the マイナポータル eligibility screen or the 資格情報のお知らせ together with your card?”"),
                     _("“The お知らせ alone cannot be accepted. Please show it together with your My Number card.”"),
                     _("“Your card's certificate expired more than 3 months ago. Please show the 資格確認書 your insurer sent you.”")}};
        case GuidePage::VisitKind:
            return {_("No document: a returning patient (再診) is billed on the last recorded eligibility, confirmed "
                      "with them; a new patient (初診) fills in the 被保険者資格申立書."),
                    {{_("What to do"),
                      {_("再診: read the last record to the patient and ask whether anything changed (job, "
                         "insurer, address)."),
                       _("The patient's word does not make an eligibility current when this visit's online answer "
                         "said 資格無効 for those numbers.")}}},
                    {_("“Has anything changed since your last visit, such as your employer or insurer?”")}};
        case GuidePage::SelfDeclaration:
            return {_("The 被保険者資格申立書 is printed on A4, prefilled with what is known; the patient fills in "
                      "the rest and signs."),
                    {{_("What to do"),
                      {_("Ask for the insurer's name or the employer, the address and a phone number: a claim with "
                         "unknown numbers needs them."),
                       _("The share is the normal one: under 70 the age decides it; from 70 the form says it.")}}},
                    {_("“We could not confirm your insurance, so please fill in this declaration. You pay the usual share.”")}};
        case GuidePage::CopayAndClaim:
            return {_("Enter the points; the window shows the copay at the patient's share and records the visit "
                      "with its claim route."),
                    {{_("How the claim route is chosen"),
                      {_("現資格 (current): the current eligibility is known — online, a later re-check, the portal "
                         "screen or the お知らせ with the card, the 資格確認書."),
                       _("旧資格請求 (past): only an earlier eligibility is known; the claim uses the old numbers."),
                       _("不詳請求 (unknown): nothing is known; the numbers are filled with 7s and the 申立書's "
                         "address, employer and phone go into the 摘要欄."),
                       _("A visit claimed as past or unknown stays on the manager's follow-up list until a later "
                         "check finds the current eligibility.")}}},
                    {}};
    }
    return {};
}

// The flow as a picture: マイナ保険証 → 資格確認 → 代替手段 → 申立書, in the window's language.
wxBitmap flowPicture() {
    const wxString steps[] = {_("My Number card"), _("Eligibility check"), _("Fallback documents"),
                              _("Self-declaration form")};
    const wxColour fills[] = {wxColour(225, 235, 250), wxColour(200, 220, 250), wxColour(210, 240, 215),
                              wxColour(250, 240, 205)};
    const int width = 760, height = 110, boxWidth = 150, boxHeight = 64, gap = (width - 4 * boxWidth) / 4;
    wxBitmap bitmap(width, height, 24);
    wxMemoryDC dc(bitmap);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::Create(dc));
    gc->SetFont(wxFont(wxFontInfo(12).Bold()), *wxBLACK);
    for (int i = 0; i < 4; ++i) {
        const double x = gap / 2 + i * (boxWidth + gap), y = (height - boxHeight) / 2.0;
        gc->SetPen(wxPen(wxColour(60, 60, 60), 2));
        gc->SetBrush(wxBrush(fills[i]));
        gc->DrawRoundedRectangle(x, y, boxWidth, boxHeight, 10);
        double textWidth = 0, textHeight = 0;
        gc->GetTextExtent(steps[i], &textWidth, &textHeight);
        gc->DrawText(steps[i], x + (boxWidth - textWidth) / 2, y + (boxHeight - textHeight) / 2);
        if (i == 3) break;
        const double from = x + boxWidth + 6, to = x + boxWidth + gap - 6, middle = height / 2.0;
        wxGraphicsPath arrow = gc->CreatePath();
        arrow.MoveToPoint(from, middle);
        arrow.AddLineToPoint(to, middle);
        arrow.MoveToPoint(to - 10, middle - 7);
        arrow.AddLineToPoint(to, middle);
        arrow.AddLineToPoint(to - 10, middle + 7);
        gc->StrokePath(arrow);
    }
    gc.reset();
    dc.SelectObject(wxNullBitmap);
    return bitmap;
}

// The picture in memory for the HTML pages (redrawn each time: the language may have changed).
void publishFlowPicture() {
    static bool published = false;
    if (!published) {
        wxFileSystem::AddHandler(new wxMemoryFSHandler);
    } else {
        wxMemoryFSHandler::RemoveFile(kFlowPicture);
    }
    wxMemoryFSHandler::AddFile(kFlowPicture, flowPicture(), wxBITMAP_TYPE_PNG);
    published = true;
}

wxString pageBody(GuidePage page) {
    const PageText text = pageText(page);
    wxString html = "<h2>" + escaped(guidePageTitle(page)) + "</h2>";
    html += wxString("<p><img src=\"memory:") + kFlowPicture + "\" width=\"560\"></p>";
    html += "<p>" + paragraphHtml(text.introduction) + "</p>";
    for (const Section& section : text.sections) {
        html += "<h3>" + escaped(section.heading) + "</h3><ul>";
        for (const wxString& point : section.points) html += "<li>" + paragraphHtml(point) + "</li>";
        html += "</ul>";
    }
    if (!text.sayings.empty()) {
        html += "<h3>" + escaped(_("What to say to the patient")) + "</h3><ul>";
        for (const wxString& saying : text.sayings) html += "<li><b>" + paragraphHtml(saying) + "</b></li>";
        html += "</ul>";
    }
    return html;
}

}  // namespace

GuidePage guidePageFor(std::optional<ReceptionState> state) {
    if (!state) return GuidePage::Overview;
    switch (*state) {
        case ReceptionState::AwaitingPresentation:
        case ReceptionState::ReadingCard: return GuidePage::Arrival;
        case ReceptionState::ChoosingIdentityMethod:
        case ReceptionState::AwaitingFace:
        case ReceptionState::AwaitingPin:
        case ReceptionState::AwaitingVisualCheck: return GuidePage::Identity;
        case ReceptionState::QueryingEligibility:
        case ReceptionState::ResolvingMultipleMatches:
        case ReceptionState::EligibilityConfirmed: return GuidePage::Eligibility;
        case ReceptionState::ChoosingFallback:
        case ReceptionState::EnteringDocument: return GuidePage::Fallback;
        case ReceptionState::AskingVisitKind:
        case ReceptionState::ConfirmingPastRecord: return GuidePage::VisitKind;
        case ReceptionState::AwaitingSelfDeclaration: return GuidePage::SelfDeclaration;
        case ReceptionState::ConfirmingCopay:
        case ReceptionState::Completed: return GuidePage::CopayAndClaim;
        case ReceptionState::Cancelled: break;
    }
    return GuidePage::Overview;
}

wxString guidePageTitle(GuidePage page) {
    switch (page) {
        case GuidePage::Overview: return _("The reception flow at a glance");
        case GuidePage::Arrival: return _("A patient arrives");
        case GuidePage::Identity: return _("Identity: face, PIN or 目視");
        case GuidePage::Eligibility: return _("The online eligibility check");
        case GuidePage::Fallback: return _("When the online check fails: the fallback documents");
        case GuidePage::VisitKind: return _("No document: 再診 or 初診");
        case GuidePage::SelfDeclaration: return _("The 被保険者資格申立書");
        case GuidePage::CopayAndClaim: return _("The copay and the claim route");
    }
    return {};
}

wxString guidePageHtml(GuidePage page) {
    publishFlowPicture();
    return "<html><body>" + pageBody(page) + "</body></html>";
}

wxString wholeGuideHtml() {
    publishFlowPicture();
    wxString html = "<html><body>";
    bool first = true;
    for (GuidePage page : kGuidePages) {
        if (!first) html += "<div style=\"page-break-before:always\"></div>";
        html += pageBody(page);
        first = false;
    }
    return html + "</body></html>";
}

QuickGuideFrame::QuickGuideFrame(wxWindow* parent)
    : wxFrame(parent, wxID_ANY, _("Quick guide"), wxDefaultPosition, wxDefaultSize),
      printing_(new wxHtmlEasyPrinting(_("Quick guide"), this)) {
    SetName("quick_guide");
    printing_->GetPrintData()->SetPaperId(wxPAPER_A4);
    printing_->GetPrintData()->SetOrientation(wxPORTRAIT);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    pages_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(300, -1));
    for (GuidePage page : kGuidePages) pages_->Append(guidePageTitle(page));
    html_ = new wxHtmlWindow(this, wxID_ANY);
    sizer->Add(pages_, 0, wxEXPAND);
    sizer->Add(html_, 1, wxEXPAND);
    SetSizer(sizer);
    fitToDisplay(*this, wxSize(1040, 760));
    pages_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent& event) {
        if (event.GetSelection() >= 0) showPage(kGuidePages[event.GetSelection()]);
    });
    auto* guide = new wxMenu;
    guide->Append(wxID_PREVIEW, _("Print the guide (A4)…\tCtrl+P"));
    guide->Append(wxID_CLOSE, _("Close\tEsc"));
    auto* bar = new wxMenuBar;
    bar->Append(guide, _("&Guide"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { printPreview(); }, wxID_PREVIEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_CLOSE);
    showPage(GuidePage::Overview);
}

QuickGuideFrame::~QuickGuideFrame() { delete printing_; }

void QuickGuideFrame::showPage(GuidePage page) {
    page_ = page;
    pages_->SetSelection(static_cast<int>(page));
    html_->SetPage(guidePageHtml(page));
    SetTitle(_("Quick guide") + " — " + guidePageTitle(page));
}

void QuickGuideFrame::printPreview() { printing_->PreviewText(wholeGuideHtml()); }

QuickGuideFrame* openQuickGuide(wxWindow* parent, GuidePage page) {
    auto* guide = dynamic_cast<QuickGuideFrame*>(wxWindow::FindWindowByName("quick_guide", parent));
    if (!guide) guide = new QuickGuideFrame(parent);
    guide->showPage(page);
    guide->Show();
    guide->Raise();
    return guide;
}

}  // namespace madoguchi::gui
