// The journal on a real SQLite file: visits, the last eligibility, re-tags with their history,
// late answers and the follow-up list.
#include <boost/test/unit_test.hpp>

#include "domain/manager_desk.h"
#include "environment.h"
#include "storage/batched.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::scalar;
using madoguchi::test::TempFolder;

namespace {

EligibilityResult confirmedAnswer() {
    EligibilityResult result;
    result.processExecutionTime = "20261126101500";
    result.segmentOfResult.raw = "1";
    result.processingResultStatus.raw = "1";
    result.qualificationValidity.raw = "1";
    result.results.resize(1);
    return result;
}

const StaffMember kManager{"jimucho", "事務長", StaffRole::Manager};
const StaffMember kReceptionist{"uketsuke1", "受付", StaffRole::Receptionist};

}  // namespace

BOOST_AUTO_TEST_SUITE(Journal)

#ifdef _WIN32
BOOST_AUTO_TEST_CASE(DefaultPathIsUnderTheLocalAppDataFolder) {
    const std::wstring before = _wgetenv(L"LOCALAPPDATA");  // this run's private folder (main.cpp)
    test::setEnvironment("LOCALAPPDATA", "C:\\Users\\受付\\AppData\\Local");
    BOOST_CHECK(storage::defaultJournalPath("tanaka-clinic").wstring() ==
                L"C:\\Users\\受付\\AppData\\Local\\Madoguchi\\tanaka-clinic.sqlite3");
    BOOST_CHECK(storage::defaultJournalPath().filename().wstring() == L"facility.sqlite3");
    _wputenv_s(L"LOCALAPPDATA", before.c_str());
    SetEnvironmentVariableW(L"LOCALAPPDATA", before.c_str());
}
#else
BOOST_AUTO_TEST_CASE(DefaultPathIsUnderTheXdgDataFolder) {
    test::setEnvironment("XDG_DATA_HOME", "/srv/clinic-data");
    BOOST_CHECK_EQUAL(storage::defaultJournalPath("tanaka-clinic").string(), "/srv/clinic-data/madoguchi/tanaka-clinic.sqlite3");
    test::unsetEnvironment("XDG_DATA_HOME");
    test::setEnvironment("HOME", "/home/uketsuke");
    BOOST_CHECK_EQUAL(storage::defaultJournalPath().string(), "/home/uketsuke/.local/share/madoguchi/facility.sqlite3");
}
#endif

BOOST_AUTO_TEST_CASE(TheFirstStartCreatesTheJournalsFolder) {
    TempFolder folder;
    auto file = folder / "data/madoguchi/clinic.sqlite3";
    storage::FacilityJournal journal(test::location(file));
    BOOST_CHECK(std::filesystem::exists(file));
#ifndef _WIN32  // Windows: a private DACL set on an existing folder, which Wine does not keep (docs/windows.md)
    BOOST_CHECK((std::filesystem::status(file.parent_path()).permissions() & std::filesystem::perms::all) ==
                std::filesystem::perms::owner_all);
#endif
}

