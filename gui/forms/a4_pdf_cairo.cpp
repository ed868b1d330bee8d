// The PDFs on Linux: cairo's PDF surface (gui/CMakeLists.txt; Windows: a4_pdf_windows.cpp).
#include "gui/forms/a4_pdf.h"

#include <cairo/cairo-pdf.h>
#include <cairo/cairo.h>
#include <wx/dcgraph.h>
#include <wx/graphics.h>
#include <wx/html/htmprint.h>

#include <climits>
#include <filesystem>
#include <system_error>

#include "storage/private_files.h"

namespace madoguchi::gui {
namespace {

constexpr double kA4WidthPt = 595.276;
constexpr double kA4HeightPt = 841.89;
constexpr int kMarginPt = 42;      // about 15 mm
constexpr double kHtmlPixelToPt = 0.75;  // HTML pixels are 1/96 inch, points 1/72

Problem unwritable(const std::string& path) {
    return Problem{"form.pdf_unwritable", "Cannot write the PDF " + path};
}

}  // namespace

Outcome<bool> writeA4Pdf(const std::string& pdfPath, const std::string& title, const PdfPages& pages) {
    const std::string partial = pdfPath + ".part";
    cairo_surface_t* surface = cairo_pdf_surface_create(partial.c_str(), kA4WidthPt, kA4HeightPt);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return unwritable(pdfPath);
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Madoguchi");
    cairo_t* cairo = cairo_create(surface);
    pages(cairo);
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
    storage::makePrivateFile(partial);
    std::filesystem::rename(partial, pdfPath, ec);
    if (ec) return unwritable(pdfPath);
    return true;
}

Outcome<bool> writeHtmlPdf(const std::string& pdfPath, const wxString& title, const wxString& html) {
    return writeA4Pdf(pdfPath, title.utf8_string(), [&](cairo_t* cairo) {
        wxGCDC dc(wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cairo));
        wxHtmlDCRenderer renderer;
        renderer.SetDC(&dc, kHtmlPixelToPt);
        renderer.SetStandardFonts(10);
        const int width = static_cast<int>(kA4WidthPt) - 2 * kMarginPt;
        const int height = static_cast<int>(kA4HeightPt) - 2 * kMarginPt;
        renderer.SetSize(width, height);
        renderer.SetHtmlText(html);
        for (int from = 0, page = 1;; ++page) {
            const int to = renderer.FindNextPageBreak(from);
            if (to == wxNOT_FOUND && page > 1) break;  // the previous page ended the text
            renderer.Render(kMarginPt, kMarginPt, from, to == wxNOT_FOUND ? INT_MAX : to);
            dc.GetGraphicsContext()->Flush();
            cairo_show_page(cairo);
            if (to == wxNOT_FOUND || to <= from) break;
            from = to;
        }
    });
}

}  // namespace madoguchi::gui
