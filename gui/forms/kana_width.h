#pragma once
// Half-width katakana (ｶﾀｶﾅ, as the online result and old systems send names) as the full-width
// katakana a printed form uses, voiced marks joined: ﾔﾏﾀﾞ ﾀﾛｳ → ヤマダ タロウ.
#include <wx/string.h>

namespace madoguchi::gui {

wxString fullWidthKatakana(const wxString& text);

}  // namespace madoguchi::gui