BOOST_AUTO_TEST_CASE(ARecordedVisitIsReadBackAsTheLastEligibility) {
    test::JournalPlace folder;
    auto file = folder.journal();
    {
        storage::FacilityJournal journal(test::location(file));
        BOOST_TEST(journal.recordVisit(test::sampleVisit("V1", "P1", at(2026, 10, 1))).ok());
        VisitRecord later = test::sampleVisit("V2", "P1", at(2026, 11, 2));
        later.insurance = {"39131008", {"", "00012345", ""}};
        later.share = *CopayShare::fromTenths(1);
        BOOST_TEST(journal.recordVisit(later).ok());
        BOOST_TEST(journal.recordVisit(test::unknownClaimVisit("V3", "P1", at(2026, 11, 20))).ok());
    }
    storage::FacilityJournal reopened(test::location(file));
    auto past = reopened.lastEligibility("P1");
    BOOST_REQUIRE(past);
    // The 申立書 visit carries only the 7s filler: the last real eligibility is the 後期 one.
    BOOST_CHECK_EQUAL(past->insurance.insurerNumber, "39131008");
    BOOST_CHECK_EQUAL(past->insurance.card.number, "00012345");
    BOOST_REQUIRE(past->share);
    BOOST_CHECK_EQUAL(past->share->tenths(), 1);
    BOOST_CHECK_EQUAL(past->recordedAt.iso(), "2026-11-02T09:03:00");
    BOOST_CHECK_EQUAL(past->patient.name, "山田　太郎");
    BOOST_CHECK(past->patient.birthDate == Date::fromYmd(1980, 4, 1));
    BOOST_CHECK(!reopened.lastEligibility("P-unknown"));

    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM visits"), 3);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM eligibility_snapshots WHERE visit_id = 'V1' AND raw_xml LIKE '%QualificationValidity%'"), 1);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.recorded'"), 3);
}

BOOST_AUTO_TEST_CASE(NoColumnCouldHoldTheIndividualNumber) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    const std::string schema = test::onServer()
                                   ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = 'public' AND "
                                     "(column_name LIKE '%my_number%' OR column_name LIKE '%kojin%' OR column_name LIKE "
                                     "'%individual%')"
                                   : "SELECT COUNT(*) FROM sqlite_master WHERE sql LIKE '%my_number%' OR sql LIKE "
                                     "'%kojin%' OR sql LIKE '%individual%'";
    BOOST_CHECK_EQUAL(scalar(folder.journal(), schema), 0);
}

BOOST_AUTO_TEST_CASE(AVisitWithAUsedIdIsRefusedAtOnceAndNotQueued) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V1", "P1")).ok());
    auto again = journal.recordVisit(test::sampleVisit("V1", "P2"));
    BOOST_REQUIRE(!again);
    BOOST_CHECK_EQUAL(again.problem().code, "journal.rejected");
    BOOST_CHECK_EQUAL(journal.unsavedCount(), 0u);
}

BOOST_AUTO_TEST_CASE(RetagToCurrentKeepsWhoWhenWhyAndTheEvidence) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-old", "P1", at(2026, 11, 2))).ok());
    BOOST_TEST(journal.recordVisit(test::unknownClaimVisit("V-unknown", "P2", at(2026, 11, 3))).ok());

    Retag toCurrent{"V-old", ClaimRoute::Current, "", "資格確認書を後日提示", "資格確認書 06139993 12-3456-01", at(2026, 11, 10, 14)};
    BOOST_TEST(retagClaim(kManager, journal, toCurrent).ok());
    Retag unknownToCurrent{"V-unknown", ClaimRoute::Current, "", "late 照会 confirmed", "<XmlMsg/>", at(2026, 11, 11, 9)};
    BOOST_TEST(retagClaim(kManager, journal, unknownToCurrent).ok());

    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route FROM visits WHERE id = 'V-old'"), "current");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route FROM visits WHERE id = 'V-unknown'"), "current");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT from_route || '>' || to_route || '|' || staff_id || '|' || at || '|' || "
                                       "reason || '|' || evidence FROM retags WHERE visit_id = 'V-old'"),
                      "old>current|jimucho|2026-11-10T14:00:00|資格確認書を後日提示|資格確認書 06139993 12-3456-01");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT from_route FROM retags WHERE visit_id = 'V-unknown'"), "unknown");
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.retagged' AND staff_id = 'jimucho'"), 2);
    BOOST_CHECK(journal.followUps().empty());

    auto again = journal.retag(toCurrent);
    BOOST_REQUIRE(!again);
    BOOST_CHECK_EQUAL(again.problem().code, "journal.same_route");
    Retag noReason{"V-old", ClaimRoute::Old, "jimucho", "", "", at(2026, 11, 12)};
    BOOST_CHECK_EQUAL(journal.retag(noReason).problem().code, "journal.reason_required");
    BOOST_CHECK_EQUAL(journal.retag({"V-none", ClaimRoute::Current, "jimucho", "x", "", at(2026, 11, 12)}).problem().code,
                      "journal.no_visit");
}

