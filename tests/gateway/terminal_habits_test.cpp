// What a real 資格確認端末 and the software beside it do that a polite simulator would not
// (docs INTEROP.md): rejected requests, Shift_JIS, several PCs on one req/, hostile files.
#include <boost/test/unit_test.hpp>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <utime.h>

#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_safety.h"
#include "devices/gateway/message_kind.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/result_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"
#include "platform/posix_files.h"
#include "terminal_fixture.h"

namespace {

// Repeats collectLateAnswers until something comes (or about 5 s pass).
std::vector<GatewayAnswer> waitForLateAnswers(FolderEligibilityGateway& client) {
    std::vector<GatewayAnswer> late;
    for (int i = 0; i < 100 && late.empty(); ++i) {
        std::this_thread::sleep_for(50ms);
        late = client.collectLateAnswers();
    }
    return late;
}

void makeOld(const fs::path& path) {
    fs::last_write_time(path, fs::file_time_type::clock::now() - 10min);
}

std::string shiftJis(const std::string& utf8) { return toShiftJis(utf8).value(); }

}  // namespace

BOOST_AUTO_TEST_SUITE(RejectedRequests)

BOOST_AUTO_TEST_CASE(ARejectedRequestFailsAtOnceWithTheTerminalsText) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "55", "1970-03-03"), 10s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_NE(answer.failure.find("The terminal rejected the request:"), std::string::npos);
    BOOST_CHECK_NE(answer.failure.find("要求ファイルの形式に誤りがあります（E1001）"), std::string::npos);
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250001.xml");
    BOOST_CHECK(fs::exists(terminal.root / "res" / "OQSsiquc01req_202611250001.err"));
    BOOST_CHECK(terminal.client.pending().empty());
}

BOOST_AUTO_TEST_CASE(ALateRejectionIsCollectedAndNothingStaysPending) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "56", "1970-03-04"), 0ms);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Pending);
    auto late = waitForLateAnswers(terminal.client);
    BOOST_REQUIRE_EQUAL(late.size(), 1u);
    BOOST_CHECK(late[0].kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_EQUAL(late[0].requestId, answer.requestId);
    BOOST_CHECK_NE(late[0].failure.find("処理できません"), std::string::npos);
    BOOST_CHECK(terminal.client.pending().empty());
    // the next request gets a new number: the rejected one is never reused
    auto next = terminal.client.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_CHECK_EQUAL(next.requestId, "OQSsiquc01req_202611250002.xml");
}

BOOST_AUTO_TEST_CASE(AHandWrittenShiftJisErrFileIsReadAndAReturnedRequestWithoutOneFailsAfterAWhile) {
    Terminal terminal;
    auto first = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    auto second = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    fs::rename(terminal.root / "req" / first.requestId, terminal.root / "res" / first.requestId);
    std::ofstream(terminal.root / "res" / fs::path(first.requestId).replace_extension(".err"), std::ios::binary)
        << shiftJis("被保険者番号が\r\n不正です\x01");
    fs::rename(terminal.root / "req" / second.requestId, terminal.root / "res" / second.requestId);
    makeOld(terminal.root / "res" / second.requestId);
    auto late = terminal.client.collectLateAnswers();
    BOOST_REQUIRE_EQUAL(late.size(), 2u);
    BOOST_CHECK_NE(late[0].failure.find("被保険者番号が 不正です"), std::string::npos);
    BOOST_CHECK_NE(late[1].failure.find("no reason given"), std::string::npos);
    BOOST_CHECK(terminal.client.pending().empty());
}

BOOST_AUTO_TEST_CASE(RejectionTextIsUtf8OrShiftJisWithoutControlCharacters) {
    BOOST_CHECK_EQUAL(rejectionText("\xEF\xBB\xBF  error:\tE01\r\n\r\n"), "error: E01");
    BOOST_CHECK_EQUAL(rejectionText(shiftJis("エラー　ＡＢ")), "エラー　ＡＢ");
    BOOST_CHECK_EQUAL(rejectionText(""), "");
    BOOST_CHECK_EQUAL(rejectionText(std::string(5000, 'x')).size(), kMaxRejectionCharacters);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(RequestEncodings)

BOOST_AUTO_TEST_CASE(AShiftJisRequestDeclaresStandaloneNoAndIsAnswered) {
    Terminal terminal({}, RequestEncoding::ShiftJis);
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15", "12"), 5s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    std::string request = readAll(terminal.root / "req" / answer.requestId);
    BOOST_CHECK(request.starts_with("<?xml version=\"1.0\" encoding=\"Shift_JIS\" standalone=\"no\"?>"));
    auto parsed = parseQueryRequest(request);
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().people.front().insuredCardSymbol, "12");
}

