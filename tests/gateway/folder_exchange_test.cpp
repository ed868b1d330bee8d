#include <boost/test/unit_test.hpp>

#include "code_tables.h"

#include "fixed_clock.h"
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

#include "devices/gateway/face_folder_watcher.h"
#include "terminal_fixture.h"


BOOST_AUTO_TEST_SUITE(FolderExchange)

BOOST_AUTO_TEST_CASE(AQueryIsAnsweredThroughRealFolders) {
    Terminal terminal;
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15"), 3s);
    BOOST_REQUIRE(answer.kind == GatewayAnswer::Kind::Answered);
    BOOST_CHECK(answer.result->isConfirmed());
    BOOST_CHECK_EQUAL(answer.result->results[0].name, "窓口　花子");
    BOOST_CHECK(answer.result->arbitraryFileIdentifier.starts_with("MDG202611250001-"));  // echoed
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250001.xml");
    BOOST_CHECK(fs::exists(terminal.root / "res" / "OQSsiquc01res_202611250001.xml"));
    BOOST_CHECK_EQUAL(filesIn(terminal.root / "req"), 1u);  // no temporary file left behind
    BOOST_CHECK(terminal.client.pending().empty());
}

BOOST_AUTO_TEST_CASE(TheRequestCarriesTheInsurerNumberRightAlignedToEight) {
    Terminal terminal;
    terminal.client.query(query("131011", "99", "1977-07-17"), 3s);
    const std::string xml = readAll(terminal.root / "req" / "OQSsiquc01req_202611250001.xml");
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

BOOST_AUTO_TEST_CASE(ANameWhoseAnswerIsStillThereIsSkipped) {
    Terminal terminal;
    std::ofstream(terminal.root / "res" / "OQSsiquc01res_202611250001.xml") << "<old/>";
    auto answer = terminal.client.query(query("01130012", "34", "1980-06-15"), 3s);
    BOOST_CHECK_EQUAL(answer.requestId, "OQSsiquc01req_202611250002.xml");
    BOOST_CHECK_EQUAL(readAll(terminal.root / "res" / "OQSsiquc01res_202611250001.xml"), "<old/>");
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
    const std::string xml = readAll(terminal.root / "face" / name);  // closed again: Windows deletes no open file
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
