// AppSettings on disk: defaults when missing, a round trip, clear Problems for broken files,
// and the 医療機関コード rules the settings dialog validates live. No display needed.
#include <algorithm>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "app/app_settings.h"
#include "gui_harness.h"

using namespace madoguchi;

namespace {

void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

AppSettings validClinic() {
    AppSettings settings;
    settings.facility.medicalInstitutionCode = "1312345678";
    settings.facility.name = "みどりクリニック";
    settings.gatewayRoot = "/srv/oqs";
    return settings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SettingsFile)

BOOST_AUTO_TEST_CASE(MissingFileGivesDefaults) {
    test::TempFolder folder;
    auto loaded = loadAppSettings(folder.path() / "none" / "settings.json");
    BOOST_REQUIRE(loaded.ok());
    BOOST_CHECK(loaded.value().facility.mode == FacilityMode::Standard);
    BOOST_CHECK(loaded.value().identitySource == IdentitySource::CertifiedReaderFolders);
    BOOST_CHECK(loaded.value().language.empty());
}

BOOST_AUTO_TEST_CASE(SavedSettingsLoadBackUnchanged) {
    test::TempFolder folder;
    AppSettings settings = validClinic();
    settings.facility.kind = FacilityKind::Pharmacy;
    settings.facility.medicalInstitutionCode = "1342345678";
    settings.facility.mode = FacilityMode::QualificationOnly;
    settings.facility.unknownClaimUsesCheckDigitFiller = true;
    settings.identitySource = IdentitySource::DirectReader;
    settings.cardCheckUrl = "https://example.invalid/check";
    settings.cardCheckCaFile = "/etc/madoguchi/gateway-ca.pem";
    settings.printerName = "Reception-A4";
    settings.language = "ja";
    settings.journalPath = folder.path() / "journal.sqlite3";
    settings.faceTrashFolder = "/srv/chart/trash";
    settings.requestEncoding = "shift_jis";
    settings.idleLockMinutes = 12;
    std::filesystem::path path = folder.path() / "madoguchi" / "settings.json";
    BOOST_REQUIRE(saveAppSettings(settings, path).ok());

    auto loaded = loadAppSettings(path);
    BOOST_REQUIRE(loaded.ok());
    const AppSettings& back = loaded.value();
    BOOST_CHECK_EQUAL(back.facility.medicalInstitutionCode, "1342345678");
    BOOST_CHECK_EQUAL(back.facility.name, "みどりクリニック");
    BOOST_CHECK(back.facility.kind == FacilityKind::Pharmacy);
    BOOST_CHECK(back.facility.mode == FacilityMode::QualificationOnly);
    BOOST_CHECK(back.facility.unknownClaimUsesCheckDigitFiller);
    BOOST_CHECK(back.identitySource == IdentitySource::DirectReader);
    BOOST_CHECK_EQUAL(back.cardCheckUrl, "https://example.invalid/check");
    BOOST_CHECK_EQUAL(back.cardCheckCaFile.string(), "/etc/madoguchi/gateway-ca.pem");
    BOOST_CHECK_EQUAL(back.printerName, "Reception-A4");
    BOOST_CHECK_EQUAL(back.language, "ja");
    BOOST_CHECK_EQUAL(back.gatewayRoot.string(), "/srv/oqs");
    BOOST_CHECK_EQUAL(back.journalPath.string(), (folder.path() / "journal.sqlite3").string());
    BOOST_CHECK_EQUAL(back.faceTrashFolder.string(), "/srv/chart/trash");
    BOOST_CHECK_EQUAL(back.requestEncoding, "shift_jis");
    BOOST_CHECK_EQUAL(back.idleLockMinutes, 12);
    BOOST_CHECK(!std::filesystem::exists(path.string() + ".tmp"));
}

BOOST_AUTO_TEST_CASE(DefaultPathFollowsXdgConfigHome) {
    const char* before = std::getenv("XDG_CONFIG_HOME");
    std::string saved = before ? before : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-config-test", 1);
    BOOST_CHECK_EQUAL(defaultSettingsPath().string(), "/tmp/xdg-config-test/madoguchi/settings.json");
    if (before) setenv("XDG_CONFIG_HOME", saved.c_str(), 1); else unsetenv("XDG_CONFIG_HOME");
}

BOOST_AUTO_TEST_CASE(BrokenJsonIsAProblemNamingTheFile) {
    test::TempFolder folder;
    std::filesystem::path path = folder.path() / "settings.json";
    writeFile(path, "{\"facility\": {\"name\": \"x\"");
    auto loaded = loadAppSettings(path);
    BOOST_REQUIRE(!loaded.ok());
    BOOST_CHECK_EQUAL(loaded.problem().code, "settings.malformed");
    BOOST_CHECK(loaded.problem().message.find(path.string()) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(WrongTypesAndValuesAreProblemsNamingTheField) {
    test::TempFolder folder;
    std::filesystem::path path = folder.path() / "settings.json";
    const std::pair<const char*, const char*> cases[] = {
        {R"({"facility": {"mode": 4}})", "facility.mode"},
        {R"({"facility": {"kind": "hospital"}})", "facility.kind"},
        {R"({"facility": {"name": 12}})", "name"},
        {R"({"identity_source": "camera"})", "identity_source"},
        {R"({"language": "fr"})", "language"},
        {R"({"request_encoding": "latin1"})", "request_encoding"},
        {R"({"idle_lock_minutes": -1})", "idle_lock_minutes"},
        {R"({"idle_lock_minutes": "five"})", "idle_lock_minutes"},
        {R"([1, 2])", "top level"},
    };
    for (const auto& [json, field] : cases) {
        writeFile(path, json);
        auto loaded = loadAppSettings(path);
        BOOST_TEST_CONTEXT(json) {
            BOOST_REQUIRE(!loaded.ok());
            BOOST_CHECK_EQUAL(loaded.problem().code, "settings.malformed");
            BOOST_CHECK(loaded.problem().message.find(field) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(ASiteServerAddressLoadsButNeverWithAPassword) {
    test::TempFolder folder;
    std::filesystem::path path = folder.path() / "settings.json";
    writeFile(path, R"({"journal_path": "postgresql://madoguchi@db.clinic.lan/madoguchi"})");
    auto loaded = loadAppSettings(path);
    BOOST_REQUIRE(loaded.ok());
    BOOST_CHECK_EQUAL(loaded.value().journalPath.string(), "postgresql://madoguchi@db.clinic.lan/madoguchi");
    for (const char* uri : {"postgresql://madoguchi:hunter2-secret@db.clinic.lan/madoguchi",
                            "postgresql://madoguchi@db.clinic.lan/madoguchi?password=hunter2-secret"}) {
        writeFile(path, std::string(R"({"journal_path": ")") + uri + "\"}");
        auto refused = loadAppSettings(path);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_REQUIRE(!refused.ok());
            BOOST_CHECK(refused.problem().message.find("journal_path") != std::string::npos);
            BOOST_CHECK(refused.problem().message.find(".pgpass") != std::string::npos);
            BOOST_CHECK(refused.problem().message.find("hunter2-secret") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(ValidSettingsHaveNoProblems) { BOOST_CHECK(settingsProblems(validClinic()).empty()); }

BOOST_AUTO_TEST_CASE(MedicalInstitutionCodeRules) {
    BOOST_CHECK(medicalInstitutionCodeProblem("1312345678", FacilityKind::Clinic).empty());
    BOOST_CHECK(medicalInstitutionCodeProblem("1332345678", FacilityKind::Clinic).empty());  // 歯科
    BOOST_CHECK(medicalInstitutionCodeProblem("1342345678", FacilityKind::Pharmacy).empty());
    BOOST_CHECK(!medicalInstitutionCodeProblem("131234567", FacilityKind::Clinic).empty());    // 9 digits
    BOOST_CHECK(!medicalInstitutionCodeProblem("13123456789", FacilityKind::Clinic).empty());  // 11 digits
    BOOST_CHECK(!medicalInstitutionCodeProblem("13123A5678", FacilityKind::Clinic).empty());
    BOOST_CHECK(!medicalInstitutionCodeProblem("4812345678", FacilityKind::Clinic).empty());  // no prefecture 48
    BOOST_CHECK(!medicalInstitutionCodeProblem("0012345678", FacilityKind::Clinic).empty());
    BOOST_CHECK(!medicalInstitutionCodeProblem("1342345678", FacilityKind::Clinic).empty());  // 調剤 code
    BOOST_CHECK(!medicalInstitutionCodeProblem("1312345678", FacilityKind::Pharmacy).empty());
}

BOOST_AUTO_TEST_CASE(MissingRequiredFieldsAreListed) {
    AppSettings settings;
    auto problems = settingsProblems(settings);
    BOOST_CHECK_EQUAL(problems.size(), 3u);  // code, name, gateway folder
    settings = validClinic();
    settings.identitySource = IdentitySource::DirectReader;
    BOOST_CHECK_EQUAL(settingsProblems(settings).size(), 1u);  // the direct check address
    settings.cardCheckUrl = "http://gateway.example/check";  // plain HTTP, and no CA to pin
    auto direct = settingsProblems(settings);
    BOOST_CHECK_EQUAL(direct.size(), 2u);
    BOOST_CHECK(std::find(direct.begin(), direct.end(), "The direct card check address must start with https://.") !=
                direct.end());
    settings.cardCheckUrl = "https://gateway.example/check";
    settings.cardCheckCaFile = "/etc/madoguchi/gateway-ca.pem";
    BOOST_CHECK(settingsProblems(settings).empty());
    settings = validClinic();
    settings.facility.mode = FacilityMode::HomeConsent;  // ② has no face-recognition reader
    BOOST_CHECK_EQUAL(settingsProblems(settings).size(), 1u);
}

BOOST_AUTO_TEST_SUITE_END()