BOOST_AUTO_TEST_CASE(ManyRetagsGoInOneCommitAndARefusedOneIsSkippedWithItsReason) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    std::vector<VisitRecord> visits;
    for (int i = 0; i < 40; ++i)
        visits.push_back(test::oldClaimVisit("V-" + std::to_string(i), "P" + std::to_string(i), at(2026, 11, 2, 9, i)));
    BOOST_REQUIRE(journal.recordVisits(visits).ok());
    BOOST_REQUIRE(journal.retag({"V-7", ClaimRoute::Current, "jimucho", "資格確認書", "scan", at(2026, 11, 9)}).ok());
    const auto anchorLinesBefore = test::anchorLineCount(journal.anchorPath());

    std::vector<Retag> retags;
    for (int i = 0; i < 40; ++i)
        retags.push_back({"V-" + std::to_string(i), ClaimRoute::Current, "jimucho", "bulk re-check confirmed",
                          "<XmlMsg>" + std::to_string(i) + "</XmlMsg>", at(2026, 11, 10, 11)});
    retags.push_back({"V-none", ClaimRoute::Current, "jimucho", "bulk re-check confirmed", "", at(2026, 11, 10, 11)});
    const auto outcomes = journal.retagAll(retags);
    BOOST_REQUIRE_EQUAL(outcomes.size(), 41u);
    for (int i = 0; i < 40; ++i) BOOST_CHECK_EQUAL(outcomes[static_cast<std::size_t>(i)].ok(), i != 7);
    BOOST_CHECK_EQUAL(outcomes[7].problem().code, "journal.same_route");  // already CURRENT
    BOOST_CHECK_EQUAL(outcomes[40].problem().code, "journal.no_visit");

    BOOST_CHECK(journal.followUps().empty());
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM retags WHERE at = '2026-11-10T11:00:00'"), 39);
    BOOST_CHECK_EQUAL(test::text(file, "SELECT from_route || '>' || to_route || '|' || staff_id || '|' || evidence "
                                       "FROM retags WHERE visit_id = 'V-12'"),
                      "old>current|jimucho|<XmlMsg>12</XmlMsg>");
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.retagged'"), 40);
    // One commit: the anchor file got one line for the 39 re-tags; the chain is whole and anchored.
    BOOST_CHECK_EQUAL(test::anchorLineCount(journal.anchorPath()), anchorLinesBefore + 1);
    const auto verdict = test::verifyJournal(file);
    BOOST_CHECK(verdict.intact());
    BOOST_CHECK_EQUAL(verdict.anchoredRows, verdict.rows);

    const auto nothing = journal.retagAll({{"V-3", ClaimRoute::Current, "jimucho", "again", "", at(2026, 11, 11)}});
    BOOST_REQUIRE_EQUAL(nothing.size(), 1u);
    BOOST_CHECK_EQUAL(nothing[0].problem().code, "journal.same_route");
    BOOST_CHECK_EQUAL(test::anchorLineCount(journal.anchorPath()), anchorLinesBefore + 1);  // nothing committed
}

