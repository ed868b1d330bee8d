// The 申立書 PDF on Linux: cairo's PDF surface (gui/CMakeLists.txt; Windows: a4_pdf_windows.cpp).
#include "gui/forms/self_declaration_printer.h"

#include <cairo/cairo.h>
#include <wx/graphics.h>

#include <memory>

#include "gui/forms/a4_pdf.h"
#include "gui/forms/self_declaration_layout.h"

namespace madoguchi::gui {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

}  // namespace

Outcome<bool> WxFormRenderer::renderSelfDeclaration(const SelfDeclarationForm& form, const std::string& pdfPath) {
    return writeA4Pdf(pdfPath, kSelfDeclarationTitle, [&form](cairo_t* cairo) {
        {
            std::unique_ptr<wxGraphicsContext> gc(
                wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cairo));
            if (gc) {
                gc->Scale(kPointsPerMm, kPointsPerMm);
                drawSelfDeclaration(*gc, form);
            }
        }
        cairo_show_page(cairo);
    });
}

}  // namespace madoguchi::gui
