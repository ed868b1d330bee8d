#include <boost/test/unit_test.hpp>

#include "code_tables.h"

#include "fixed_clock.h"
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "app/resources.h"
#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/terminal_simulator.h"

using namespace madoguchi;
using namespace madoguchi::gateway;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

const LocalDateTime kNow = *LocalDateTime::parseIso("2026-11-25T09:30:00");

const CodeTables& codes() { return test::codeTables(); }

const char* kDataset = R"({"medical_institution_code": "1312345678", "people": [
  {"id": "A", "card_serial": "1", "validity": "1", "insurer_number": "01130012", "symbol": "12", "number": "34",
   "branch": "00", "name": "窓口　花子", "birth_date": "1980-06-15", "sex": "2"},
  {"id": "LATE", "validity": "1", "insurer_number": "01130012", "number": "77", "name": "遅延　応答",
   "birth_date": "1966-12-12", "fault": {"latency_ms": 700}},
  {"id": "SLOW", "validity": "1", "insurer_number": "06130025", "number": "88", "name": "途中　書込",
   "birth_date": "1995-05-25", "fault": {"slow_write_ms": 400}},
  {"id": "ERR", "validity": "1", "insurer_number": "131011", "number": "99", "name": "障害　発生",
   "birth_date": "1977-07-17", "fault": {"error_code": "EQ9001"}}]})";

// A real folder root with the simulator answering on its own thread, as the terminal would.
struct Terminal {
    fs::path root = fs::temp_directory_path() / ("madoguchi-gw-" + std::to_string(::getpid()) + "-" +
                                                 std::to_string(counter++));
    test::FixedClock clock{kNow};
    TerminalSimulator simulator{FolderLayout{root}, DemoDataset::parse(kDataset, codes()).value(), codes(), clock};
    std::atomic<bool> running{true};
    std::thread serving{[this] {
        while (running) {
            simulator.serveOnce();
            std::this_thread::sleep_for(20ms);
        }
    }};
    FolderEligibilityGateway client{FolderLayout{root}, "1312345678", codes(), clock};

    ~Terminal() {
        running = false;
        serving.join();
        fs::remove_all(root);
    }
    static inline int counter = 0;
};

NumberQuery query(const char* insurer, const char* number, const char* birth) {
    return NumberQuery{{insurer, {"", number, ""}}, *Date::parseIso(birth), *Date::parseIso("2026-11-25"), false, "V-1"};
}

std::size_t filesIn(const fs::path& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(FolderExchange)

BOOST_AUTO_TEST_CASE(AQueryIsAnsweredThroughRealFolders) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15"), 3s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(answer.result->isConfirmed());
    BOOST_CHECK_EQUAL(answer.result->results[0].name, "窓口　花子");
    BOOST_CHECK_EQUAL(answer.result->arbitraryFileIdentifier, "V-1");
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250001.xml");
    BOOST_CHECK(fs::exists(terminal.root / "res" / "OQSsiquc01res_202611250001.xml"));
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 1u);  // no temporary file left behind
    BOOST_CHECK(terminal.client.pending().empty());
}

BOOST_AUTO_TEST_CASE(TheRequestCarriesTheInsurerNumberRightAlignedToEight) {
    Terminal terminal;
    terminal.client.query(query("131011", "99", "1977-07-17"), 3s);
    std::ifstream in(terminal.root / "req" / "OQSsiquc01req_202611250001.xml");
    std::string xml((std::istreambuf_iterator<char>(in)), {});
    BOOST_CHECK_NE(xml.find("<InsurerNumber>  131011</InsurerNumber>"), std::string::npos);
}

BOOST_AUTO_TEST_CASE(UnknownPeopleAreAnsweredWithNoSuchQualification) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "5", "2000-01-01"), 3s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(answer.result->validity() == QualificationValidity::NoSuchQualification);
}

BOOST_AUTO_TEST_CASE(ATimeoutIsPendingNeverResentAndTheLateAnswerIsCollected) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "77", "1966-12-12"), 200ms);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Pending);
    BOOST_CHECK_EQUAL(terminal.client.pending().count(answer.requestId), 1u);
    BOOST_CHECK(terminal.client.collectLateAnswers().empty());
    std::vector<GatewayAnswer> late;
    for (int i = 0; i < 60 && late.empty(); ++i) {
        std::this_thread::sleep_for(50ms);
        late = terminal.client.collectLateAnswers();
    }
    BOOST_REQUIRE_EQUAL(late.size(), 1u);
    BOOST_CHECK_EQUAL(late[0].requestId, answer.requestId);
    BOOST_CHECK_EQUAL(late[0].result->results[0].name, "遅延　応答");
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 1u);  // one request only: never resent
    BOOST_CHECK(terminal.client.pending().empty());
}