BOOST_AUTO_TEST_CASE(ABatchRefusesAVisitAnotherWindowRetaggedMeanwhile) {
    test::JournalPlace folder;
    storage::FacilityJournal manager(folder.journal()), window(folder.journal());
    window.setWindow("受付2");
    std::vector<VisitRecord> visits;
    for (int i = 0; i < 40; ++i)
        visits.push_back(test::oldClaimVisit("V-" + std::to_string(i), "P" + std::to_string(i), at(2026, 11, 2, 9, i)));
    BOOST_REQUIRE(manager.recordVisits(visits).ok());
    const auto listed = manager.followUps();  // the manager's list, read before the other window acts
    BOOST_REQUIRE_EQUAL(listed.size(), 40u);
    BOOST_REQUIRE(window.retag({"V-3", ClaimRoute::Current, "uketsuke1", "資格確認書", "scan", at(2026, 11, 9)}).ok());
    BOOST_REQUIRE(window.retag({"V-30", ClaimRoute::Unknown, "uketsuke1", "申立書", "", at(2026, 11, 9)}).ok());

    std::vector<Retag> retags;
    for (const auto& visit : listed)
        retags.push_back({std::string(visit.visitId), ClaimRoute::Current, "jimucho", "bulk re-check confirmed", "<XmlMsg/>",
                          at(2026, 11, 10, 11)});
    const auto outcomes = manager.retagAll(retags);
    BOOST_REQUIRE_EQUAL(outcomes.size(), 40u);
    for (std::size_t i = 0; i < 40; ++i) BOOST_CHECK_EQUAL(outcomes[i].ok(), i != 3);
    BOOST_CHECK_EQUAL(outcomes[3].problem().code, "journal.same_route");  // the other window's CURRENT stands
    // The visit the other window moved to UNKNOWN is re-tagged from where it is now, and says so.
    BOOST_CHECK_EQUAL(test::text(folder.journal(), "SELECT from_route || '>' || to_route || '|' || staff_id FROM retags "
                                                   "WHERE visit_id = 'V-30' ORDER BY id DESC LIMIT 1"),
                      "unknown>current|jimucho");
    BOOST_CHECK_EQUAL(test::text(folder.journal(), "SELECT detail FROM audit_log WHERE visit_id = 'V-30' "
                                                   "ORDER BY seq DESC LIMIT 1"),
                      "unknown -> current");
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM retags WHERE staff_id = 'jimucho'"), 39);
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM retags WHERE visit_id = 'V-3'"), 1);
    BOOST_CHECK(manager.followUps().empty());
    BOOST_CHECK(test::verifyJournal(folder.journal()).intact());
}

// More re-tags than one statement of each kind takes (batched.h): the visits' ids in more than one
// IN list, the retags and audit rows in several multi-row statements, each visit re-tagged seven
// times in the one call (each from the route the previous one left), one refused in the middle.
BOOST_AUTO_TEST_CASE(ABatchOfThousandsOfRetagsKeepsItsOrderAndAVerifiableChain) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    constexpr int kVisits = storage::kMaxBatchParameters / 7 + 50, kRounds = 7;
    std::vector<VisitRecord> visits;
    for (int i = 0; i < kVisits; ++i)
        visits.push_back(test::oldClaimVisit("V-" + std::to_string(i), "P" + std::to_string(i),
                                             at(2026, 11, 2, 8 + i / 60, i % 60)));
    BOOST_REQUIRE(journal.recordVisits(visits).ok());
    const long long rowsBefore = scalar(folder.journal(), "SELECT COUNT(*) FROM audit_log");

    std::vector<Retag> retags;
    for (int round = 0; round < kRounds; ++round)
        for (int i = 0; i < kVisits; ++i)
            retags.push_back({"V-" + std::to_string(i), round % 2 == 0 ? ClaimRoute::Unknown : ClaimRoute::Current,
                              "jimucho", "round " + std::to_string(round), "<XmlMsg>" + std::to_string(i) + "</XmlMsg>",
                              at(2026, 11, 10, 11, round)});
    const std::size_t refused = retags.size() / 2;  // given twice in a row: the second finds the visit there
    retags.insert(retags.begin() + static_cast<std::ptrdiff_t>(refused + 1), retags[refused]);
    BOOST_REQUIRE_GT(retags.size(), static_cast<std::size_t>(storage::kMaxBatchParameters));
    const auto outcomes = journal.retagAll(retags);
    BOOST_REQUIRE_EQUAL(outcomes.size(), retags.size());
    for (std::size_t i = 0; i < outcomes.size(); ++i) BOOST_CHECK_EQUAL(outcomes[i].ok(), i != refused + 1);
    BOOST_CHECK_EQUAL(outcomes[refused + 1].problem().code, "journal.same_route");

    const long long written = static_cast<long long>(kVisits) * kRounds;
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM retags"), written);
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM audit_log"), rowsBefore + written);
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM visits WHERE claim_route = 'unknown'"), kVisits);
    // In the order given: each visit's re-tags follow one another from route to route.
    for (const auto& [offset, step] : {std::pair{0, "old>unknown"}, {3, "unknown>current"}, {6, "current>unknown"}})
        BOOST_CHECK_EQUAL(test::text(folder.journal(), "SELECT from_route || '>' || to_route FROM retags WHERE visit_id = "
                                                       "'V-9' ORDER BY id LIMIT 1 OFFSET " + std::to_string(offset)),
                          step);
    BOOST_CHECK_EQUAL(scalar(folder.journal(), "SELECT COUNT(*) FROM retags WHERE from_route = to_route"), 0);
    BOOST_CHECK_EQUAL(test::text(folder.journal(), "SELECT detail || '|' || visit_id || '|' || at FROM audit_log "
                                                   "ORDER BY seq DESC LIMIT 1"),
                      "current -> unknown|V-" + std::to_string(kVisits - 1) + "|2026-11-10T11:06:00");
    const auto verdict = test::verifyJournal(folder.journal());
    BOOST_CHECK(verdict.intact());
    BOOST_CHECK_EQUAL(verdict.rows, rowsBefore + written);
    BOOST_CHECK_EQUAL(verdict.anchoredRows, verdict.rows);
}

