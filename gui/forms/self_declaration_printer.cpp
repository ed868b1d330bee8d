#include "gui/forms/self_declaration_printer.h"

#include <wx/cmndata.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/print.h>

#include <memory>

#include "gui/forms/a4_pdf.h"
#include "gui/forms/self_declaration_layout.h"

namespace madoguchi::gui {
namespace {

// One page through wx printing: the printer DC or the preview's bitmap.
class SelfDeclarationPrintout : public wxPrintout {
public:
    explicit SelfDeclarationPrintout(const SelfDeclarationForm& form)
        : wxPrintout(wxString::FromUTF8(kSelfDeclarationTitle)), form_(form) {}

    bool HasPage(int page) override { return page == 1; }
    void GetPageInfo(int* minPage, int* maxPage, int* fromPage, int* toPage) override {
        *minPage = *maxPage = *fromPage = *toPage = 1;
    }

    bool OnPrintPage(int page) override {
        wxDC* dc = GetDC();
        if (page != 1 || !dc) return false;
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(*dc));
        if (!gc) return false;
        // Page pixels are the printer's; the preview draws them scaled into a smaller bitmap.
        int pageWidthPixels = 0, pageHeightPixels = 0, dcWidth = 0, dcHeight = 0;
        GetPageSizePixels(&pageWidthPixels, &pageHeightPixels);
        dc->GetSize(&dcWidth, &dcHeight);
        double dcPerPagePixel = IsPreview() && pageWidthPixels > 0 ? double(dcWidth) / pageWidthPixels : 1.0;
        wxRect paper = GetPaperRectPixels();  // relative to the printable area's origin
        double pixelsPerMm = paper.width * dcPerPagePixel / kA4WidthMm;
        gc->Translate(paper.x * dcPerPagePixel, paper.y * dcPerPagePixel);
        gc->Scale(pixelsPerMm, pixelsPerMm);
        drawSelfDeclaration(*gc, form_);
        return true;
    }

private:
    SelfDeclarationForm form_;
};

}  // namespace

bool previewAndPrintSelfDeclaration(wxWindow* parent, const SelfDeclarationForm& form,
                                    const std::string& printerName) {
    wxPrintData printData = a4PrintData(printerName);
    wxPrintDialogData dialogData(printData);
    auto* preview = new wxPrintPreview(new SelfDeclarationPrintout(form), new SelfDeclarationPrintout(form),
                                       &dialogData);
    if (!preview->IsOk()) {
        delete preview;
        return false;
    }
    auto* frame = new wxPreviewFrame(preview, parent, _("Print preview: self-declaration form (申立書)"),
                                     wxDefaultPosition, wxSize(820, 1000));
    frame->Centre();
    frame->Initialize();
    frame->Show();
    return true;
}

}  // namespace madoguchi::gui