BOOST_AUTO_TEST_CASE(ACharacterShiftJisCannotHoldIsRefusedBeforeWritingNamingTheField) {
    Terminal terminal({}, RequestEncoding::ShiftJis);
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15", "〜１２"), 1s);  // U+301C: not in CP932
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_NE(answer.failure.find("InsuredCardSymbol"), std::string::npos);
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 0u);
    Terminal utf8Site({}, RequestEncoding::Utf8);  // the same text is fine in UTF-8
    BOOST_CHECK(utf8Site.client.query(query("01130012", "34", "1980-06-15", "〜１２"), 0ms).kind ==
                GatewayAnswer::Kind::Pending);
}

BOOST_AUTO_TEST_CASE(TheDefaultFollowsTheEncodingOfTheSitesResults) {
    TerminalHabits shiftJisTerminal;
    shiftJisTerminal.answerEncoding = PrologEncoding::ShiftJis;
    Terminal terminal(shiftJisTerminal);
    auto first = terminal.client.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_REQUIRE(first.kind == GatewayAnswer::Kind::Answered);  // a Shift_JIS answer reads fine
    BOOST_CHECK_EQUAL(first.result->results[0].name, "窓口　花子");
    BOOST_CHECK(readAll(terminal.root / "req" / first.requestId).starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\""));
    auto second = terminal.client.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_REQUIRE(second.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(readAll(terminal.root / "req" / second.requestId).find("encoding=\"Shift_JIS\"") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SharedRequestFolder)

BOOST_AUTO_TEST_CASE(NumbersComeFromTheCounterFileNotFromWhatIsInTheFolders) {
    Terminal terminal;
    auto first = terminal.client.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_REQUIRE(first.kind == GatewayAnswer::Kind::Answered);
    for (const auto& folder : {terminal.root / "req", terminal.root / "res"})  // the chart software tidies up
        for (const auto& entry : fs::directory_iterator(folder)) fs::remove(entry.path());
    FolderEligibilityGateway otherPc{FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock};
    auto second = otherPc.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_CHECK_EQUAL(second.requestId, "OQSsiquc01req_202611250002.xml");
    BOOST_CHECK(second.kind == GatewayAnswer::Kind::Answered);
}

BOOST_AUTO_TEST_CASE(TwoClientsOnOneFolderNeverShareANumber) {
    Terminal terminal;
    FolderEligibilityGateway otherPc{FolderLayout{terminal.root}, "1312345678", codes(), terminal.clock};
    std::vector<std::string> names[2];
    auto send = [&](FolderEligibilityGateway& client, std::vector<std::string>& into) {
        for (int i = 0; i < 15; ++i) into.push_back(client.query(query("01130012", "57", "1970-03-05"), 0ms).requestId);
    };
    std::thread a(send, std::ref(terminal.client), std::ref(names[0]));
    std::thread b(send, std::ref(otherPc), std::ref(names[1]));
    a.join();
    b.join();
    std::set<std::string> all(names[0].begin(), names[0].end());
    all.insert(names[1].begin(), names[1].end());
    BOOST_CHECK_EQUAL(all.size(), 30u);
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 30u);
    BOOST_CHECK(!fs::exists(terminal.root / ".madoguchi" / "request-counter.lock"));
}

