#pragma once
// Words the window shows for the domain's values: the step titles, sources, claim routes,
// shares, and the domain's English msgids translated at the edge.
#include <string>

#include <wx/string.h>

#include "domain/reception_session.h"

namespace madoguchi::gui {

inline wxString fromUtf8(const std::string& text) { return wxString::FromUTF8(text.c_str()); }
// A domain msgid (English, UTF-8) in the user's language.
wxString domainText(const std::string& msgid);
wxString shareText(const CopayShare& share);  // "3割 (30%)"
wxString yenText(const Yen& amount);          // "1,230円"
wxString eligibilitySourceText(EligibilitySource source);
wxString claimRouteText(ClaimRoute route);
// What the step asks of the receptionist, in large type.
wxString stepTitle(ReceptionState state, const ReceptionSession& session);
// The panel's coloured headline (blue: confirmed, green: fallback).
wxString toneHeadline(const ReceptionSession& session);

}  // namespace madoguchi::gui

class wxWindow;

namespace madoguchi::gui {

// The text with <, >, & and " escaped for HTML.
wxString escapeHtml(const wxString& text);
// Breaks text into lines no wider than `width` pixels in the window's font. Japanese has no
// spaces to break at, so any character may end a line; English breaks at the last space.
wxString wrapToWidth(const wxWindow* window, const wxString& text, int width);
// The same by character count for HTML (wide characters count 2): inserts <br>; the text must
// be escaped already and hold no tags.
wxString breakForHtml(const wxString& escaped, int maxUnits);

}  // namespace madoguchi::gui
