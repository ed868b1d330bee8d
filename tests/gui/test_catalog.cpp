// The language setting: Japanese from the compiled catalog, English from the msgids, domain
// N_() strings translated too, and pharmacy wording chosen by the facility kind.
#include <wx/intl.h>

#include "domain/facility.h"
#include "gui/settings/facility_wording.h"
#include "gui/reception/display_text.h"
#include "gui/settings/language.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {
struct RestoreEnglish {
    ~RestoreEnglish() { applyLanguage("en"); }
};
std::string tr(const char* msgid) { return wxGetTranslation(wxString::FromUTF8(msgid)).utf8_string(); }
}  // namespace

BOOST_AUTO_TEST_SUITE(LanguageSwitch)

BOOST_AUTO_TEST_CASE(JapaneseComesFromTheCompiledCatalog) {
    RestoreEnglish restore;
    applyLanguage("ja");
    BOOST_CHECK_EQUAL(tr("Cancel"), "キャンセル");
    BOOST_CHECK_EQUAL(tr("Eligibility confirmed"), "資格確認ができました");
    // A domain string marked N_() and a storage Problem message.
    BOOST_CHECK_EQUAL(translated("Face authentication"), "顔認証");
    BOOST_CHECK_EQUAL(translated("New password"),
                      "新しいパスワード");
}

BOOST_AUTO_TEST_CASE(AComposedDomainTextIsTranslatedPieceByPieceAroundTheTerminalsOwnText) {
    RestoreEnglish restore;
    applyLanguage("ja");
    const std::string composed = "The online check is unavailable: continue with the fallback. "
                                 "The terminal rejected the request: 要求ファイルの形式に誤りがあります";
    BOOST_CHECK_EQUAL(domainText(composed).utf8_string(),
                      tr("The online check is unavailable: continue with the fallback.") + " " +
                          tr("The terminal rejected the request:") + " 要求ファイルの形式に誤りがあります");
    BOOST_CHECK(domainText(composed).utf8_string().find("rejected") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(EnglishShowsTheMsgidsAfterJapanese) {
    applyLanguage("ja");
    BOOST_REQUIRE_EQUAL(tr("Eligibility confirmed"), "資格確認ができました");  // a catalog is loaded
    BOOST_REQUIRE_EQUAL(translated("Face authentication"), "顔認証");
    applyLanguage("en");
    BOOST_CHECK_EQUAL(tr("Eligibility confirmed"), "Eligibility confirmed");
    BOOST_CHECK_EQUAL(translated("Face authentication"), "Face authentication");
}

BOOST_AUTO_TEST_CASE(DesktopLanguageIsFollowedWhenUnset) {
    RestoreEnglish restore;
    const char* before = std::getenv("LANGUAGE");
    std::string saved = before ? before : "";
    setenv("LANGUAGE", "ja_JP", 1);
    applyLanguage("");
    BOOST_CHECK_EQUAL(tr("Eligibility confirmed"), "資格確認ができました");
    if (before) setenv("LANGUAGE", saved.c_str(), 1); else unsetenv("LANGUAGE");
}

BOOST_AUTO_TEST_CASE(CatalogsReadMeanwhileTakeEffectWhenApplied) {
    RestoreEnglish restore;
    applyLanguage("en");
    auto loading = loadLanguage("ja");
    BOOST_CHECK_EQUAL(tr("Eligibility confirmed"), "Eligibility confirmed");  // not yet applied
    applyLanguage(std::move(loading));
    BOOST_CHECK_EQUAL(tr("Eligibility confirmed"), "資格確認ができました");
    BOOST_CHECK_EQUAL(translated("Face authentication"), "顔認証");
}

BOOST_AUTO_TEST_CASE(PharmacyWordingFollowsTheFacilityKind) {
    RestoreEnglish restore;
    applyLanguage("ja");
    BOOST_CHECK_EQUAL(visitWord(FacilityKind::Clinic).utf8_string(), "受診");
    BOOST_CHECK_EQUAL(visitWord(FacilityKind::Pharmacy).utf8_string(), "調剤");
    BOOST_CHECK_EQUAL(medicalInfoConsentLabel(FacilityKind::Pharmacy).utf8_string(), "薬剤情報の提供への同意");
    applyLanguage("en");
    BOOST_CHECK_EQUAL(receptionTitle(FacilityKind::Pharmacy).utf8_string(), "Prescription counter");
}

BOOST_AUTO_TEST_SUITE_END()
