#pragma once
// The 被保険者資格申立書 as a real A4 PDF (FormRenderer) and through wx printing with a preview.
// Both draw with drawSelfDeclaration (self_declaration_layout.h). Call on the GUI thread.
#include "domain/ports/form_renderer.h"

class wxWindow;

namespace madoguchi::gui {

class WxFormRenderer : public madoguchi::FormRenderer {
public:
    // Writes a one-page A4 PDF (cairo's PDF surface; fonts embedded). A Problem names the path
    // when the file cannot be written.
    Outcome<bool> renderSelfDeclaration(const SelfDeclarationForm& form, const std::string& pdfPath) override;
};

// Opens a print preview window (with its Print button, which prints through wx) for the form.
// False when wx could not prepare the preview (no printing support); the preview window is
// owned by wx and closes itself. printerName: AppSettings::printerName (empty: the default).
bool previewAndPrintSelfDeclaration(wxWindow* parent, const SelfDeclarationForm& form,
                                    const std::string& printerName = {});

}  // namespace madoguchi::gui
