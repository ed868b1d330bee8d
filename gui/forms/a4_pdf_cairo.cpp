// The PDFs on Linux: cairo's PDF surface (gui/CMakeLists.txt; Windows: a4_pdf_windows.cpp).
#include "gui/forms/a4_pdf.h"

#include <cairo/cairo-pdf.h>
#include <cairo/cairo.h>
#include <wx/dcgraph.h>
#include <wx/font.h>
#include <wx/graphics.h>
#include <wx/html/htmprint.h>

#include <climits>
#include <filesystem>
#include <system_error>
#include <vector>

#include "storage/private_files.h"

namespace madoguchi::gui {
namespace {

constexpr double kA4WidthPt = 595.276;
constexpr double kA4HeightPt = 841.89;
constexpr int kMarginPt = 42;      // about 15 mm
constexpr double kHtmlPixelToPt = 0.75;  // HTML pixels are 1/96 inch, points 1/72
constexpr int kFooterPt = 24;            // kept free at the foot of each page for the footer

constexpr int kFooterFontPt = 8;

// The footer of one page: the facility and the day on the left, "n / N" on the right.
void drawFooter(wxDC& dc, const PageFooter& footer, int page, int pages) {
    dc.SetFont(wxFont(wxFontInfo(kFooterFontPt)));
    dc.SetTextForeground(*wxBLACK);
    const int y = static_cast<int>(kA4HeightPt) - kMarginPt - kFooterPt / 2;
    dc.DrawText(footerLine(footer), kMarginPt, y);
    const wxString number = pageNumberText(wxString::Format("%d", page), wxString::Format("%d", pages));
    dc.DrawText(number, static_cast<int>(kA4WidthPt) - kMarginPt - dc.GetTextExtent(number).GetWidth(), y);
}

// Where each page of the rendered HTML starts (the renderer's page breaks; a break at or past the
// end of the text starts no page).
std::vector<int> pageStarts(wxHtmlDCRenderer& renderer) {
    std::vector<int> starts;
    for (int from = 0;;) {
        starts.push_back(from);
        const int to = renderer.FindNextPageBreak(from);
        if (to == wxNOT_FOUND || to <= from || renderer.FindNextPageBreak(to) == wxNOT_FOUND) return starts;
        from = to;
    }
}

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

Outcome<bool> writeHtmlPdf(const std::string& pdfPath, const wxString& title, const wxString& html,
                           const PageFooter& footer) {
    return writeA4Pdf(pdfPath, title.utf8_string(), [&](cairo_t* cairo) {
        wxGCDC dc(wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cairo));
        const int width = static_cast<int>(kA4WidthPt) - 2 * kMarginPt;
        const int height = static_cast<int>(kA4HeightPt) - 2 * kMarginPt;
        wxHtmlDCRenderer body;
        body.SetDC(&dc, kHtmlPixelToPt);
        body.SetStandardFonts(10);
        body.SetSize(width, height - kFooterPt);
        body.SetHtmlText(html);
        const std::vector<int> starts = pageStarts(body);
        const int pages = static_cast<int>(starts.size());
        for (int page = 0; page < pages; ++page) {
            const int to = page + 1 < pages ? starts[static_cast<std::size_t>(page) + 1] : INT_MAX;
            body.Render(kMarginPt, kMarginPt, starts[static_cast<std::size_t>(page)], to);
            // The renderer's clipper, undone, clips to the DC's size, which a DC made from a
            // cairo context does not have (0×0): without this the footer and every later page
            // would be clipped away.
            dc.GetGraphicsContext()->Flush();
            cairo_reset_clip(cairo);
            drawFooter(dc, footer, page + 1, pages);
            dc.GetGraphicsContext()->Flush();
            cairo_show_page(cairo);
        }
    });
}

}  // namespace madoguchi::gui
