#include "gui/manager/report_labels.h"

#include <map>

#include <wx/intl.h>

#include "domain/outcome.h"
#include "storage/open_database.h"

namespace madoguchi::gui {
namespace {

wxString lookup(const std::map<std::string, const char*, std::less<>>& labels, std::string_view name) {
    auto found = labels.find(name);
    return found == labels.end() ? wxString::FromUTF8(name.data(), name.size()) : wxGetTranslation(wxString::FromUTF8(found->second));
}

}  // namespace

wxString identityMethodLabel(std::string_view name) {
    static const std::map<std::string, const char*, std::less<>> labels{
        {"none", N_("No identity check")},
        {"face", N_("Face authentication")},
        {"pin", N_("PIN")},
        {"visual", N_("Visual confirmation by staff (目視)")},
    };
    return lookup(labels, name);
}

wxString sourceLabel(std::string_view name) {
    static const std::map<std::string, const char*, std::less<>> labels{
        {"online_card", N_("Online check by the My Number card")},
        {"online_numbers", N_("Online check by the card numbers")},
        {"portal_screen_with_card", N_("マイナポータル screen + card")},
        {"notice_with_card", N_("資格情報のお知らせ + card")},
        {"qualification_certificate", N_("資格確認書")},
        {"legacy_insurance_card", N_("Health insurance card")},
        {"past_record", N_("Last recorded eligibility (return visit)")},
        {"self_declaration", N_("被保険者資格申立書")},
        {"no_proof", N_("Nothing shown: 10割負担（自費）")},
    };
    return lookup(labels, name);
}

wxString validityLabel(std::string_view code) {
    static const std::map<std::string, const char*, std::less<>> labels{
        {"", N_("No online answer")},
        {"none", N_("No online answer")},
        {"1", N_("Valid")},
        {"2", N_("Invalid (資格無効)")},
        {"3", N_("Invalid: a newer qualification exists")},
        {"4", N_("No such qualification (資格情報なし)")},
        {"5", N_("Several matches")},
        {"6", N_("Valid, not registered")},
    };
    return lookup(labels, code);
}

wxString claimRouteLabel(std::string_view name) {
    static const std::map<std::string, const char*, std::less<>> labels{
        {"current", N_("current eligibility")},
        {"old", N_("past eligibility (旧資格請求)")},
        {"unknown", N_("unknown (不詳請求)")},
    };
    return lookup(labels, name);
}

wxString percentText(int basisPoints) { return wxString::Format("%d.%02d%%", basisPoints / 100, basisPoints % 100); }

wxString yenAmountText(long long yen) {
    wxString digits = wxString::Format("%lld", yen < 0 ? -yen : yen);
    wxString grouped;
    for (size_t i = 0; i < digits.length(); ++i) {
        if (i > 0 && (digits.length() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    if (yen < 0) grouped = "-" + grouped;
    return wxString::Format(_("%s yen"), grouped);
}

wxString journalUnreadableText(const std::string& location) {
    return storage::isServerLocation(location)
               ? _("The journal cannot be read now (the site server does not answer).")
               : _("The journal cannot be read now (the journal file is locked, moved or unreadable).");
}

}  // namespace madoguchi::gui
