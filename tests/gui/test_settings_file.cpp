// AppSettings on disk: defaults when missing, a round trip, clear Problems for broken files, the
// seal (a file edited by hand is refused), the audited list of changes,
// and the 医療機関コード rules the settings dialog validates live. No display needed.
#include <algorithm>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "app/app_settings.h"
#include "app_process.h"
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
    BOOST_CHECK_EQUAL(loaded.value().selfDeclarationRetentionDays, kDefaultSelfDeclarationRetentionDays);
    auto read = readAppSettings(folder.path() / "none" / "settings.json");
    BOOST_REQUIRE(read.ok());
    BOOST_CHECK(read.value().seal == SettingsSeal::NoFile);  // a new installation: the set-up assistant
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
    settings.selfDeclarationRetentionDays = 45;
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
    BOOST_CHECK_EQUAL(back.selfDeclarationRetentionDays, 45);
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
        {R"({"folder_watch": "inotify"})", "folder_watch"},
        {R"({"idle_lock_minutes": -1})", "idle_lock_minutes"},
        {R"({"idle_lock_minutes": "five"})", "idle_lock_minutes"},
        {R"({"self_declaration_retention_days": 0})", "self_declaration_retention_days"},
        {R"({"self_declaration_retention_days": 3651})", "self_declaration_retention_days"},
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
    auto loaded = readAppSettings(path);  // unsealed: read for the administrator to review
    BOOST_REQUIRE(loaded.ok());
    BOOST_CHECK_EQUAL(loaded.value().settings.journalPath.string(), "postgresql://madoguchi@db.clinic.lan/madoguchi");
    for (const char* uri : {"postgresql://madoguchi:hunter2-secret@db.clinic.lan/madoguchi",
                            "postgresql://madoguchi@db.clinic.lan/madoguchi?password=hunter2-secret"}) {
        writeFile(path, std::string(R"({"journal_path": ")") + uri + "\"}");
        auto refused = readAppSettings(path);
        BOOST_TEST_CONTEXT(uri) {
            BOOST_REQUIRE(!refused.ok());
            BOOST_CHECK(refused.problem().message.find("journal_path") != std::string::npos);
            BOOST_CHECK(refused.problem().message.find(".pgpass") != std::string::npos);
            BOOST_CHECK(refused.problem().message.find("hunter2-secret") == std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(ASavedFileIsSealedAndAFileEditedByHandIsRefusedWithWhatToDo) {
    test::TempFolder folder;
    const std::filesystem::path path = folder.path() / "madoguchi" / "settings.json";
    BOOST_REQUIRE(saveAppSettings(validClinic(), path).ok());
    BOOST_CHECK(std::filesystem::exists(path.parent_path() / "audit.key"));  // the key beside the file
    auto read = readAppSettings(path);
    BOOST_REQUIRE(read.ok());
    BOOST_CHECK(read.value().seal == SettingsSeal::Intact);
    BOOST_CHECK(loadAppSettings(path).ok());

    // An editor changes one value: the file is read (for review) but refused.
    std::string text = test::fileText(path);
    const std::string name = "みどりクリニック";
    BOOST_REQUIRE(text.find(name) != std::string::npos);
    text.replace(text.find(name), name.size(), "みどり眼科");
    writeFile(path, text);
    read = readAppSettings(path);
    BOOST_REQUIRE(read.ok());
    BOOST_CHECK(read.value().seal == SettingsSeal::Mismatch);
    BOOST_CHECK_EQUAL(read.value().settings.facility.name, "みどり眼科");
    auto refused = loadAppSettings(path);
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "settings.changed_outside");
    BOOST_CHECK(refused.problem().message.find(path.string()) != std::string::npos);
    BOOST_CHECK(refused.problem().message.find("An administrator signs in") != std::string::npos);

    // The seal removed: refused as unsealed.
    auto root = Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
    root->remove("seal");
    std::ostringstream unsealed;
    root->stringify(unsealed, 2);
    writeFile(path, unsealed.str());
    BOOST_CHECK(readAppSettings(path).value().seal == SettingsSeal::Missing);
    BOOST_CHECK(loadAppSettings(path).problem().message.find("it has no seal") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(TheSealCoversTheValuesNotTheLayout) {
    test::TempFolder folder;
    const std::filesystem::path path = folder.path() / "settings.json";
    BOOST_REQUIRE(saveAppSettings(validClinic(), path).ok());
    auto root = Poco::JSON::Parser().parse(test::fileText(path)).extract<Poco::JSON::Object::Ptr>();
    std::ostringstream compact;  // the same members on one line
    root->stringify(compact);
    writeFile(path, compact.str());
    BOOST_CHECK(readAppSettings(path).value().seal == SettingsSeal::Intact);

    root->set("idle_lock_minutes", 0);  // a value changed, whatever the layout
    std::ostringstream changed;
    root->stringify(changed);
    writeFile(path, changed.str());
    BOOST_CHECK(readAppSettings(path).value().seal == SettingsSeal::Mismatch);
}

BOOST_AUTO_TEST_CASE(ASealMadeWithAnotherKeyOrWithoutTheKeyIsRefused) {
    test::TempFolder here, there;
    BOOST_REQUIRE(saveAppSettings(validClinic(), here.path() / "settings.json").ok());
    BOOST_REQUIRE(saveAppSettings(validClinic(), there.path() / "settings.json").ok());  // another key
    std::filesystem::copy_file(there.path() / "settings.json", here.path() / "settings.json",
                               std::filesystem::copy_options::overwrite_existing);
    BOOST_CHECK(readAppSettings(here.path() / "settings.json").value().seal == SettingsSeal::Mismatch);
    std::filesystem::remove(there.path() / "audit.key");
    BOOST_CHECK(readAppSettings(there.path() / "settings.json").value().seal == SettingsSeal::Mismatch);
}

BOOST_AUTO_TEST_CASE(ASavedFileIsPrivate) {
    test::TempFolder folder;
    const std::filesystem::path path = folder.path() / "settings.json";
    BOOST_REQUIRE(saveAppSettings(validClinic(), path).ok());
    BOOST_CHECK((std::filesystem::status(path).permissions() & std::filesystem::perms::all) ==
                (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
}

BOOST_AUTO_TEST_CASE(EveryChangeIsListedOldToNewWithSecretsMasked) {
    AppSettings before = validClinic();
    before.cardCheckUrl = "https://user:hunter2-secret@gateway.example/check?token=abc-secret";
    AppSettings after = before;
    after.facility.name = "みどり内科";
    after.faceTrashFolder = "/srv/chart/trash";
    after.requestEncoding = "shift_jis";
    after.folderWatch = "polling";
    after.selfDeclarationRetentionDays = 60;
    after.cardCheckCaFile = "/etc/madoguchi/ca.pem";
    after.cardCheckUrl = "https://user:other-secret@gateway.example/check?token=new-secret";
    const auto changes = settingsChanges(before, after);
    const std::vector<std::string> expected = {
        "facility.name: みどりクリニック -> みどり内科",
        "face_trash_folder:  -> /srv/chart/trash",
        "request_encoding: auto -> shift_jis",
        "folder_watch: auto -> polling",
        "card_check_url: *** -> *** (a masked part changed)",
        "card_check_ca_file:  -> /etc/madoguchi/ca.pem",
        "self_declaration_retention_days: 90 -> 60",
    };
    BOOST_CHECK_EQUAL_COLLECTIONS(changes.begin(), changes.end(), expected.begin(), expected.end());
    for (const std::string& change : changes) BOOST_CHECK(change.find("secret") == std::string::npos);
    BOOST_CHECK(settingsChanges(before, before).empty());
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
