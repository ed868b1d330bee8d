// The bulk re-check (一括照会) on real folders: the simulated terminal answers "still processing"
// first and then as a .zip; hostile archives are refused; the follow-up list of a real journal is
// re-checked and the confirmed visits re-tagged with who, when and which answer.
#include <Poco/Checksum.h>
#include <boost/test/unit_test.hpp>
#include <future>

#include "devices/gateway/bulk_answer.h"
#include "devices/gateway/folder_bulk_check.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_placement.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/zip_entries.h"
#include "domain/follow_up_recheck.h"
#include "storage_fixtures.h"
#include "terminal_fixture.h"

namespace {

BulkPolicy quickPolicy(int maxAsks = 5) { return BulkPolicy{10s, 100ms, maxAsks}; }

// The terminal's habit for bulk jobs: "still processing" once, then the answer as a .zip.
TerminalHabits stillProcessingThenZip() {
    TerminalHabits habits;
    habits.bulkStillProcessingAsks = 1;
    habits.bulkAnswerAsZip = true;
    return habits;
}

std::vector<std::string> namesIn(const fs::path& folder, const std::string& prefix) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().starts_with(prefix)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

void le(std::string& out, std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A stored (uncompressed) archive written byte by byte, so a test can name entries as an attacker
// would and claim any size: [name, content, declared size (default: the real one)].
struct RawEntry {
    std::string name, content;
    std::optional<std::uint32_t> declaredSize = std::nullopt;
};
std::string storedZip(const std::vector<RawEntry>& entries) {
    std::string zip, directory;
    for (const auto& e : entries) {
        Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
        crc.update(e.content);
        auto size = e.declaredSize.value_or(static_cast<std::uint32_t>(e.content.size()));
        std::string common;
        le(common, 20, 2), le(common, 0, 2), le(common, 0, 2), le(common, 0, 2), le(common, 0, 2);
        le(common, crc.checksum(), 4), le(common, size, 4), le(common, size, 4);
        le(common, static_cast<std::uint32_t>(e.name.size()), 2), le(common, 0, 2);
        std::string central("PK\x01\x02", 4);
        le(central, 20, 2);
        central += common;
        le(central, 0, 2), le(central, 0, 2), le(central, 0, 2), le(central, 0, 4);
        le(central, static_cast<std::uint32_t>(zip.size()), 4);
        directory += central + e.name;
        zip += std::string("PK\x03\x04", 4) + common + e.name + e.content;
    }
    std::string end("PK\x05\x06", 4);
    le(end, 0, 2), le(end, 0, 2), le(end, static_cast<std::uint32_t>(entries.size()), 2);
    le(end, static_cast<std::uint32_t>(entries.size()), 2), le(end, static_cast<std::uint32_t>(directory.size()), 4);
    le(end, static_cast<std::uint32_t>(zip.size()), 4), le(end, 0, 2);
    return zip + directory + end;
}

std::string sampleBulkXml() {
    BulkResult bulk;
    bulk.header.medicalInstitutionCode = "1312345678";
    bulk.header.segmentOfResult.raw = "1";
    bulk.receptionNumber = "12345";
    bulk.units.push_back({SearchInfo{"01130012", "", "34", "", "19800615", "0", "V-1"}, {}, {}});
    return bulkResultXml(bulk);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(BulkZipAnswers)

BOOST_AUTO_TEST_CASE(AZipHoldingTheAnswerIsReadInMemory) {
    std::string xml = sampleBulkXml();
    auto bulk = parseBulkAnswer(zipOf({{"OQSmuquc02res_202611250002.xml", xml}, {"readme.txt", "x"}}), codes());
    BOOST_REQUIRE_MESSAGE(bulk.ok(), (bulk.ok() ? std::string() : bulk.problem().message));
    BOOST_CHECK_EQUAL(bulk.value().receptionNumber, "12345");
    BOOST_REQUIRE_EQUAL(bulk.value().units.size(), 1u);
    BOOST_CHECK_EQUAL(bulk.value().units[0].searched.arbitraryIdentifier, "V-1");
    auto stored = parseBulkAnswer(storedZip({{"a.XML", xml}}), codes());
    BOOST_CHECK(stored.ok());
}

BOOST_AUTO_TEST_CASE(EntryNamesThatLeaveTheArchiveAreRefused) {
    for (const char* name : {"", "../OQSmuquc02res.xml", "/etc/OQSmuquc02res.xml", "sub/OQSmuquc02res.xml", "folder/",
                             "..\\OQSmuquc02res.xml", "C:OQSmuquc02res.xml", "a\x01.xml"}) {
        auto entries = xmlEntriesOfZip(storedZip({{name, sampleBulkXml()}}));
        BOOST_REQUIRE_MESSAGE(!entries.ok(), name);
        BOOST_CHECK_EQUAL(entries.problem().code, "gateway.bad_zip");
    }
}

BOOST_AUTO_TEST_CASE(TooManyEntriesAndOversizedEntriesAreRefused) {
    std::vector<RawEntry> many;
    for (int i = 0; i < 65; ++i) many.push_back({"e" + std::to_string(i) + ".xml", "x"});
    auto crowd = xmlEntriesOfZip(storedZip(many));
    BOOST_REQUIRE(!crowd.ok());
    BOOST_CHECK_NE(crowd.problem().message.find("more than 64 entries"), std::string::npos);

    ZipLimits small{8, 1000, 1500};
    auto declared = xmlEntriesOfZip(storedZip({{"big.xml", "x", 5000}}), small);  // the header claims 5,000 bytes
    BOOST_CHECK(!declared.ok());
    // A zip bomb: 2 MiB of zeros deflate to a few kilobytes; inflating stops at the cap plus a buffer.
    std::string bomb = zipOf({{"bomb.xml", std::string(2 * 1024 * 1024, '\0')}});
    BOOST_CHECK_LT(bomb.size(), 20000u);
    auto inflated = xmlEntriesOfZip(bomb, ZipLimits{8, 64 * 1024, 128 * 1024});
    BOOST_REQUIRE(!inflated.ok());
    BOOST_CHECK_NE(inflated.problem().message.find("larger than 65536 bytes"), std::string::npos);
    auto together = xmlEntriesOfZip(storedZip({{"a.xml", std::string(900, 'a')}, {"b.xml", std::string(900, 'b')}}), small);
    BOOST_REQUIRE(!together.ok());
    BOOST_CHECK_NE(together.problem().message.find("together"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(DamagedTruncatedAndEmptyArchivesAreRefused) {
    std::string zip = storedZip({{"a.xml", sampleBulkXml()}});
    std::string damaged = zip;
    damaged[40] = static_cast<char>(damaged[40] ^ 0x55);  // inside the content: the CRC no longer matches
    BOOST_CHECK(!xmlEntriesOfZip(damaged).ok());
    BOOST_CHECK(!xmlEntriesOfZip(zip.substr(0, zip.size() / 2)).ok());
    BOOST_CHECK(!xmlEntriesOfZip(std::string("PK\x03\x04", 4)).ok());
    BOOST_CHECK(!parseBulkAnswer(storedZip({{"readme.txt", "no answer here"}}), codes()).ok());
    BOOST_CHECK(!parseBulkAnswer(zipOf({{"a.xml", "<XmlMsg><MessageHeader>"}}), codes()).ok());
}

BOOST_AUTO_TEST_CASE(AUnitOpenedInsideARecordStartsOutsideAnyRecord) {  // a fuzz_bulk_answers crash
    auto bulk = parseBulkResult(readAll(fs::path(GATEWAY_TEST_DATA) / "bulk_unit_inside_record.xml"), codes());
    BOOST_REQUIRE(bulk.ok());
    BOOST_REQUIRE_EQUAL(bulk.value().units.size(), 2u);
    BOOST_CHECK_EQUAL(bulk.value().units[0].result.results.size(), 1u);
    BOOST_CHECK(bulk.value().units[1].result.results.empty());  // its elements are kept aside, not in a record
    BOOST_CHECK(!bulk.value().units[1].result.otherElements.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(BulkJobs)

BOOST_AUTO_TEST_CASE(AJobAnsweredStillProcessingThenAsAZipIsAskedAgainAndRead) {
    Terminal terminal(stillProcessingThenZip());
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, quickPolicy());
    auto nobody = query("01130012", "9999", "1950-01-01");
    nobody.arbitraryIdentifier = "V-2";
    auto slow = query("06130025", "88", "1995-05-25");
    slow.arbitraryIdentifier = "V-3";
    auto answer = client.check({query("01130012", "34", "1980-06-15", "12"), nobody, slow});
    BOOST_REQUIRE_MESSAGE(answer.ok(), (answer.ok() ? std::string() : answer.problem().message));
    BOOST_CHECK(answer.value().answerFile.ends_with(".zip"));
    BOOST_CHECK(!answer.value().receptionNumber.empty());
    BOOST_REQUIRE_EQUAL(answer.value().people.size(), 3u);
    BOOST_CHECK_EQUAL(answer.value().people[0].arbitraryIdentifier, "V-1");
    BOOST_CHECK(answer.value().people[0].result.isConfirmed());
    BOOST_CHECK_EQUAL(answer.value().people[0].result.results.at(0).name, "窓口　花子");
    BOOST_CHECK_EQUAL(answer.value().people[1].arbitraryIdentifier, "V-2");
    BOOST_CHECK_EQUAL(answer.value().people[1].result.qualificationValidity.raw, "4");
    BOOST_CHECK_EQUAL(answer.value().people[2].asked.card.number, "88");
    BOOST_CHECK_NE(answer.value().people[0].rawXml.find("窓口　花子"), std::string::npos);  // the evidence

    BOOST_CHECK_EQUAL(namesIn(terminal.root / "req", "OQSmuquc01req_").size(), 1u);
    BOOST_CHECK_EQUAL(namesIn(terminal.root / "req", "OQSmuquc02req_").size(), 2u);  // asked twice
    auto answers = namesIn(terminal.root / "res", "OQSmuquc02res_");
    BOOST_REQUIRE_EQUAL(answers.size(), 2u);
    BOOST_CHECK(answers[0].ends_with(".xml"));  // "still processing"
    BOOST_CHECK(answers[1].ends_with(".zip"));
}

BOOST_AUTO_TEST_CASE(AJobStillProcessingAfterTheLimitFailsNamingItsReceptionNumber) {
    TerminalHabits habits;
    habits.bulkStillProcessingAsks = 10;
    Terminal terminal(habits);
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, quickPolicy(3));
    auto reception = client.upload({query("01130012", "34", "1980-06-15", "12")});
    BOOST_REQUIRE(reception.ok());
    auto answer = client.download(reception.value());
    BOOST_REQUIRE(!answer.ok());
    BOOST_CHECK_EQUAL(answer.problem().code, "gateway.bulk_still_processing");
    BOOST_CHECK_NE(answer.problem().message.find(reception.value()), std::string::npos);
    BOOST_CHECK_EQUAL(namesIn(terminal.root / "req", "OQSmuquc02req_").size(), 3u);
}

BOOST_AUTO_TEST_CASE(AnUnknownReceptionNumberIsTheTerminalsErrorAndAForeignAnswerIsRefused) {
    Terminal terminal;
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, quickPolicy());
    auto unknown = client.download("424242");
    BOOST_REQUIRE(!unknown.ok());
    BOOST_CHECK_EQUAL(unknown.problem().code, "gateway.bulk_refused");
    BOOST_CHECK_NE(unknown.problem().message.find("受付番号が見つかりません"), std::string::npos);

}

BOOST_AUTO_TEST_CASE(AnUploadAnswerThatDoesNotEchoTheRequestIsRefusedAndLogged) {
    const fs::path root = freshRoot();
    for (const char* folder : {"req", "res", "face"}) fs::create_directories(root / folder);
    test::FixedClock clock{kNow};
    FolderBulkQueryClient client(FolderLayout{root}, "1312345678", codes(), clock, RequestEncoding::Utf8, quickPolicy());
    auto upload = std::async(std::launch::async, [&] { return client.upload({query("01130012", "34", "1980-06-15")}); });
    for (int i = 0; i < 200 && namesIn(root / "req", "OQSmuquc01req_").empty(); ++i) std::this_thread::sleep_for(10ms);
    const std::string requestName = namesIn(root / "req", "OQSmuquc01req_").at(0);
    BulkUploadResult stranger;  // another PC's job: its own ArbitraryFileIdentifier
    stranger.status.medicalInstitutionCode = "1312345678";
    stranger.status.arbitraryFileIdentifier = "MDG000000000000-deadbeef";
    stranger.status.segmentOfResult.raw = "1";
    stranger.status.processingResultStatus.raw = "1";
    stranger.receptionNumber = "777";
    writeFileAtomically(root / "res" / answerNameFor(requestName), bulkUploadResultXml(stranger));
    auto refused = upload.get();
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "gateway.not_ours");
    BOOST_CHECK_NE(readAll(root / ".madoguchi" / "refused-answers.log").find(answerNameFor(requestName)), std::string::npos);
    fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(ABulkRequestInShiftJisRefusesACharacterCp932CannotHold) {
    Terminal terminal;
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::ShiftJis, quickPolicy());
    auto refused = client.upload({query("01130012", "34", "1980-06-15", "12"), query("01130012", "35", "1980-06-15", "〜")});
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "gateway.not_cp932");
    BOOST_CHECK_NE(refused.problem().message.find("InsuredCardSymbol"), std::string::npos);
    BOOST_CHECK(namesIn(terminal.root / "req", "OQSmuquc01req_").empty());
    auto sent = client.check({query("01130012", "34", "1980-06-15", "12")});
    BOOST_REQUIRE_MESSAGE(sent.ok(), (sent.ok() ? std::string() : sent.problem().message));
    auto request = readAll(terminal.root / "req" / namesIn(terminal.root / "req", "OQSmuquc01req_").at(0));
    BOOST_CHECK(request.starts_with(R"(<?xml version="1.0" encoding="Shift_JIS" standalone="no"?>)"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(LargeBulkJobs)

// Ten thousand visits of the dataset's person A, each asked with its own identifier: every answer
// carries a whole record, so the answer file is larger than a single message may be.
std::vector<NumberQuery> tenThousandVisitsOfA() {
    std::vector<NumberQuery> queries;
    for (int i = 0; i < 10000; ++i) {
        queries.push_back(query("01130012", "34", "1980-06-15", "12"));
        queries.back().arbitraryIdentifier = "V-" + std::to_string(i);
    }
    return queries;
}

// The file `name` in `folder`, sparse, of `size` bytes: made beside it and moved in complete.
void placeSparseFile(const fs::path& folder, const std::string& name, std::uintmax_t size) {
    const fs::path staging = folder.parent_path() / ("staging-" + name);
    { std::ofstream create(staging); }
    fs::resize_file(staging, size);
    fs::rename(staging, folder / name);
}

BOOST_AUTO_TEST_CASE(ATenThousandPersonAnswerIsReadWithEveryPerson) {
    Terminal terminal;
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, BulkPolicy{120s, 100ms, 5});
    auto answer = client.check(tenThousandVisitsOfA());
    BOOST_REQUIRE_MESSAGE(answer.ok(), (answer.ok() ? std::string() : answer.problem().message));
    const auto& people = answer.value().people;
    BOOST_REQUIRE_EQUAL(people.size(), 10000u);
    BOOST_CHECK_EQUAL(people.front().arbitraryIdentifier, "V-0");
    BOOST_CHECK_EQUAL(people.back().arbitraryIdentifier, "V-9999");
    BOOST_CHECK(people.back().result.isConfirmed());
    BOOST_CHECK_NE(people.back().rawXml.find("窓口　花子"), std::string::npos);
    const auto answers = namesIn(terminal.root / "res", "OQSmuquc02res_");
    BOOST_REQUIRE_EQUAL(answers.size(), 1u);
    BOOST_CHECK_GT(fs::file_size(terminal.root / "res" / answers[0]), kMaxResultBytes);
}

BOOST_AUTO_TEST_CASE(AnAnswerLargerThanTheBulkLimitIsRefusedByNameAndLeftInPlace) {
    const fs::path root = freshRoot();
    for (const char* folder : {"req", "res", "face"}) fs::create_directories(root / folder);
    test::FixedClock clock{kNow};
    FolderBulkQueryClient client(FolderLayout{root}, "1312345678", codes(), clock, RequestEncoding::Utf8, quickPolicy());
    auto download = std::async(std::launch::async, [&] { return client.download("424242"); });
    for (int i = 0; i < 500 && namesIn(root / "req", "OQSmuquc02req_").empty(); ++i) std::this_thread::sleep_for(10ms);
    const std::string answerName = answerNameFor(namesIn(root / "req", "OQSmuquc02req_").at(0));
    placeSparseFile(root / "res", answerName, kBulkMessageLimits.maxBytes + 1);
    auto refused = download.get();
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "gateway.too_large");
    BOOST_CHECK_NE(refused.problem().message.find(answerName), std::string::npos);
    BOOST_CHECK_NE(refused.problem().message.find(std::to_string(kBulkMessageLimits.maxBytes) + " bytes"), std::string::npos);
    BOOST_CHECK_EQUAL(fs::file_size(root / "res" / answerName), kBulkMessageLimits.maxBytes + 1);  // left for a person
    fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(AJobOfMoreThanTheMostPeopleIsRefusedBeforeAnythingIsSent) {
    Terminal terminal;
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, quickPolicy());
    std::vector<NumberQuery> crowd(kMaxBulkPeople + 1, query("01130012", "34", "1980-06-15", "12"));
    auto refused = client.check(crowd);
    BOOST_REQUIRE(!refused.ok());
    BOOST_CHECK_EQUAL(refused.problem().code, "gateway.bulk_too_many");
    BOOST_CHECK_NE(refused.problem().message.find(std::to_string(kMaxBulkPeople)), std::string::npos);
    BOOST_CHECK(namesIn(terminal.root / "req", "OQSmuquc01req_").empty());
}

// The answer as a real file: whole, it is read; cut short anywhere (here half-way), the reader
// says where it stopped and gives nothing.
BOOST_AUTO_TEST_CASE(ATruncatedLargeAnswerIsRefusedWithWhereItStopped) {
    Terminal terminal;
    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, BulkPolicy{120s, 100ms, 5});
    BOOST_REQUIRE(client.check(tenThousandVisitsOfA()).ok());
    const fs::path answer = terminal.root / "res" / namesIn(terminal.root / "res", "OQSmuquc02res_").at(0);
    auto whole = readRegularFile(answer, kBulkMessageLimits.maxBytes);
    BOOST_REQUIRE(whole && *whole);
    BOOST_CHECK_EQUAL(parseBulkAnswer(whole->value(), codes()).value().units.size(), 10000u);
    fs::resize_file(answer, fs::file_size(answer) / 2);
    auto half = readRegularFile(answer, kBulkMessageLimits.maxBytes);
    BOOST_REQUIRE(half && *half);
    auto cut = parseBulkAnswer(half->value(), codes());
    BOOST_REQUIRE(!cut.ok());
    BOOST_CHECK_EQUAL(cut.problem().code, "gateway.malformed");
    BOOST_CHECK_NE(cut.problem().message.find(" at line "), std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FollowUpRecheckOnRealFolders)

BOOST_AUTO_TEST_CASE(TheFollowUpListIsRecheckedInOneJobAndConfirmedVisitsAreRetaggedWithHistory) {
    Terminal terminal(stillProcessingThenZip());
    storage::FacilityJournal journal(madoguchi::test::location(terminal.root / "journal.sqlite3"), terminal.root / "audit.key");
    VisitRecord old = test::oldClaimVisit("V-OLD", "P1", test::at(2026, 11, 20));
    old.insurance = {"01130012", {"12", "34", "00"}};
    old.patient.birthDate = Date::fromYmd(1980, 6, 15);
    BOOST_REQUIRE(journal.recordVisit(old).ok());
    VisitRecord unknown = test::unknownClaimVisit("V-UNK", "P2", test::at(2026, 11, 21));
    unknown.patient.birthDate = Date::fromYmd(1950, 1, 1);
    unknown.claimRemarks = ClaimRemarks{};
    unknown.claimRemarks->declaredInsurance = {"01130012", {"", "9999", ""}};  // nobody: 該当資格なし
    BOOST_REQUIRE(journal.recordVisit(unknown).ok());
    BOOST_REQUIRE_EQUAL(journal.followUps().size(), 2u);

    FolderBulkQueryClient client(FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock,
                                 RequestEncoding::FollowResults, quickPolicy());
    const StaffMember manager{"jimucho", "事務長", StaffRole::Manager};
    auto report = recheckFollowUps(manager, journal, client, journal, kNow);
    BOOST_REQUIRE_MESSAGE(report.ok(), (report.ok() ? std::string() : report.problem().message));
    BOOST_REQUIRE_EQUAL(report.value().visits.size(), 2u);
    BOOST_CHECK(report.value().visits[0].verdict == RecheckVerdict::Retagged);
    BOOST_CHECK(report.value().visits[1].verdict == RecheckVerdict::NotConfirmed);
    BOOST_CHECK_EQUAL(report.value().visits[1].validity, "4");

    auto followUps = journal.followUps();
    BOOST_REQUIRE_EQUAL(followUps.size(), 1u);
    BOOST_CHECK_EQUAL(followUps[0].visitId, "V-UNK");
    const fs::path db = terminal.root / "journal.sqlite3";
    BOOST_CHECK_EQUAL(test::text(db, "SELECT staff_id FROM retags WHERE visit_id = 'V-OLD'"), "jimucho");
    BOOST_CHECK_EQUAL(test::text(db, "SELECT at FROM retags WHERE visit_id = 'V-OLD'"), kNow.iso());
    BOOST_CHECK_NE(test::text(db, "SELECT reason FROM retags WHERE visit_id = 'V-OLD'").find(report.value().answerFile),
                   std::string::npos);
    BOOST_CHECK_NE(test::text(db, "SELECT evidence FROM retags WHERE visit_id = 'V-OLD'").find("窓口　花子"),
                   std::string::npos);
    BOOST_CHECK_EQUAL(test::scalar(db, "SELECT COUNT(*) FROM audit_log WHERE action = 'visit.retagged'"), 1);
}

BOOST_AUTO_TEST_SUITE_END()
