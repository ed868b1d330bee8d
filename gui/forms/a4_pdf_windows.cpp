// Windows (gui/CMakeLists.txt): the PDFs are drawn on cairo's PDF surface, which the Windows build
// does not have. Printing works (the Windows print dialog); a PDF comes from printing to the
// "Microsoft Print to PDF" printer. Every PDF request says so, and nothing is written.
#include "gui/forms/a4_pdf.h"
#include "gui/forms/self_declaration_printer.h"

namespace madoguchi::gui {
namespace {

Problem pdfUnavailable() {
    return Problem{"form.pdf_unavailable",
                   N_("The Windows version cannot save a PDF yet. Print instead; for a PDF file, choose the "
                      "printer \"Microsoft Print to PDF\".")};
}

}  // namespace

Outcome<bool> writeA4Pdf(const std::string&, const std::string&, const PdfPages&) { return pdfUnavailable(); }

Outcome<bool> writeHtmlPdf(const std::string&, const wxString&, const wxString&, const PageFooter&) {
    return pdfUnavailable();
}

Outcome<bool> WxFormRenderer::renderSelfDeclaration(const SelfDeclarationForm&, const std::string&) {
    return pdfUnavailable();
}

}  // namespace madoguchi::gui
