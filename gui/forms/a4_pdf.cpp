#include "gui/forms/a4_pdf.h"

#include <wx/cmndata.h>
#include <wx/html/htmprint.h>
#include <wx/intl.h>
#include <wx/print.h>

#include "gui/reception/display_text.h"

namespace madoguchi::gui {

wxPrintData a4PrintData(const std::string& printerName) {
    wxPrintData data;
    data.SetPaperId(wxPAPER_A4);
    data.SetOrientation(wxPORTRAIT);
    data.SetColour(false);
    if (!printerName.empty()) data.SetPrinterName(wxString::FromUTF8(printerName));
    return data;
}

wxString footerLine(const PageFooter& footer) {
    const wxString day = wxString::Format(_("%d-%02d-%02d"), footer.printed.year(), static_cast<int>(footer.printed.month()),
                                          static_cast<int>(footer.printed.day()));
    return wxString::Format(_("%s — printed on %s"), wxString::FromUTF8(footer.facility), day);
}

wxString pageNumberText(const wxString& page, const wxString& pages) {
    return wxString::Format(_("page %s / %s"), page, pages);
}

bool previewAndPrintHtml(wxWindow* parent, const wxString& title, const wxString& html, const PageFooter& footer,
                         const std::string& printerName) {
    wxPrintData printData = a4PrintData(printerName);
    wxPrintDialogData dialogData(printData);
    auto makePrintout = [&] {
        auto* printout = new wxHtmlPrintout(title);
        printout->SetHtmlText(html);
        printout->SetFooter("<table width=\"100%\"><tr><td><font size=-1>" + escapeHtml(footerLine(footer)) +
                            "</font></td><td align=right><font size=-1>" +
                            escapeHtml(pageNumberText("@PAGENUM@", "@PAGESCNT@")) + "</font></td></tr></table>");
        printout->SetStandardFonts(10);
        return printout;
    };
    auto* preview = new wxPrintPreview(makePrintout(), makePrintout(), &dialogData);
    if (!preview->IsOk()) {
        delete preview;
        return false;
    }
    auto* frame = new wxPreviewFrame(preview, parent, wxString::Format(_("Print preview: %s"), title), wxDefaultPosition,
                                     wxSize(820, 1000));
    frame->Centre();
    frame->Initialize();
    frame->Show();
    return true;
}

}  // namespace madoguchi::gui
