// The manager window over a real SQLite journal filled through FacilityJournal: sign-in with
// wrong passwords and lockout, the daily log's counts, the follow-up list and re-tagging by
// role, the usage chart with an official figure, and CSV export. Screenshots of every tab.
#include <wx/gauge.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>

#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "code_tables.h"
#include "devices/gateway/folder_bulk_check.h"
#include "devices/gateway/terminal_simulator.h"
#include "gui/manager/daily_log_page.h"
#include "gui/manager/export_page.h"
#include "gui/manager/follow_up_page.h"
#include "gui/manager/manager_window.h"
#include "gui/manager/usage_page.h"
#include "gui/settings/language.h"
#include "fixed_clock.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

const Date kToday = *Date::fromYmd(2026, 4, 22);  // billing period 2026-03..05: 70 / 50 / 30%

VisitRecord visit(const std::string& id, const std::string& patientId, const std::string& name, const Date& day,
                  int hour) {
    VisitRecord v;
    v.visitId = id;
    v.patientId = patientId;
    v.patient.name = name;
    v.identityMethod = IdentityMethod::Face;
    v.source = EligibilitySource::OnlineCard;
    EligibilityResult result;
    result.qualificationValidity.raw = "1";
    v.onlineResult = result;
    v.claimRoute = ClaimRoute::Current;
    v.share = *CopayShare::fromTenths(3);
    v.copay = Yen{1230};
    v.staffId = "uketsuke";
    v.startedAt = {day, hour, 5, 0};
    v.completedAt = {day, hour, 9, 0};
    return v;
}

// Today: 3 online by card (one by PIN), お知らせ + card, 申立書 (UNKNOWN), 再診 past record (OLD),
// a 10割 with its reason, a cancelled one. Earlier months: card use for the usage chart.
std::vector<VisitRecord> journalVisits() {
    std::vector<VisitRecord> visits;
    visits.push_back(visit("v-01", "p-01", "山田 太郎", kToday, 9));
    visits.push_back(visit("v-02", "p-02", "佐藤 花子", kToday, 9));
    VisitRecord pin = visit("v-03", "p-03", "鈴木 一郎", kToday, 10);
    pin.identityMethod = IdentityMethod::Pin;
    visits.push_back(pin);
    VisitRecord notice = visit("v-04", "p-04", "高橋 美咲", kToday, 10);
    notice.source = EligibilitySource::NoticeWithCard;
    notice.onlineResult->qualificationValidity.raw = "2";
    visits.push_back(notice);
    VisitRecord declared = visit("v-05", "p-05", "田中 健", kToday, 11);
    declared.identityMethod = IdentityMethod::None;
    declared.source = EligibilitySource::SelfDeclaration;
    declared.onlineResult.reset();
    declared.claimRoute = ClaimRoute::Unknown;
    declared.copay = Yen{2000};
    visits.push_back(declared);
    VisitRecord past = visit("v-06", "p-06", "伊藤 誠", kToday, 11);
    past.identityMethod = IdentityMethod::None;
    past.source = EligibilitySource::PastRecord;
    past.onlineResult.reset();
    past.claimRoute = ClaimRoute::Old;
    past.insurance = {"01130012", {"12", "34", "00"}};  // what the bulk re-check asks with
    past.patient.birthDate = Date::fromYmd(1961, 2, 3);
    visits.push_back(past);
    VisitRecord full = visit("v-07", "p-07", "渡辺 陽子", kToday, 12);
    full.share = CopayShare::full();
    full.fullChargeReason = "保険証も資格確認書もなく、申立書の記入も断られた";
    full.copay = Yen{5000};
    visits.push_back(full);
    VisitRecord cancelled = visit("v-08", "p-08", "中村 翔", kToday, 12);
    cancelled.cancelled = true;
    cancelled.cancelReason = "帰宅";
    visits.push_back(cancelled);
    // An older UNKNOWN claim: the follow-up list shows it first.
    VisitRecord older = visit("v-00", "p-09", "小林 薫", *Date::fromYmd(2026, 3, 2), 9);
    older.source = EligibilitySource::SelfDeclaration;
    older.onlineResult.reset();
    older.claimRoute = ClaimRoute::Unknown;
    visits.push_back(older);
    // Months -5..-3 for the billing month: two patients, one by card each month.
    int n = 0;
    for (int back = 5; back >= 3; --back) {
        Date day = kToday.firstOfMonth().plusMonths(-back).plusDays(9);
        visits.push_back(visit("m-" + std::to_string(n++), "q-1", "月次 一", day, 9));
        VisitRecord other = visit("m-" + std::to_string(n++), "q-2", "月次 二", day, 10);
        other.source = EligibilitySource::QualificationCertificate;
        visits.push_back(other);
    }
    return visits;
}

