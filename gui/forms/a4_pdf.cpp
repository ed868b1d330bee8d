#include "gui/forms/a4_pdf.h"

#include <wx/cmndata.h>
#include <wx/html/htmprint.h>
#include <wx/intl.h>
#include <wx/print.h>

namespace madoguchi::gui {

wxPrintData a4PrintData(const std::string& printerName) {
    wxPrintData data;
    data.SetPaperId(wxPAPER_A4);
    data.SetOrientation(wxPORTRAIT);
    data.SetColour(false);
    if (!printerName.empty()) data.SetPrinterName(wxString::FromUTF8(printerName));
    return data;
}

bool previewAndPrintHtml(wxWindow* parent, const wxString& title, const wxString& html, const std::string& printerName) {
    wxPrintData printData = a4PrintData(printerName);
    wxPrintDialogData dialogData(printData);
    auto makePrintout = [&] {
        auto* printout = new wxHtmlPrintout(title);
        printout->SetHtmlText(html);
        printout->SetFooter(title + "  —  @PAGENUM@ / @PAGESCNT@");
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
