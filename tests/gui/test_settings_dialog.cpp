// The settings dialog: the 医療機関コード checked while typing, problems listed and OK disabled
// until the settings can be saved, the mode ②/③ rule, language choice, and staff accounts
// changed only by an administrator. Screenshots of every tab.
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobox.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include "app/system_clock.h"
#include "gui/settings/form_grid.h"
#include "gui/settings/language.h"
#include "gui/settings/settings_dialog.h"
#include "storage/visit_journal.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

struct SettingsFixture {
    test::TempFolder folder;
    storage::FacilityJournal journal{folder.path() / "journal.sqlite3"};  // creates the staff table
    app::SystemClock clock;
    storage::StaffAccounts staff{journal, clock};
    StaffMember admin{"admin", "管理者 山本", StaffRole::Admin};

    SettingsFixture() {
        applyLanguage("ja");
        std::string password = "admin-password";
        BOOST_REQUIRE(staff.createFirstAdministrator(admin, password).ok());
    }
    ~SettingsFixture() { applyLanguage("en"); }

    AppSettings initial() const {
        AppSettings settings;
        settings.gatewayRoot = folder.path() / "oqs";
        return settings;
    }
};

void selectRadio(wxRadioBox* box, int selection) {
    box->SetSelection(selection);
    wxCommandEvent event(wxEVT_RADIOBOX, box->GetId());
    event.SetEventObject(box);
    event.SetInt(selection);
    box->GetEventHandler()->ProcessEvent(event);
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(SettingsDialogs, SettingsFixture)

BOOST_AUTO_TEST_CASE(CodeIsValidatedWhileTypingAndOkWaitsForValidSettings) {
    auto* dialog = new SettingsDialog(nullptr, initial(), staff, admin);
    dialog->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(dialog->IsShownOnScreen());
    BOOST_CHECK(!dialog->canSave());  // empty code and name

    dialog->codeField()->SetValue("13123");
    BOOST_CHECK_EQUAL(dialog->codeMessage().utf8_string(), "医療機関コードは10桁の数字で入力してください。");
    dialog->codeField()->SetValue("1312345678");
    BOOST_CHECK(dialog->codeMessage().empty());
    dialog->nameField()->SetValue("みどり内科クリニック");
    BOOST_CHECK_MESSAGE(dialog->canSave(), dialog->problemsText());
    test::saveScreenshot(dialog, "settings-facility");

    selectRadio(dialog->kindBox(), 1);  // a pharmacy needs 4 (調剤) as the third digit
    BOOST_CHECK_EQUAL(dialog->codeMessage().utf8_string(), "薬局の医療機関コードは3桁目が4（調剤）です。");
    BOOST_CHECK(!dialog->canSave());
    dialog->codeField()->SetValue("1342345678");
    BOOST_CHECK(dialog->canSave());

    selectRadio(dialog->modeBox(), 2);  // ③ has no face reader: the folders source is refused
    BOOST_CHECK(!dialog->canSave());
    BOOST_CHECK(dialog->problemsText().utf8_string().find(
                    translated("Modes ② and ③ have no face-recognition card reader: choose the direct reader.")) !=
                std::string::npos);
    selectRadio(dialog->sourceBox(), 1);
    BOOST_CHECK(!dialog->canSave());  // the direct check needs its address
    dialog->notebook()->SetSelection(1);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(dialog, "settings-identity-and-folders");

    dialog->languageChoice()->SetSelection(2);
    BOOST_CHECK_EQUAL(dialog->idleLockMinutes()->GetValue(), 5);  // the default
    dialog->idleLockMinutes()->SetValue(10);
    dialog->notebook()->SetSelection(2);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(dialog, "settings-printer-and-language");

    AppSettings edited = dialog->edited();
    BOOST_CHECK(edited.facility.kind == FacilityKind::Pharmacy);
    BOOST_CHECK(edited.facility.mode == FacilityMode::QualificationOnly);
    BOOST_CHECK(edited.identitySource == IdentitySource::DirectReader);
    BOOST_CHECK_EQUAL(edited.language, "en");
    BOOST_CHECK_EQUAL(edited.idleLockMinutes, 10);
    BOOST_CHECK_EQUAL(edited.facility.medicalInstitutionCode, "1342345678");
    dialog->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(StaffAccountsAreChangedOnlyByAnAdministrator) {
    auto* dialog = new SettingsDialog(nullptr, initial(), staff, admin);
    dialog->Show();
    std::string password = "reception-password";
    BOOST_REQUIRE(dialog->addStaff({"uketsuke", "受付 川口", StaffRole::Receptionist}, password).ok());
    BOOST_CHECK(password.empty());  // wiped after hashing
    password = "short";
    BOOST_CHECK(!dialog->addStaff({"yakuzai", "薬剤師", StaffRole::Pharmacist}, password).ok());
    BOOST_CHECK_EQUAL(dialog->staffList()->GetItemCount(), 2);
    BOOST_REQUIRE(dialog->changeRole("uketsuke", StaffRole::Manager).ok());
    BOOST_CHECK(!dialog->changeRole("admin", StaffRole::Receptionist).ok());  // not from oneself
    password = "new-password-1";
    BOOST_CHECK(dialog->resetPassword("uketsuke", password).ok());
    dialog->notebook()->SetSelection(3);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(dialog, "settings-staff-accounts");
    dialog->Destroy();

    auto* byManager = new SettingsDialog(nullptr, initial(), staff, {"uketsuke", "受付 川口", StaffRole::Manager});
    password = "another-password";
    auto refused = byManager->addStaff({"x", "x", StaffRole::Admin}, password);
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "staff.not_allowed");
    byManager->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(SavedThroughTheDialogTheFileIsAcceptedAndEveryChangeIsAudited) {
    const std::filesystem::path path = folder.path() / "config" / "settings.json";
    AppSettings settings = initial();
    settings.facility = {"1312345678", "みどり内科", FacilityKind::Clinic, FacilityMode::Standard, false};
    settings.cardCheckUrl = "https://user:hunter2-secret@gateway.example/check";
    auto* dialog = new SettingsDialog(nullptr, settings, staff, admin);
    dialog->Show();
    dialog->nameField()->SetValue("みどり内科クリニック");
    dialog->faceTrashPicker()->SetPath(wxString::FromUTF8((folder.path() / "trash").string()));
    dialog->requestEncodingChoice()->SetSelection(2);
    BOOST_CHECK_EQUAL(dialog->folderWatchChoice()->GetSelection(), 0);  // automatic unless set
    dialog->folderWatchChoice()->SetSelection(1);
    dialog->retentionDays()->SetValue(60);
    dialog->notebook()->SetSelection(1);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(dialog, "settings-identity-and-folders-trash-encoding");
    const AppSettings edited = dialog->edited();
    BOOST_CHECK_EQUAL(edited.requestEncoding, "shift_jis");
    BOOST_CHECK_EQUAL(edited.folderWatch, "polling");
    BOOST_CHECK_EQUAL(edited.faceTrashFolder.string(), (folder.path() / "trash").string());
    BOOST_CHECK_EQUAL(edited.selfDeclarationRetentionDays, 60);
    dialog->Destroy();
    test::pumpEvents();

    const StaffMember receptionist{"uketsuke", "受付 川口", StaffRole::Receptionist};
    AppSettings unchanged = settings;
    BOOST_CHECK(!saveSettingsAsAdministrator(receptionist, unchanged, edited, path, staff).ok());
    BOOST_CHECK(!std::filesystem::exists(path));

    BOOST_REQUIRE(saveSettingsAsAdministrator(admin, settings, edited, path, staff).ok());
    BOOST_CHECK_EQUAL(settings.requestEncoding, "shift_jis");
    auto read = readAppSettings(path);
    BOOST_REQUIRE(read.ok());
    BOOST_CHECK(read.value().seal == SettingsSeal::Intact);
    BOOST_CHECK_EQUAL(read.value().settings.selfDeclarationRetentionDays, 60);

    auto query = journal.database().prepare(
        "SELECT staff_id, action, detail FROM audit_log WHERE action LIKE 'settings.%' ORDER BY seq");
    std::vector<std::string> rows;
    while (query.step()) rows.push_back(query.text(0) + "|" + query.text(1) + "|" + query.text(2));
    const std::vector<std::string> expected = {
        "admin|settings.changed|facility.name: みどり内科 -> みどり内科クリニック",
        "admin|settings.changed|face_trash_folder:  -> " + (folder.path() / "trash").string(),
        "admin|settings.changed|request_encoding: auto -> shift_jis",
        "admin|settings.changed|folder_watch: auto -> polling",
        "admin|settings.changed|self_declaration_retention_days: 90 -> 60",
        "admin|settings.saved|" + path.string() + " (5 changes)",
    };
    BOOST_CHECK_EQUAL_COLLECTIONS(rows.begin(), rows.end(), expected.begin(), expected.end());
}

BOOST_AUTO_TEST_CASE(ThePasswordLabelsSayTheRuleTheAccountsApply) {
    const std::string rule = passwordRule().utf8_string();
    BOOST_CHECK(rule.find(std::to_string(storage::kMinimumPasswordLength)) != std::string::npos);
    BOOST_CHECK(rule.find(std::to_string(storage::kMinimumPassphraseWords)) != std::string::npos);
    BOOST_CHECK(rule.find('8') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
