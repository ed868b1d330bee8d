#pragma once
// The journal's stored names (identity method, source, validity code, claim route) in the
// user's language, for the manager's tables. Unknown names are shown as stored.
#include <string>
#include <string_view>

#include <wx/string.h>

namespace madoguchi::gui {

wxString identityMethodLabel(std::string_view name);  // "face" → 顔認証
wxString sourceLabel(std::string_view name);          // "notice_with_card" → 資格情報のお知らせ＋カード
wxString validityLabel(std::string_view code);        // OQSCD006 "1".."6"; "" when no online answer
wxString claimRouteLabel(std::string_view name);      // "old" → 旧資格（旧資格請求）
wxString percentText(int basisPoints);                  // 4512 → "45.12%"
wxString yenAmountText(long long yen);                  // 12340 → "12,340 yen" / "12,340円"
// Why a page shows nothing, in the words of the journal's engine: a site server that does not
// answer, or a journal file that is locked or cannot be read. `location` as the settings give it.
wxString journalUnreadableText(const std::string& location);

}  // namespace madoguchi::gui
