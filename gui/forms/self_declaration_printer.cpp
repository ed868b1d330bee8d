#include "gui/forms/self_declaration_printer.h"

#include <cairo/cairo-pdf.h>
#include <cairo/cairo.h>
#include <wx/cmndata.h>
#include <wx/graphics.h>
#include <wx/intl.h>
#include <wx/print.h>

#include <filesystem>
#include <memory>
#include <system_error>

#include "gui/forms/self_declaration_layout.h"

namespace madoguchi::gui {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;
const char* kTitle = "被保険者資格申立書";

// One page through wx printing: the printer DC or the preview's bitmap.
class SelfDeclarationPrintout : public wxPrintout {
public:
    explicit SelfDeclarationPrintout(const SelfDeclarationForm& form)
        : wxPrintout(wxString::FromUTF8(kTitle)), form_(form) {}

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

Problem unwritable(const std::string& path) {
    return Problem{"form.pdf_unwritable", "Cannot write the PDF " + path};
}

}  // namespace

Outcome<bool> WxFormRenderer::renderSelfDeclaration(const SelfDeclarationForm& form, const std::string& pdfPath) {
    // Drawn beside the target, then renamed: a failed render never leaves half a PDF.
    std::string partial = pdfPath + ".part";
    cairo_surface_t* surface =
        cairo_pdf_surface_create(partial.c_str(), kA4WidthMm * kPointsPerMm, kA4HeightMm * kPointsPerMm);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return unwritable(pdfPath);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, kTitle);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Madoguchi");
    cairo_t* cairo = cairo_create(surface);
    {
        std::unique_ptr<wxGraphicsContext> gc(wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cairo));
        if (gc) {
            gc->Scale(kPointsPerMm, kPointsPerMm);
            drawSelfDeclaration(*gc, form);
        }
    }
    cairo_show_page(cairo);
    cairo_status_t drawn = cairo_status(cairo);
    cairo_destroy(cairo);
    cairo_surface_finish(surface);
    cairo_status_t finished = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    std::error_code ec;
    if (drawn != CAIRO_STATUS_SUCCESS || finished != CAIRO_STATUS_SUCCESS) {
        std::filesystem::remove(partial, ec);
        return unwritable(pdfPath);
    }
    std::filesystem::rename(partial, pdfPath, ec);
    if (ec) return unwritable(pdfPath);
    return true;
}

wxPrintData selfDeclarationPrintData(const std::string& printerName) {
    wxPrintData data;
    data.SetPaperId(wxPAPER_A4);
    data.SetOrientation(wxPORTRAIT);
    data.SetColour(false);
    if (!printerName.empty()) data.SetPrinterName(wxString::FromUTF8(printerName));
    return data;
}

bool previewAndPrintSelfDeclaration(wxWindow* parent, const SelfDeclarationForm& form,
                                    const std::string& printerName) {
    wxPrintData printData = selfDeclarationPrintData(printerName);
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