BOOST_AUTO_TEST_CASE(AReceptionistCannotRetagNorReadTheReports) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-old", "P1", at(2026, 11, 2))).ok());
    auto audited = scalar(file, "SELECT COUNT(*) FROM audit_log");

    auto retagged = retagClaim(kReceptionist, journal, {"V-old", ClaimRoute::Current, "", "why", "", at(2026, 11, 3)});
    BOOST_REQUIRE(!retagged);
    BOOST_CHECK_EQUAL(retagged.problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(followUpList(kReceptionist, journal).problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(dailyReport(kReceptionist, journal, *Date::fromYmd(2026, 11, 2)).problem().code, "staff.not_allowed");
    BOOST_CHECK_EQUAL(enterOfficialRate(kReceptionist, journal, *Date::fromYmd(2026, 9, 1), 4500, at(2026, 11, 3)).problem().code,
                      "staff.not_allowed");

    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route FROM visits WHERE id = 'V-old'"), "old");
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM retags"), 0);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM official_usage_rates"), 0);
    BOOST_CHECK_EQUAL(scalar(file, "SELECT COUNT(*) FROM audit_log"), audited);
}

BOOST_AUTO_TEST_CASE(APendingRequestAnsweredLaterUpdatesItsVisit) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-wait", "P1", at(2026, 11, 25, 9))).ok());
    BOOST_CHECK_EQUAL(journal.followUps().size(), 1u);

    BOOST_TEST(journal.attachLateAnswer("REQ-V-wait", confirmedAnswer(), "<XmlMsg>late</XmlMsg>", at(2026, 11, 26, 11)).ok());

    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route || '|' || validity || '|' || pending_request_id FROM visits WHERE id = 'V-wait'"),
                      "current|1|");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT received_at || '|' || raw_xml FROM eligibility_snapshots WHERE visit_id = 'V-wait'"),
                      "2026-11-26T10:15:00|<XmlMsg>late</XmlMsg>");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT from_route || '>' || to_route || '|' || staff_id || '|' || evidence FROM retags"),
                      "old>current|system|REQ-V-wait");
    BOOST_CHECK(journal.followUps().empty());
    // The request is answered once: a second answer finds no visit waiting.
    BOOST_CHECK_EQUAL(journal.attachLateAnswer("REQ-V-wait", confirmedAnswer(), "<again/>", at(2026, 11, 26, 12)).problem().code, "journal.no_pending");
}