BOOST_AUTO_TEST_CASE(AStaleLockIsTakenOverAndALiveOneIsWaitedFor) {
    Terminal terminal;
    fs::create_directories(terminal.root / ".madoguchi");
    fs::path lock = terminal.root / ".madoguchi" / "request-counter.lock";
    std::ofstream(lock) << "pid 1\n";
    makeOld(lock);  // left by a crashed PC
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15"), 5s);
    BOOST_CHECK(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(!fs::exists(lock));
}

BOOST_AUTO_TEST_CASE(EachRequestCarriesItsOwnFileIdentifierAndTheTemporaryFileStaysOutOfReq) {
    Terminal terminal;
    auto first = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    auto second = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    auto a = parseQueryRequest(readAll(terminal.root / "req" / first.requestId)).value();
    auto b = parseQueryRequest(readAll(terminal.root / "req" / second.requestId)).value();
    BOOST_CHECK_NE(a.arbitraryFileIdentifier, b.arbitraryFileIdentifier);
    BOOST_CHECK(a.arbitraryFileIdentifier.starts_with("MDG202611250001-"));
    BOOST_CHECK_LE(a.arbitraryFileIdentifier.size(), 50u);
    BOOST_CHECK_EQUAL(a.people.front().arbitraryIdentifier, "V-1");  // the visit id stays in the body
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 2u);
#ifdef _WIN32
    // Windows: the request keeps req/'s access (the terminal's account must read it) and adds
    // nobody; the platform's stat gives the group and others bits from the DACLs (the DACLs
    // themselves are qa_windows_files' cases).
    struct stat request {}, folder {};
    BOOST_REQUIRE_EQUAL(::stat((terminal.root / "req" / first.requestId).c_str(), &request), 0);
    BOOST_REQUIRE_EQUAL(::stat((terminal.root / "req").c_str(), &folder), 0);
    BOOST_CHECK_EQUAL(request.st_mode & 077 & ~(folder.st_mode & 077), 0);
#else
    BOOST_CHECK((fs::status(terminal.root / "req" / first.requestId).permissions() & fs::perms::all) ==
                (fs::perms::owner_read | fs::perms::owner_write));
#endif
}

