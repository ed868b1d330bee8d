#include "gui/reception/display_text.h"

#include <wx/intl.h>

namespace madoguchi::gui {

wxString domainText(const std::string& msgid) {
    if (msgid.empty()) return {};
    const wxString whole = fromUtf8(msgid);
    const wxString translatedWhole = wxGetTranslation(whole);
    if (translatedWhole != whole) return translatedWhole;
    // The domain composes "<msgid> <detail>" (e.g. "Reason of loss: 死亡", or "<why> <the
    // gateway's own msgid>: <the terminal's text>"): translate the longest leading msgid that ends
    // a sentence or a label, then the rest the same way; a detail no msgid starts stays as it is.
    for (size_t end = whole.length(); end-- > 1;) {
        if (whole[end] != ' ' || (whole[end - 1] != ':' && whole[end - 1] != '.')) continue;
        const wxString head = whole.Left(end);
        const wxString translatedHead = wxGetTranslation(head);
        if (translatedHead != head) return translatedHead + " " + domainText(whole.Mid(end + 1).utf8_string());
    }
    return whole;
}

wxString shareText(const CopayShare& share) {
    return wxString::Format("%d割 (%d%%)", share.tenths(), share.tenths() * 10);
}

wxString yenText(const Yen& amount) {
    wxString digits = wxString::Format("%lld", static_cast<long long>(amount.value));
    wxString grouped;
    int count = 0;
    for (size_t i = digits.length(); i-- > 0;) {
        grouped.Prepend(digits[i]);
        if (++count % 3 == 0 && i > 0 && digits[i - 1] != '-') grouped.Prepend(',');
    }
    return wxString::Format(_("%s yen"), grouped);
}

wxString eligibilitySourceText(EligibilitySource source) {
    switch (source) {
        case EligibilitySource::OnlineCard: return _("Online check by the My Number card");
        case EligibilitySource::OnlineNumbers: return _("Online check by the card numbers");
        case EligibilitySource::PortalScreenWithCard: return _("マイナポータル screen + card");
        case EligibilitySource::NoticeWithCard: return _("資格情報のお知らせ + card");
        case EligibilitySource::QualificationCertificate: return _("資格確認書");
        case EligibilitySource::LegacyInsuranceCard: return _("Health insurance card");
        case EligibilitySource::PastRecord: return _("Last recorded eligibility (return visit)");
        case EligibilitySource::SelfDeclaration: return _("被保険者資格申立書");
        case EligibilitySource::NoProof: return _("Nothing shown: 10割負担（自費）");
    }
    return {};
}

wxString claimRouteText(ClaimRoute route) {
    switch (route) {
        case ClaimRoute::Current: return _("current eligibility");
        case ClaimRoute::Old: return _("past eligibility (旧資格請求)");
        case ClaimRoute::Unknown: return _("unknown (不詳請求)");
    }
    return {};
}

wxString stepTitle(ReceptionState state, const ReceptionSession& session) {
    using S = ReceptionState;
    switch (state) {
        case S::AwaitingPresentation: return _("What did the patient bring?");
        case S::ReadingCard: return _("Reading the card… Place it on the reader.");
        case S::ChoosingIdentityMethod: return _("Confirm the patient's identity");
        case S::AwaitingFace: return _("Face authentication in progress");
        case S::AwaitingPin:
            return wxString::Format(_("PIN entry: %d tries left before the card locks"), session.pinTriesLeft());
        case S::AwaitingVisualCheck: return _("Compare the card's photo with the patient");
        case S::QueryingEligibility: return _("Checking eligibility online…");
        case S::ResolvingMultipleMatches: return _("Several qualifications match: choose the right one");
        case S::EligibilityConfirmed: return _("Eligibility confirmed");
        case S::ChoosingFallback: return _("The online check did not confirm eligibility. What can the patient show?");
        case S::EnteringDocument: return _("Enter the details from the document");
        case S::AskingVisitKind: return _("Has the patient been here before?");
        case S::ConfirmingPastRecord: return _("Confirm the recorded insurance with the patient");
        case S::AwaitingSelfDeclaration: return _("The patient fills in the 被保険者資格申立書");
        case S::ConfirmingCopay: return _("Confirm the copay");
        case S::Completed: return _("Reception recorded");
        case S::Cancelled: return _("Reception cancelled");
    }
    return {};
}

wxString toneHeadline(const ReceptionSession& session) {
    switch (session.tone()) {
        case Tone::Confirmed: return _("Confirmed online");
        case Tone::Fallback: return _("Fallback path: eligibility from another source");
        case Tone::Warning: return _("Staff decision needed");
        case Tone::Neutral: break;
    }
    return _("Reception in progress");
}

}  // namespace madoguchi::gui

#include <wx/window.h>

namespace madoguchi::gui {
namespace {

// Where to cut a line that became too long: after its last space, else before the last character.
size_t cutPoint(const wxString& line) {
    size_t space = line.rfind(' ');
    return space != wxString::npos && space > 0 ? space + 1 : line.length() - 1;
}

// How many of the characters of `rest` the line takes up to the first one that makes it wider
// than `width` (that one included); 0 when the line takes them all. A line grows wider with each
// character, so a binary search asks for a few widths where a scan asks for one per character.
size_t firstOverflow(const wxWindow* window, const wxString& line, const wxString& rest, int width) {
    const auto tooWide = [&](size_t taken) {
        const wxString candidate = line + rest.Left(taken);
        return candidate.length() > 1 && window->GetTextExtent(candidate).GetWidth() > width;
    };
    if (rest.empty() || !tooWide(rest.length())) return 0;
    size_t low = 1, high = rest.length();  // tooWide(high)
    while (low < high) {
        const size_t middle = low + (high - low) / 2;
        if (tooWide(middle))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

// Appends one paragraph (no line break in it) to `out`, cut into lines; its last line unended.
void wrapParagraph(wxString& out, const wxWindow* window, wxString rest, int width) {
    wxString line;
    while (const size_t taken = firstOverflow(window, line, rest, width)) {
        line += rest.Left(taken);
        rest = rest.Mid(taken);
        const size_t cut = cutPoint(line);
        out += line.Left(cut);
        out.Trim();
        out += "\n";
        line = line.Mid(cut);
    }
    out += line + rest;
}

}  // namespace

wxString wrapToWidth(const wxWindow* window, const wxString& text, int width) {
    if (width <= 0) return text;
    wxString out;
    size_t start = 0;
    for (size_t end = text.find('\n'); end != wxString::npos; start = end + 1, end = text.find('\n', start)) {
        wrapParagraph(out, window, text.Mid(start, end - start), width);
        out += "\n";
    }
    wrapParagraph(out, window, text.Mid(start), width);
    return out;
}

wxString escapeHtml(const wxString& text) {
    wxString out;
    for (auto c : text) {
        switch (static_cast<wxChar>(c)) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

wxString breakForHtml(const wxString& escaped, int maxUnits) {
    wxString out, line;
    int units = 0;
    bool inEntity = false;
    for (auto it = escaped.begin(); it != escaped.end(); ++it) {
        wxUniChar c = *it;
        line += c;
        if (c == '&') inEntity = true;
        if (inEntity) {
            if (c == ';') {
                inEntity = false;
                ++units;
            }
            continue;
        }
        units += c.GetValue() > 0x2000 ? 2 : 1;
        if (units >= maxUnits) {
            out += line + "<br>";
            line.clear();
            units = 0;
        }
    }
    return out + line;
}

}  // namespace madoguchi::gui