BOOST_AUTO_TEST_CASE(AnAnswerWrittenSlowlyInPiecesIsReadWhole) {
    Terminal terminal;
    auto answer = terminal.client.query(query("06130025", "88", "1995-05-25"), 5s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK_EQUAL(answer.result->results[0].name, "途中　書込");
}

BOOST_AUTO_TEST_CASE(ASystemErrorAnswerIsParsedAsSuch) {
    Terminal terminal;
    auto answer = terminal.client.query(query("131011", "99", "1977-07-17"), 3s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(answer.result->isSystemError());
    BOOST_CHECK_EQUAL(answer.result->errorCode, "EQ9001");
}

BOOST_AUTO_TEST_CASE(RequestNamesAreNeverReused) {
    Terminal terminal;
    fs::create_directories(terminal.root / "res");
    std::ofstream(terminal.root / "res" / "OQSsiquc01res_202611250007.xml") << "<old/>";
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15"), 3s);
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250008.xml");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(FaceFolder)

BOOST_AUTO_TEST_CASE(FaceFileNamesAreMatchedOnPrefixAndTrailingTimestamp) {
    std::string stamp;
    BOOST_CHECK(isFaceResultName("OQSsiquc01res_face_0001_20261125093000.xml", &stamp));
    BOOST_CHECK_EQUAL(stamp, "20261125093000");
    BOOST_CHECK(!isFaceResultName("OQSsiquc01res_202611250001.xml"));
    BOOST_CHECK(!isFaceResultName("OQSsiquc01res_face_x_2026112509300.xml"));
    BOOST_CHECK(!isFaceResultName(".OQSsiquc01res_face_x_20261125093000.xml.tmp"));
}

BOOST_AUTO_TEST_CASE(EachResultIsHandedOverOnceInArrivalOrderAcrossRestarts) {
    Terminal terminal;
    fs::path seen = terminal.root / "seen.txt";
    auto second = terminal.simulator.dropFaceResult("A", IdentityMethod::Pin).value();
    fs::rename(terminal.root / "face" / second, terminal.root / "face" / "OQSsiquc01res_face_x_20261125093005.xml");
    auto first = terminal.simulator.dropFaceResult("ERR", IdentityMethod::Face).value();
    fs::rename(terminal.root / "face" / first, terminal.root / "face" / "OQSsiquc01res_face_y_20261125092959.xml");
    fs::copy_file(terminal.root / "face" / "OQSsiquc01res_face_y_20261125092959.xml",
                  terminal.root / "face" / "OQSsiquc01res_face_z_20261125093010.xml");  // the same content again
    {
        FaceFolderWatcher watcher(terminal.root / "face", codes(), seen);
        auto results = watcher.poll();
        BOOST_REQUIRE_EQUAL(results.size(), 2u);
        BOOST_CHECK_EQUAL(results[0].timestamp, "20261125092959");
        BOOST_CHECK_EQUAL(results[1].result.value().results[0].name, "窓口　花子");
        BOOST_CHECK(watcher.poll().empty());
    }
    auto third = terminal.simulator.dropFaceResult("SLOW", IdentityMethod::Visual).value();  // arrives during the restart
    FaceFolderWatcher restarted(terminal.root / "face", codes(), seen);
    auto results = restarted.poll();
    BOOST_REQUIRE_EQUAL(results.size(), 1u);
    BOOST_CHECK_EQUAL(results[0].fileName, third);
}

BOOST_AUTO_TEST_CASE(AHalfWrittenFaceFileWaitsUntilItIsComplete) {
    Terminal terminal;
    auto name = terminal.simulator.dropFaceResult("A", IdentityMethod::Face).value();
    std::ifstream in(terminal.root / "face" / name);
    std::string xml((std::istreambuf_iterator<char>(in)), {});
    fs::remove(terminal.root / "face" / name);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    std::ofstream(terminal.root / "face" / name) << xml.substr(0, xml.size() / 2);
    BOOST_CHECK(watcher.poll().empty());
    std::ofstream(terminal.root / "face" / name, std::ios::app) << xml.substr(xml.size() / 2);
    auto results = watcher.poll();
    BOOST_REQUIRE_EQUAL(results.size(), 1u);
    BOOST_CHECK(results[0].result);
}

BOOST_AUTO_TEST_SUITE_END()