BOOST_AUTO_TEST_CASE(ARejectedRequestStopsTheVisitWaitingAndKeepsItAmongTheFollowUps) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-wait", "P1", at(2026, 11, 25, 9))).ok());

    BOOST_TEST(journal.closeRejectedRequest("REQ-V-wait", "The terminal rejected the request: E1001", at(2026, 11, 25, 9, 1)).ok());

    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route || '|' || pending_request_id FROM visits WHERE id = 'V-wait'"), "old|");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT action || '|' || detail FROM audit_log ORDER BY seq DESC LIMIT 1"),
                      "visit.request_rejected|REQ-V-wait: The terminal rejected the request: E1001");
    BOOST_CHECK_EQUAL(journal.followUps().size(), 1u);
    BOOST_CHECK_EQUAL(journal.closeRejectedRequest("REQ-V-wait", "again", at(2026, 11, 25, 9, 2)).problem().code,
                      "journal.no_pending");
}

BOOST_AUTO_TEST_CASE(ALateAnswerThatDoesNotConfirmKeepsTheClaimRoute) {
    test::JournalPlace folder;
    auto file = folder.journal();
    storage::FacilityJournal journal(test::location(file));
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-wait", "P1", at(2026, 11, 25, 9))).ok());
    EligibilityResult invalid = confirmedAnswer();
    invalid.qualificationValidity.raw = "2";
    invalid.processExecutionTime = "not a time";  // the receipt time falls back to when this machine received it
    BOOST_TEST(journal.attachLateAnswer("REQ-V-wait", invalid, "<XmlMsg>invalid</XmlMsg>", at(2026, 11, 26, 11)).ok());
    BOOST_CHECK_EQUAL(test::text(file, "SELECT claim_route || '|' || validity FROM visits WHERE id = 'V-wait'"), "old|2");
    BOOST_CHECK_EQUAL(test::text(file, "SELECT received_at FROM eligibility_snapshots"), "2026-11-26T11:00:00");
    BOOST_CHECK_EQUAL(journal.followUps().size(), 1u);
}

BOOST_AUTO_TEST_CASE(FollowUpsAreTheOldAndUnknownClaimsOldestFirst) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    BOOST_TEST(journal.recordVisit(test::unknownClaimVisit("V-c", "P3", at(2026, 11, 20, 11))).ok());
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V-current", "P4", at(2026, 9, 1))).ok());
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-a", "P1", at(2026, 10, 1, 9))).ok());
    BOOST_TEST(journal.recordVisit(test::oldClaimVisit("V-b", "P2", at(2026, 11, 20, 10))).ok());
    VisitRecord cancelled = test::unknownClaimVisit("V-cancelled", "P5", at(2026, 8, 1));
    cancelled.cancelled = true;
    BOOST_TEST(journal.recordVisit(cancelled).ok());

    auto list = followUpList(kManager, journal);
    BOOST_REQUIRE(list.ok());
    BOOST_REQUIRE_EQUAL(list.value().size(), 3u);
    BOOST_CHECK_EQUAL(list.value()[0].visitId, "V-a");
    BOOST_CHECK_EQUAL(list.value()[1].visitId, "V-b");
    BOOST_CHECK_EQUAL(list.value()[2].visitId, "V-c");
    BOOST_CHECK_EQUAL(list.value()[2].claimRoute, "unknown");
    BOOST_CHECK_EQUAL(list.value()[0].patientName, "山田　太郎");
}