struct ManagerFixture {
    test::TempFolder folder;
    storage::FacilityJournal journal{folder.path() / "journal.sqlite3"};
    madoguchi::test::FixedClock clock{LocalDateTime{kToday, 18, 0, 0}};
    StaffAccounts staff{journal, clock};
    AppSettings settings;

    ManagerFixture() {
        applyLanguage("ja");
        settings.facility.name = "みどり内科クリニック";
        settings.facility.medicalInstitutionCode = "1312345678";
        BOOST_REQUIRE(journal.recordVisits(journalVisits()).ok());
        std::string password = "admin-password";
        BOOST_REQUIRE(staff.createFirstAdministrator({"admin", "管理者", StaffRole::Admin}, password).ok());
        StaffMember admin{"admin", "管理者", StaffRole::Admin};
        password = "manager-password";
        BOOST_REQUIRE(staff.create(admin, {"jimucho", "事務長 森", StaffRole::Manager}, password).ok());
        password = "reception-password";
        BOOST_REQUIRE(staff.create(admin, {"uketsuke", "受付 川口", StaffRole::Receptionist}, password).ok());
    }
    ~ManagerFixture() { applyLanguage("en"); }
};

std::string tr(const char* msgid) { return translated(msgid); }

std::string valueOf(const std::vector<std::pair<wxString, wxString>>& rows, const wxString& what) {
    for (const auto& [label, value] : rows)
        if (label == what) return value.utf8_string();
    return "(missing: " + what.utf8_string() + ")";
}

}  // namespace

BOOST_FIXTURE_TEST_SUITE(ManagerWindow, ManagerFixture)

