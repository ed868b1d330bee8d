#pragma once
// Writing A4 portrait PDFs (cairo's PDF surface, fonts embedded) and printing HTML pages on A4:
// the one machinery of the 申立書 and of the medication and checkup views. Call on the GUI thread.
#include <functional>
#include <string>

#include <wx/string.h>

#include "domain/date.h"
#include "domain/outcome.h"

typedef struct _cairo cairo_t;
class wxPrintData;
class wxWindow;

namespace madoguchi::gui {

// Draws every page onto `cairo` (user unit: one point, origin at the paper's top-left corner),
// calling cairo_show_page after each.
using PdfPages = std::function<void(cairo_t* cairo)>;

// Writes the PDF beside `pdfPath` and renames it into place, so a failed render never leaves half a
// PDF; the file is private (0600). A Problem (form.pdf_unwritable) names the path.
Outcome<bool> writeA4Pdf(const std::string& pdfPath, const std::string& title, const PdfPages& pages);

// The A4 portrait print settings; printerName empty means the system default.
wxPrintData a4PrintData(const std::string& printerName = {});

// What the foot of every printed page says, beside "page n / N": the facility (the settings' name)
// and the day it was printed (from the Clock port).
struct PageFooter {
    std::string facility;
    Date printed;
};
// "<facility>  printed on <day>" in the current language.
wxString footerLine(const PageFooter& footer);
// "page n / N" in the current language (n and N as text: numbers, or wx's @PAGENUM@ / @PAGESCNT@).
wxString pageNumberText(const wxString& page, const wxString& pages);

// An HTML page (as wxHtmlWindow shows it) on as many A4 pages as it needs, the footer on each.
Outcome<bool> writeHtmlPdf(const std::string& pdfPath, const wxString& title, const wxString& html,
                           const PageFooter& footer);
// Opens a print preview (with its Print button) of the HTML page on A4, the same footer at the foot
// of each page; false when wx could not prepare it.
bool previewAndPrintHtml(wxWindow* parent, const wxString& title, const wxString& html, const PageFooter& footer,
                         const std::string& printerName = {});

}  // namespace madoguchi::gui