BOOST_AUTO_TEST_CASE(EachVisitCarriesTheWindowThatRecordedIt) {
    test::JournalPlace folder;
    storage::FacilityJournal first(folder.journal()), second(folder.journal());
    first.setWindow("受付1");
    second.setWindow("pharmacy counter");
    BOOST_TEST(first.recordVisit(test::sampleVisit("V1", "P1", at(2026, 11, 25, 9))).ok());
    BOOST_TEST(second.recordVisit(test::oldClaimVisit("V2", "P2", at(2026, 11, 25, 10))).ok());
    auto day = first.visitsBetween(*Date::fromYmd(2026, 11, 25), *Date::fromYmd(2026, 11, 25));
    BOOST_REQUIRE_EQUAL(day.size(), 2u);
    BOOST_CHECK_EQUAL(day[0].window, "受付1");
    BOOST_CHECK_EQUAL(day[1].window, "pharmacy counter");
    BOOST_REQUIRE_EQUAL(first.followUps().size(), 1u);
    BOOST_CHECK_EQUAL(first.followUps()[0].window, "pharmacy counter");
    BOOST_CHECK_EQUAL(test::text(folder.journal(), "SELECT \"window\" FROM audit_log WHERE visit_id = 'V2'"),
                      "pharmacy counter");
}

BOOST_AUTO_TEST_CASE(TheManagerReportsReadTheJournal) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V1", "P1", at(2026, 11, 25, 9))).ok());
    BOOST_TEST(journal.recordVisit(test::unknownClaimVisit("V2", "P2", at(2026, 11, 25, 10))).ok());
    VisitRecord full = test::oldClaimVisit("V3", "P3", at(2026, 11, 25, 11));
    full.share = CopayShare::full();
    full.copay = copayAmount(1000, full.share);
    full.fullChargeReason = "資格確認できず";
    BOOST_TEST(journal.recordVisit(full).ok());
    BOOST_TEST(journal.recordVisit(test::sampleVisit("V4", "P1", at(2026, 11, 26, 9))).ok());

    auto report = dailyReport(kManager, journal, *Date::fromYmd(2026, 11, 25));
    BOOST_REQUIRE(report.ok());
    const DailyLog& log = report.value().log;
    BOOST_CHECK_EQUAL(log.visits, 3);
    BOOST_CHECK_EQUAL(report.value().visits.size(), 3u);
    BOOST_CHECK_EQUAL(log.selfDeclarations, 1);
    BOOST_CHECK_EQUAL(log.fallbacks, 2);
    BOOST_CHECK_EQUAL(log.byClaimRoute.at("current"), 1);
    BOOST_CHECK_EQUAL(log.copayTotalYen, 3710 + 3710 + 10000);
    BOOST_REQUIRE_EQUAL(log.fullCharges.size(), 1u);
    BOOST_CHECK_EQUAL(log.fullCharges[0].second, "資格確認できず");

    BOOST_TEST(enterOfficialRate(kManager, journal, *Date::fromYmd(2026, 11, 15), 4250, at(2026, 11, 30)).ok());
    BOOST_CHECK_EQUAL(journal.officialRates().at(*Date::fromYmd(2026, 11, 1)), 4250);

    auto tiers = BonusTierTable::parse("2026-03\t2027-05\t70\t50\t30\t-\n").value();
    auto usage = usageReport(kManager, journal, *Date::fromYmd(2026, 11, 1), tiers);
    BOOST_REQUIRE(usage.ok());
    BOOST_CHECK_EQUAL(usage.value().month.patientsSeen, 3);      // P1 twice, P2, P3
    BOOST_CHECK_EQUAL(usage.value().month.patientsWithCard, 1);  // P1
    BOOST_CHECK_EQUAL(usage.value().month.estimateBasisPoints, 3333);
    BOOST_CHECK(usage.value().month.officialBasisPoints == 4250);
    BOOST_CHECK_EQUAL(journal.setOfficialRate(*Date::fromYmd(2026, 11, 1), 10001, "jimucho", at(2026, 11, 30)).problem().code,
                      "journal.rate_range");
}

BOOST_AUTO_TEST_SUITE_END()