BOOST_AUTO_TEST_CASE(SignInSaysWhyItFailsAndLocksAfterRepeatedWrongPasswords) {
    auto* login = new ManagerLoginDialog(nullptr, staff, clock);
    login->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(login->IsShownOnScreen());

    login->setCredentials("uketsuke", "reception-password");  // right password, no report access
    BOOST_CHECK(!login->attemptSignIn());
    BOOST_CHECK_EQUAL(login->messageText().utf8_string(), tr("Your role does not allow this. Ask a manager or an administrator."));

    for (int attempt = 1; attempt <= storage::kFailuresBeforeLock; ++attempt) {
        login->setCredentials("jimucho", "wrong-password");
        BOOST_CHECK(!login->attemptSignIn());
    }
    BOOST_CHECK_EQUAL(login->messageText().utf8_string(), "職員IDかパスワードが違います。");
    test::saveScreenshot(login, "manager-login-wrong-password");

    login->setCredentials("jimucho", "manager-password");  // right, but locked now
    BOOST_CHECK(!login->attemptSignIn());
    // The same answer as a wrong password: the refusal does not tell that this one was right.
    BOOST_CHECK_EQUAL(login->messageText().utf8_string(), "職員IDかパスワードが違います。");
    BOOST_CHECK(!login->signedIn());
    test::saveScreenshot(login, "manager-login-locked");

    clock.advanceMinutes(storage::kLockMinutes + 1);
    login->setCredentials("jimucho", "manager-password");
    // The administrator set this password: the holder chooses their own before going on.
    BOOST_CHECK(!login->attemptSignIn());
    BOOST_CHECK(login->asksForNewPassword());
    test::saveScreenshot(login, "manager-login-choose-own-password");
    login->setCredentials("jimucho", "manager-password");
    login->setNewPassword("mori's own passphrase");
    BOOST_CHECK(login->attemptSignIn());
    BOOST_REQUIRE(login->signedIn());
    BOOST_CHECK_EQUAL(login->signedIn()->id, "jimucho");
    BOOST_CHECK(login->messageText().empty());
    login->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(DailyLogCountsTheDayFromTheJournal) {
    auto* frame = new ManagerFrame(nullptr, journal, {"jimucho", "事務長 森", StaffRole::Manager}, settings, clock);
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    auto rows = frame->dailyLog()->summaryRows();
    BOOST_CHECK_EQUAL(valueOf(rows, _("Visits")), "7");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Cancelled")), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Fallback path (not the online check)")), "3");
    BOOST_CHECK_EQUAL(valueOf(rows, _("被保険者資格申立書")), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Copay collected")), "13,150円");  // 1230×4 + 2000 + 1230 + 5000
    BOOST_CHECK_EQUAL(valueOf(rows, _("Identity check:") + " 顔認証"), "4");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Identity check:") + " 暗証番号"), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Eligibility from:") + " マイナ保険証によるオンライン資格確認"), "4");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Eligibility from:") + " 資格情報のお知らせ＋カード"), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Online result:") + " 有効"), "4");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Claim:") + " 旧資格（旧資格請求）"), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("Claim:") + " 資格不詳（不詳請求）"), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, _("100% charges")), "1");
    BOOST_CHECK_EQUAL(valueOf(rows, wxString::Format(_("100%% charge, visit %s"), "v-07")),
                      "保険証も資格確認書もなく、申立書の記入も断られた");
    BOOST_CHECK_EQUAL(frame->dailyLog()->visitList()->GetItemCount(), 8);
    // Reading the day's visits is in the audit trail: one read per patient shown, by this manager.
    storage::Statement reads = journal.database().prepare(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'patient.read' AND staff_id = 'jimucho' "
        "AND detail LIKE 'manager daily log%'");
    BOOST_REQUIRE(reads.step());
    BOOST_CHECK_EQUAL(reads.integer(0), 8);
    test::saveScreenshot(frame, "manager-daily-log");

    frame->notebook()->SetSelection(1);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(frame, "manager-follow-up");
    frame->notebook()->SetSelection(2);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(frame, "manager-usage");
    frame->notebook()->SetSelection(3);
    test::pumpFor(std::chrono::milliseconds(200));
    test::saveScreenshot(frame, "manager-csv-export");
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(ANewVisitRefreshesTheShownPageInTheBackgroundAndTheOtherWhenShown) {
    auto* frame = new ManagerFrame(nullptr, journal, {"jimucho", "事務長 森", StaffRole::Manager}, settings, clock);
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    frame->dailyLog()->visitList()->SetItemState(2, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    const std::string selected = frame->dailyLog()->selectedVisitId();
    const std::size_t followUpsBefore = frame->followUps()->visits().size();
    VisitRecord late = visit("v-09", "p-10", "小林 直子", kToday, 17);  // another window, on the same file
    late.claimRoute = ClaimRoute::Unknown;
    BOOST_REQUIRE(journal.recordVisit(late).ok());

    frame->journalChanged();
    BOOST_CHECK(frame->dailyLog()->refreshing());  // read on a worker: the window is not held
    BOOST_CHECK(frame->followUpsStale());
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->dailyLog()->visitList()->GetItemCount() == 9);
    BOOST_CHECK_EQUAL(frame->dailyLog()->selectedVisitId(), selected);
    BOOST_CHECK_EQUAL(frame->followUps()->visits().size(), followUpsBefore);  // not read while hidden
    storage::Statement reads = journal.database().prepare(
        "SELECT COUNT(*), COUNT(DISTINCT patient_id) FROM audit_log WHERE action = 'patient.read' "
        "AND detail LIKE 'manager daily log%'");
    BOOST_REQUIRE(reads.step());
    BOOST_CHECK_EQUAL(reads.integer(0), 9);  // only the new patient was audited again
    BOOST_CHECK_EQUAL(reads.integer(1), 9);

    frame->notebook()->SetSelection(1);
    BOOST_CHECK(!frame->followUpsStale());
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->followUps()->visits().size() == followUpsBefore + 1);
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(AJournalFileThatCannotBeReadIsNotCalledAServer) {
    auto* frame = new ManagerFrame(nullptr, journal, {"jimucho", "事務長 森", StaffRole::Manager}, settings, clock);
    frame->Show();
    MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    frame->journalUnreachable("database is locked");
    BOOST_CHECK(frame->showsUnreachable());
    BOOST_CHECK_EQUAL(frame->unreachableText().utf8_string(),
                      tr("The journal file is locked, moved or unreadable: the daily log and the follow-up list are "
                         "cleared until it can be read again. The reception window keeps its visits and saves them "
                         "when it can."));
    BOOST_CHECK_EQUAL(frame->dailyLog()->summaryRows().at(0).second.utf8_string(),
                      tr("The journal cannot be read now (the journal file is locked, moved or unreadable).") +
                          " database is locked");
    BOOST_CHECK(frame->unreachableText().utf8_string().find("サーバー") == std::string::npos);
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(FollowUpListsOldAndUnknownOldestFirstAndRetagNeedsTheRole) {
    auto* receptionistPage = new FollowUpPage(new wxFrame(nullptr, wxID_ANY, "r"), journal,
                                              {"uketsuke", "受付 川口", StaffRole::Receptionist}, clock);
    BOOST_CHECK(receptionistPage->visits().empty());  // the list is the manager's (domain/manager_desk)
    BOOST_CHECK_EQUAL(receptionistPage->list()->GetItemCount(), 0);
    auto refused = receptionistPage->retag("v-05", ClaimRoute::Current, "後日の照会で資格確認", "2026-11-26 照会");
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(journal.followUps().size(), 3u);
    receptionistPage->GetParent()->Destroy();

    auto* frame = new wxFrame(nullptr, wxID_ANY, "m");
    auto* page = new FollowUpPage(frame, journal, {"jimucho", "事務長 森", StaffRole::Manager}, clock);
    BOOST_REQUIRE_EQUAL(page->visits().size(), 3u);
    BOOST_CHECK_EQUAL(page->visits()[0].visitId, "v-00");  // the oldest first
    BOOST_CHECK(!page->retag("v-05", ClaimRoute::Current, "", "").ok());  // a reason is required
    auto accepted = page->retag("v-05", ClaimRoute::Current, "後日の照会で資格確認", "2026-11-26 照会");
    BOOST_REQUIRE_MESSAGE(accepted.ok(), (accepted.ok() ? "" : accepted.problem().message));
    BOOST_CHECK_EQUAL(page->visits().size(), 2u);
    BOOST_CHECK_EQUAL(page->list()->GetItemCount(), 2);
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(ReCheckAllRunsOneBulkJobInTheBackgroundAndRetagsTheConfirmedVisit) {
    // The simulated terminal on real folders knows v-06's patient; it answers "still processing"
    // first, then as a .zip.
    test::TempFolder oqs;
    const gateway::FolderLayout layout{oqs.path()};
    const char* dataset = R"({"medical_institution_code": "1312345678", "people": [{"id": "K", "validity": "1",
        "insurer_number": "01130012", "symbol": "12", "number": "34", "branch": "00", "name": "伊藤　誠",
        "birth_date": "1961-02-03"}]})";
    gateway::TerminalHabits habits;
    habits.bulkStillProcessingAsks = 1;
    habits.bulkAnswerAsZip = true;
    gateway::TerminalSimulator terminal(layout, gateway::DemoDataset::parse(dataset, test::codeTables()).value(),
                                        test::codeTables(), clock, habits);
    auto* frame = new wxFrame(nullptr, wxID_ANY, "m", wxDefaultPosition, wxSize(1100, 420));
    auto* page = new FollowUpPage(frame, journal, {"jimucho", "事務長 森", StaffRole::Manager}, clock,
                                  [&](std::stop_token stop) -> std::unique_ptr<BulkEligibilityCheck> {
                                      return std::make_unique<gateway::FolderBulkQueryClient>(
                                          layout, "1312345678", test::codeTables(), clock,
                                          gateway::RequestEncoding::FollowResults,
                                          gateway::BulkPolicy{std::chrono::seconds(10), std::chrono::milliseconds(100), 5},
                                          stop);
                                  });
    frame->Show();
    BOOST_REQUIRE_EQUAL(page->visits().size(), 3u);
    BOOST_CHECK(!page->recheckProgress()->IsShown());
    page->startRecheck();
    BOOST_CHECK(page->recheckRunning());  // the window stays responsive meanwhile
    // The terminal does not answer yet: the bar stands at "asking", the status says how many.
    const int asking = static_cast<int>(RecheckStage::Asking);
    MADOGUCHI_REQUIRE_EVENTUALLY(page->recheckProgress()->GetValue() == asking);
    BOOST_CHECK(page->recheckProgress()->IsShown());
    BOOST_CHECK_EQUAL(page->recheckProgress()->GetRange(), static_cast<int>(RecheckStage::Done));
    BOOST_CHECK_NE(page->statusText().utf8_string().find("3"), std::string::npos);
    test::saveScreenshot(frame, "manager-follow-up-recheck-progress");
    // Now the terminal serves: "still processing" first, then the answer as a .zip.
    std::jthread serving([&terminal](std::stop_token stop) {
        while (!stop.stop_requested()) {
            terminal.serveOnce();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    MADOGUCHI_REQUIRE_EVENTUALLY(!page->recheckRunning());
    BOOST_CHECK(!page->recheckProgress()->IsShown());
    BOOST_CHECK_MESSAGE(page->visits().size() == 2u, page->statusText().utf8_string());
    for (const auto& v : page->visits()) BOOST_CHECK_NE(v.visitId, "v-06");
    BOOST_CHECK_NE(page->statusText().utf8_string().find("1"), std::string::npos);
    const VisitList visit = journal.visit("v-06");
    BOOST_REQUIRE(!visit.empty());
    BOOST_CHECK_EQUAL(visit[0].claimRoute, "current");
    BOOST_CHECK_EQUAL(journal.followUps().size(), 2u);
    test::saveScreenshot(frame, "manager-follow-up-recheck");
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(UsageShowsTheBestMonthTierAndTheOfficialFigure) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "u", wxDefaultPosition, wxSize(1000, 600));
    auto* page = new UsagePage(frame, journal, {"jimucho", "事務長 森", StaffRole::Manager}, clock);
    frame->Show();
    BOOST_REQUIRE_EQUAL(page->months().size(), static_cast<std::size_t>(UsagePage::kMonthsShown));
    Date november = kToday.firstOfMonth().plusMonths(-5);
    BOOST_CHECK_EQUAL(page->months().at(november).estimateBasisPoints, 5000);  // 1 of 2 patients by card
    BOOST_REQUIRE(page->standing());
    BOOST_CHECK_EQUAL(page->standing()->bestBasisPoints, 5000);
    // The official figure replaces the estimate for its month and can lift the tier.
    BOOST_REQUIRE(page->enterOfficialRate(kToday.firstOfMonth().plusMonths(-4), 6500).ok());
    BOOST_CHECK_EQUAL(page->standing()->bestBasisPoints, 6500);
    BOOST_CHECK(page->standingText().utf8_string().find("65.00%") != std::string::npos);
    BOOST_REQUIRE(page->standing()->tier);
    BOOST_CHECK_EQUAL(page->standing()->tier->tier, 2);  // 50% ≤ 65% < 70%
    BOOST_CHECK_EQUAL(page->standing()->tier->gapBasisPoints, 500);
    BOOST_CHECK(page->standingText().utf8_string().find("加算1 まであと 5.00%") != std::string::npos);
    test::saveScreenshot(frame, "manager-usage-with-official");

    auto* receptionist = new UsagePage(frame, journal, {"uketsuke", "受付", StaffRole::Receptionist}, clock);
    BOOST_CHECK(!receptionist->enterOfficialRate(november, 9000).ok());
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(TheManagerWindowRefusesAnActionOnceTheRoleWasTakenAway) {
    auto* frame = new ManagerFrame(nullptr, journal, {"jimucho", "事務長 森", StaffRole::Manager}, settings, clock);
    const Date month = kToday.firstOfMonth().plusMonths(-4);
    BOOST_REQUIRE(frame->usage()->enterOfficialRate(month, 6500).ok());
    // The administrator changes the role while the window is open: the next action is refused.
    BOOST_REQUIRE(staff.setRole({"admin", "管理者", StaffRole::Admin}, "jimucho", StaffRole::Receptionist).ok());
    auto refused = frame->usage()->enterOfficialRate(month, 7000);
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(journal.officialRates().at(month), 6500);
    frame->followUps()->reload();
    BOOST_CHECK(frame->followUps()->visits().empty());  // the follow-up list is no longer shown
    frame->signOut(false);  // 管理 › Sign out closes the window
    test::pumpEvents();
    auto signedOut = journal.database().prepare(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.sign_out' AND staff_id = 'jimucho'");
    BOOST_REQUIRE(signedOut.step());
    BOOST_CHECK_EQUAL(signedOut.integer(0), 1);
}

BOOST_AUTO_TEST_CASE(CsvExportWritesTheDaysVisitsAndAuditsWhoExportedWhat) {
    std::filesystem::path csv = folder.path() / "visits.csv";
    const StaffMember manager{"jimucho", "事務長 森", StaffRole::Manager};
    const StaffMember receptionist{"uketsuke", "受付", StaffRole::Receptionist};
    BOOST_CHECK_EQUAL(exportVisitsCsv(journal, receptionist, clock.now(), kToday, kToday, csv, true).problem().code,
                      "staff.not_allowed");
    BOOST_CHECK(!std::filesystem::exists(csv));
    auto written = exportVisitsCsv(journal, manager, clock.now(), kToday, kToday, csv, true);
    BOOST_REQUIRE(written.ok());
    BOOST_CHECK_EQUAL(written.value(), 8);
    // Who exported what, how many rows and where; and each patient in the file as a read.
    auto exported = journal.database().prepare("SELECT staff_id, detail FROM audit_log WHERE action = 'export.csv'");
    BOOST_REQUIRE(exported.step());
    BOOST_CHECK_EQUAL(exported.text(0), "jimucho");
    BOOST_CHECK_EQUAL(exported.text(1), "CSV export " + kToday.iso() + ".." + kToday.iso() + ": 8 rows to " + csv.string());
    exported.reset();
    auto reads = journal.database().prepare(
        "SELECT COUNT(*), COUNT(DISTINCT patient_id) FROM audit_log WHERE action = 'patient.read' AND staff_id = 'jimucho'");
    reads.step();
    BOOST_CHECK_GT(reads.integer(0), 0);
    BOOST_CHECK_EQUAL(reads.integer(0), reads.integer(1));  // one row per patient
    reads.reset();
    std::ifstream in(csv, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    BOOST_CHECK_EQUAL(text.substr(0, 3), "\xEF\xBB\xBF");
    BOOST_CHECK(text.find("\"visit_id\",\"date\",\"started_at\"") != std::string::npos);
    BOOST_CHECK(text.find("渡辺 陽子") != std::string::npos);
    BOOST_CHECK(!exportVisitsCsv(journal, manager, clock.now(), kToday, kToday.plusDays(-1), csv, false).ok());
}

BOOST_AUTO_TEST_SUITE_END()