BOOST_AUTO_TEST_CASE(AnAnswerThatDoesNotEchoTheRequestIsRefusedAndLogged) {
    Terminal terminal;
    auto sent = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    EligibilityResult foreign = noMatchAnswer("20261125093001", "1312345678", codes());
    foreign.arbitraryFileIdentifier = "SOMEONE-ELSE";
    writeFileAtomically(terminal.root / "res" / answerNameFor(sent.requestId), resultXml(foreign));
    auto late = terminal.client.collectLateAnswers();
    BOOST_REQUIRE_EQUAL(late.size(), 1u);
    BOOST_CHECK(late[0].kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_NE(late[0].failure.find("ArbitraryFileIdentifier"), std::string::npos);
    std::string log = readAll(terminal.root / ".madoguchi" / "refused-answers.log");
    BOOST_CHECK_NE(log.find(answerNameFor(sent.requestId)), std::string::npos);

    auto other = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    EligibilityResult otherFacility = noMatchAnswer("20261125093001", "2712345678", codes());
    otherFacility.arbitraryFileIdentifier = parseQueryRequest(readAll(terminal.root / "req" / other.requestId))
                                                .value().arbitraryFileIdentifier;
    writeFileAtomically(terminal.root / "res" / answerNameFor(other.requestId), resultXml(otherFacility));
    late = terminal.client.collectLateAnswers();
    BOOST_REQUIRE_EQUAL(late.size(), 1u);
    BOOST_CHECK_NE(late[0].failure.find("MedicalInstitutionCode"), std::string::npos);
}

#ifndef _WIN32  // Windows: a symlink needs a privilege a reception PC's user has not; stat reports none (platform/posix_files.h)
BOOST_AUTO_TEST_CASE(APlantedSymlinkIsNeitherFollowedNorOverwritten) {
    Terminal terminal;
    fs::path victim = terminal.root / "victim.txt";
    std::ofstream(victim) << "precious";
    fs::create_symlink(victim, terminal.root / "req" / "OQSsiquc01req_202611250001.xml");
    auto answer = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250002.xml");
    BOOST_CHECK_EQUAL(readAll(victim), "precious");
    BOOST_CHECK(fs::is_symlink(terminal.root / "req" / "OQSsiquc01req_202611250001.xml"));
}
#endif

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(HostileFiles)

BOOST_AUTO_TEST_CASE(AUtf16FileWithAnEntityIsRefusedUnexpanded) {
    std::string utf8 = readAll(fs::path(GATEWAY_TEST_DATA) / "hostile_entity_expansion.xml");
    std::string utf16{"\xFF\xFE", 2};
    for (char c : utf8) utf16 += std::string{c, '\0'};
    auto parsed = parseResultXml(utf16, codes());
    BOOST_REQUIRE(!parsed);
    BOOST_CHECK_EQUAL(parsed.problem().code, "gateway.malformed");
    std::string noBom = utf16.substr(2);
    BOOST_CHECK(!parseResultXml(noBom, codes()));
}

BOOST_AUTO_TEST_CASE(ADoctypeIsRefusedByTheParserInEveryAcceptedEncoding) {
    std::string doctype = "<!DOCTYPE XmlMsg [<!ENTITY a \"x\">]><XmlMsg><MessageHeader/><MessageBody>&a;</MessageBody></XmlMsg>";
    for (std::string prolog : {"<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>",
                               "\xEF\xBB\xBF<?xml version=\"1.0\"?>"}) {
        auto parsed = parseResultXml(prolog + doctype, codes());
        BOOST_REQUIRE(!parsed);
        BOOST_CHECK_NE(parsed.problem().message.find("DOCTYPE"), std::string::npos);
    }
    // spaced so that no byte search would see it: the parser still does
    auto spaced = parseResultXml("<?xml version=\"1.0\"?>\n<!DOCTYPE\n XmlMsg SYSTEM \"file:///etc/passwd\"><XmlMsg/>", codes());
    BOOST_CHECK(!spaced);
}

BOOST_AUTO_TEST_CASE(OnlyUtf8AndShiftJisPrologsAreAccepted) {
    auto latin = parseResultXml("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><XmlMsg/>", codes());
    BOOST_REQUIRE(!latin);
    BOOST_CHECK_NE(latin.problem().message.find("iso-8859-1"), std::string::npos);
    BOOST_CHECK(!parseResultXml("\xFE\xFF\0<\0?", codes()));
    BOOST_CHECK(!parseResultXml("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><XmlMsg/>", codes()));
    BOOST_CHECK(prologEncoding("<?xml version='1.0' encoding='cp932'?>").value() == PrologEncoding::ShiftJis);
    BOOST_CHECK(prologEncoding("<XmlMsg/>").value() == PrologEncoding::Utf8);
}

BOOST_AUTO_TEST_CASE(TheTextOfADocumentIsCapped) {
    std::string body(kMaxDocumentCharacters / 2 + 10, 'x');
    std::string xml = "<XmlMsg><MessageHeader><ErrorMessage>" + body + "</ErrorMessage><ErrorCode>" + body +
                      "</ErrorCode></MessageHeader><MessageBody/></XmlMsg>";
    auto parsed = parseResultXml(xml, codes());
    BOOST_REQUIRE(!parsed);
    BOOST_CHECK_NE(parsed.problem().message.find("characters"), std::string::npos);
}

#ifndef _WIN32  // Windows has no FIFOs, and no symlinks for a user (above); its folder case is qa_windows_files'
BOOST_AUTO_TEST_CASE(FilesAreReadUpToTheCapPlusOneAndMustBeRegular) {
    fs::path root = freshRoot();
    fs::create_directories(root);
    std::ofstream(root / "big.xml") << std::string(100000, 'x');
    auto big = readRegularFile(root / "big.xml", 1000);
    BOOST_REQUIRE(big && !*big);
    BOOST_CHECK_EQUAL(big->problem().code, "gateway.too_large");
    BOOST_REQUIRE_EQUAL(::mkfifo((root / "pipe.xml").c_str(), 0600), 0);
    auto pipe = readRegularFile(root / "pipe.xml", 1000);  // must not hang
    BOOST_REQUIRE(pipe && !*pipe);
    BOOST_CHECK_EQUAL(pipe->problem().code, "gateway.not_regular");
    fs::create_symlink(root / "big.xml", root / "link.xml");
    auto link = readRegularFile(root / "link.xml", 1000000);
    BOOST_REQUIRE(link && !*link);
    BOOST_CHECK_EQUAL(link->problem().code, "gateway.not_regular");
    BOOST_CHECK(!readRegularFile(root / "absent.xml", 10));
    fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(AFifoOrSymlinkInResAndFaceHangsNothingAndIsNoArrival) {
    Terminal terminal;
    auto sent = terminal.client.query(query("01130012", "57", "1970-03-05"), 0ms);
    BOOST_REQUIRE_EQUAL(::mkfifo((terminal.root / "res" / answerNameFor(sent.requestId)).c_str(), 0600), 0);
    auto late = terminal.client.collectLateAnswers();
    BOOST_REQUIRE_EQUAL(late.size(), 1u);
    BOOST_CHECK(late[0].kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_NE(late[0].failure.find("not a regular file"), std::string::npos);

    auto name = terminal.simulator.dropFaceResult("A", IdentityMethod::Face).value();
    fs::rename(terminal.root / "face" / name, terminal.root / "elsewhere.xml");
    fs::create_symlink(terminal.root / "elsewhere.xml", terminal.root / "face" / name);
    BOOST_REQUIRE_EQUAL(::mkfifo((terminal.root / "face" / "OQSsiquc01res_face_p_20261125092959.xml").c_str(), 0600), 0);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    BOOST_CHECK(watcher.poll().empty());
}

// (Windows: fs::permissions does not touch the DACL; qa_windows_files warns about an Everyone-writable share.)
BOOST_AUTO_TEST_CASE(FoldersOthersCanWriteAreReported) {
    Terminal terminal;
    BOOST_CHECK(folderSafetyWarnings(FolderLayout{terminal.root}).empty());
    fs::permissions(terminal.root / "face", fs::perms::all);
    auto warnings = folderSafetyWarnings(FolderLayout{terminal.root}, {terminal.root / "trash"});
    BOOST_REQUIRE_EQUAL(warnings.size(), 2u);
    BOOST_CHECK_NE(warnings[0].find("anyone can write"), std::string::npos);
    BOOST_CHECK_NE(warnings[0].find("face"), std::string::npos);
    BOOST_CHECK_NE(warnings[1].find("missing"), std::string::npos);
}
#endif

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(SharedFaceFolder)

BOOST_AUTO_TEST_CASE(FilesMovedToTheChartsTrashAreStillHandedOver) {
    Terminal terminal;
    fs::path trash = terminal.root / "trash";
    fs::create_directories(trash);
    auto name = terminal.simulator.dropFaceResult("A", IdentityMethod::Pin).value();
    fs::rename(terminal.root / "face" / name, trash / name);  // the chart was quicker than us
    FaceFolderWatcher watcher(terminal.root / "face", codes(), {}, FaceWatchOptions{{trash}, &terminal.clock});
    auto results = watcher.poll();
    BOOST_REQUIRE_EQUAL(results.size(), 1u);
    BOOST_CHECK_EQUAL(results[0].fileName, name);
}

BOOST_AUTO_TEST_CASE(TheFirstPollTakesTodayOnlyAndLaterOnesOnlyFreshFiles) {
    Terminal terminal;
    auto xml = readAll(terminal.root / "face" / terminal.simulator.dropFaceResult("A", IdentityMethod::Face).value());
    for (const auto& entry : fs::directory_iterator(terminal.root / "face")) fs::remove(entry.path());
    auto drop = [&](const std::string& stamp, const std::string& marker) {
        std::string content = xml;
        content.insert(content.rfind("</XmlMsg>"), "<!-- " + marker + " -->");
        std::ofstream(terminal.root / "face" / ("OQSsiquc01res_face_x_" + stamp + ".xml")) << content;
    };
    drop("20261124170000", "yesterday");
    drop("20261125080000", "this morning");
    FaceFolderWatcher watcher(terminal.root / "face", codes(), {}, FaceWatchOptions{{}, &terminal.clock});
    auto first = watcher.poll();
    BOOST_REQUIRE_EQUAL(first.size(), 1u);
    BOOST_CHECK_EQUAL(first[0].timestamp, "20261125080000");
    drop("20261125090000", "copied back from an archive");
    drop("20261125092800", "just now");
    auto later = watcher.poll();
    BOOST_REQUIRE_EQUAL(later.size(), 1u);
    BOOST_CHECK_EQUAL(later[0].timestamp, "20261125092800");
}

BOOST_AUTO_TEST_CASE(TheSimulatedChartMovesFaceFilesToItsTrash) {
    TerminalHabits quick{PrologEncoding::Utf8, freshRoot(), 0ms};
    madoguchi::test::FixedClock clock{kNow};
    fs::path root = freshRoot();
    TerminalSimulator simulator{FolderLayout{root}, DemoDataset::parse(kDataset, codes()).value(), codes(), clock, quick};
    auto name = simulator.dropFaceResult("A", IdentityMethod::Face).value();
    simulator.serveOnce();
    BOOST_CHECK(!fs::exists(root / "face" / name));
    BOOST_CHECK(fs::exists(quick.faceTrash / name));
    fs::remove_all(root);
    fs::remove_all(quick.faceTrash);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(DecodingGaps)

namespace {
std::string kyokaiWith(const std::string& insideRecord, bool dropBodySelect) {
    std::string xml = readAll(fs::path(GATEWAY_TEST_DATA) / "valid_kyokai.xml");
    if (dropBodySelect) {
        auto at = xml.find("<PrescriptionIssueSelect>1</PrescriptionIssueSelect>");
        xml.erase(at, std::string("<PrescriptionIssueSelect>1</PrescriptionIssueSelect>").size());
    }
    std::string open = "<ResultOfQualificationConfirmation>";
    xml.insert(xml.find(open) + open.size(), insideRecord);
    return xml;
}
}  // namespace

BOOST_AUTO_TEST_CASE(PrescriptionIssueSelectInsideTheRecordIsRead) {
    auto parsed = parseResultXml(kyokaiWith("<PrescriptionIssueSelect>2</PrescriptionIssueSelect>", true), codes());
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().prescriptionIssueSelect.raw, "2");
    BOOST_CHECK_EQUAL(parsed.value().prescriptionIssueSelect.label, "紙");
    BOOST_CHECK(parsed.value().results[0].otherElements.empty());
}

BOOST_AUTO_TEST_CASE(AnAcquisitionTimeSuffixIsTheConsentsAvailableTime) {
    auto parsed = parseResultXml(
        kyokaiWith("<DiagnosisInfoAcquisitionTime>20261231235959</DiagnosisInfoAcquisitionTime>", false), codes());
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().results[0].diagnosisInfo.availableTime, "20261231235959");
    BOOST_CHECK(parsed.value().results[0].otherElements.empty());
}

BOOST_AUTO_TEST_CASE(SpecificDiseasesConsentTwoMeansExpired) {
    std::string xml = readAll(fs::path(GATEWAY_TEST_DATA) / "elderly_limit_disease.xml");
    std::string flag = "<SpecificDiseasesCertificateRelatedConsFlg>1<";
    xml.replace(xml.find(flag), flag.size(), "<SpecificDiseasesCertificateRelatedConsFlg>2<");
    auto parsed = parseResultXml(xml, codes());
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().results[0].specificDiseasesConsent.label, "同意有効期限切れ");
    BOOST_CHECK(parsed.value().results[0].specificDiseasesConsent.known);
}

BOOST_AUTO_TEST_CASE(APrefixLessResultThatEchoesTheSearchInfoIsDetectedAsAResult) {
    std::string xml = kyokaiWith("", false);
    std::string body = "<MessageBody>";
    xml.insert(xml.find(body) + body.size(),
               "<QualificationConfirmSearchInfo><InsurerNumber>01130012</InsurerNumber></QualificationConfirmSearchInfo>");
    BOOST_CHECK(detectMessageKind("renamed.xml", xml) == MessageKind::Result);
    std::string request = singleQueryRequestXml(query("01130012", "34", "1980-06-15"), "1312345678", "MDG1");
    BOOST_CHECK(detectMessageKind("renamed.xml", request) == MessageKind::QueryRequest);
}

BOOST_AUTO_TEST_CASE(TheNewCodeTablesAreThere) {
    BOOST_CHECK_EQUAL(codes().label("OQSCD005", "1").value_or(""), "Shift_JIS");
    BOOST_CHECK(codes().label("OQSCD013", "1").has_value());
}

BOOST_AUTO_TEST_SUITE_END()
