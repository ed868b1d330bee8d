#pragma once
// The 被保険者資格申立書 drawn once, in millimetres on an A4 page, onto any wxGraphicsContext:
// the PDF (cairo), the print preview and the printer all use this one routine.
// The form is an official Japanese document: its wording is Japanese whatever the UI language.
#include "domain/ports/form_renderer.h"

class wxGraphicsContext;

namespace madoguchi::gui {

inline constexpr double kA4WidthMm = 210.0;
inline constexpr double kA4HeightMm = 297.0;
// The form's title: the PDF's and the print job's.
inline constexpr const char* kSelfDeclarationTitle = "被保険者資格申立書";

// Draws the whole page; the context's user unit must be one millimetre with (0,0) at the
// paper's top-left corner.
void drawSelfDeclaration(wxGraphicsContext& gc, const SelfDeclarationForm& form);

}  // namespace madoguchi::gui
