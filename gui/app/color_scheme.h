#pragma once
// Colours and type sizes named by what they mean at the window (one place, not RGB literals
// scattered over the panels). Blue: eligibility confirmed online; green: the fallback path
// (MHLW flow colours); amber: staff must decide; red: an alert the patient must hear.
#include <wx/colour.h>
#include <wx/font.h>

#include "domain/reception_session.h"

namespace madoguchi::gui::colors {

inline wxColour confirmed() { return wxColour(0x1f, 0x5f, 0xbf); }       // blue
inline wxColour confirmedLight() { return wxColour(0xe3, 0xee, 0xfb); }
inline wxColour fallback() { return wxColour(0x1e, 0x8a, 0x3c); }        // green
inline wxColour fallbackLight() { return wxColour(0xe4, 0xf5, 0xe8); }
inline wxColour warning() { return wxColour(0xb3, 0x6b, 0x00); }         // amber
inline wxColour warningLight() { return wxColour(0xfd, 0xf1, 0xdc); }
inline wxColour neutral() { return wxColour(0x44, 0x44, 0x44); }
inline wxColour neutralLight() { return wxColour(0xf4, 0xf4, 0xf4); }
inline wxColour alert() { return wxColour(0xc0, 0x1c, 0x1c); }           // red text
inline wxColour newestArrival() { return wxColour(0xff, 0xf3, 0xb0); }   // the newest in the queue

inline wxColour strongFor(Tone tone) {
    switch (tone) {
        case Tone::Confirmed: return confirmed();
        case Tone::Fallback: return fallback();
        case Tone::Warning: return warning();
        case Tone::Neutral: break;
    }
    return neutral();
}

inline wxColour lightFor(Tone tone) {
    switch (tone) {
        case Tone::Confirmed: return confirmedLight();
        case Tone::Fallback: return fallbackLight();
        case Tone::Warning: return warningLight();
        case Tone::Neutral: break;
    }
    return neutralLight();
}

// Type sizes: the step in large type for a window seen from a standing position.
inline wxFont stepTitleFont() { return wxFont(wxFontInfo(22).Bold()); }
inline wxFont choiceFont() { return wxFont(wxFontInfo(15).Bold()); }
inline wxFont bodyFont() { return wxFont(wxFontInfo(12)); }

}  // namespace madoguchi::gui::colors
