#include "gui/forms/kana_width.h"

namespace madoguchi::gui {
namespace {

// U+FF61 … U+FF9D in order.
const wchar_t kFullWidth[] = L"。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
constexpr wchar_t kFirstHalfWidth = 0xFF61, kLastMapped = 0xFF9D;
constexpr wchar_t kVoicedMark = 0xFF9E, kSemiVoicedMark = 0xFF9F;

bool takesVoicedMark(wchar_t c) {
    return (c >= L'カ' && c <= L'ド' && c != L'ッ') || (c >= L'ハ' && c <= L'ホ') || c == L'ウ';
}

}  // namespace

wxString fullWidthKatakana(const wxString& text) {
    wxString out;
    for (wxUniChar ch : text) {
        wchar_t c = static_cast<wchar_t>(ch.GetValue());
        if (c >= kFirstHalfWidth && c <= kLastMapped) {
            out += kFullWidth[c - kFirstHalfWidth];
            continue;
        }
        wchar_t previous = out.empty() ? 0 : static_cast<wchar_t>(out.Last().GetValue());
        if (c == kVoicedMark && takesVoicedMark(previous)) {
            out.Last() = previous == L'ウ' ? L'ヴ' : static_cast<wchar_t>(previous + 1);
        } else if (c == kSemiVoicedMark && previous >= L'ハ' && previous <= L'ホ') {
            out.Last() = static_cast<wchar_t>(previous + 2);
        } else if (c == kVoicedMark) {
            out += L'゛';
        } else if (c == kSemiVoicedMark) {
            out += L'゜';
        } else {
            out += ch;
        }
    }
    return out;
}

}  // namespace madoguchi::gui
