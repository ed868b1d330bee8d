// face/ watched through inotify (FolderEvents + FaceFolderWatcher::take), on real folders: a file
// is taken when its writer closes it or when it is moved in, never half-written. On Windows
// (devices/gateway/folder_events_windows.cpp) there are no events: every folder is polled, and the
// scan takes a file only once it is whole.
#include <boost/test/unit_test.hpp>
#ifndef _WIN32
#include <fcntl.h>
#include <unistd.h>
#endif

#include <fstream>

#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_events.h"
#include "terminal_fixture.h"

namespace {

// A real face result as the simulated reader writes it, taken out of face/ again.
std::string faceResultXml(Terminal& terminal) {
    const auto name = terminal.simulator.dropFaceResult("A", IdentityMethod::Face).value();
    auto content = readAll(terminal.root / "face" / name);  // closed again: Windows deletes no open file
    fs::remove(terminal.root / "face" / name);
    return content;
}

const char* kName = "OQSsiquc01res_face_A_20261125092959.xml";

#ifndef _WIN32
void writePiece(int fd, const std::string& piece) {
    BOOST_REQUIRE_EQUAL(::write(fd, piece.data(), piece.size()), static_cast<ssize_t>(piece.size()));
}

// Events until `wanted` files were reported or about a second passed.
std::vector<fs::path> eventsFor(FolderEvents& events, std::size_t wanted) {
    std::vector<fs::path> files;
    for (int i = 0; i < 20 && files.size() < wanted; ++i)
        for (auto& file : events.completedFiles(50ms)) files.push_back(std::move(file));
    return files;
}
#endif

}  // namespace

BOOST_AUTO_TEST_SUITE(FaceFolderEvents)

#ifndef _WIN32

BOOST_AUTO_TEST_CASE(AFileWrittenSlowlyIsTakenOnlyWhenItsWriterClosesIt) {
    Terminal terminal;
    const auto xml = faceResultXml(terminal);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    FolderEvents events(watcher.folders());
    BOOST_REQUIRE(events.eventsArrive());  // the test folders are on a local file system
    BOOST_CHECK(watcher.poll().empty());

    const auto path = terminal.root / "face" / kName;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    BOOST_REQUIRE(fd >= 0);
    writePiece(fd, xml.substr(0, xml.size() / 3));
    BOOST_CHECK(events.completedFiles(100ms).empty());  // open: nothing to take yet
    writePiece(fd, xml.substr(xml.size() / 3, xml.size() / 3));
    BOOST_CHECK(events.completedFiles(100ms).empty());
    BOOST_CHECK(watcher.take({path}).empty());  // even when told of it early, a half file is no arrival
    writePiece(fd, xml.substr(2 * (xml.size() / 3)));
    ::close(fd);

    const auto completed = eventsFor(events, 1);
    BOOST_REQUIRE_EQUAL(completed.size(), 1u);
    BOOST_CHECK_EQUAL(completed[0], path);
    const auto taken = watcher.take(completed);
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK(taken[0].result);
    BOOST_CHECK_EQUAL(taken[0].fileName, kName);
    BOOST_CHECK(watcher.take(completed).empty());  // once only
    BOOST_CHECK(watcher.poll().empty());
}

BOOST_AUTO_TEST_CASE(AFileClosedBetweenPiecesIsTakenWhenItIsWhole) {
    Terminal terminal;
    const auto xml = faceResultXml(terminal);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    FolderEvents events(watcher.folders());
    const auto path = terminal.root / "face" / kName;
    std::ofstream(path, std::ios::binary) << xml.substr(0, xml.size() / 2);
    auto first = eventsFor(events, 1);
    BOOST_REQUIRE_EQUAL(first.size(), 1u);
    BOOST_CHECK(watcher.take(first).empty());  // closed, but not a whole result yet
    std::ofstream(path, std::ios::binary | std::ios::app) << xml.substr(xml.size() / 2);
    const auto taken = watcher.take(eventsFor(events, 1));
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK(taken[0].result);
}

BOOST_AUTO_TEST_CASE(AFileMovedInIsTakenAndOtherNamesAndFoldersAreNot) {
    Terminal terminal;
    const auto xml = faceResultXml(terminal);
    const auto staging = terminal.root / "staging";
    fs::create_directories(staging);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    FolderEvents events(watcher.folders());
    std::ofstream(staging / kName, std::ios::binary) << xml;
    std::ofstream(terminal.root / "face" / "notes.txt") << "not a result\n";
    fs::rename(staging / kName, terminal.root / "face" / kName);

    const auto completed = eventsFor(events, 2);
    BOOST_CHECK_EQUAL(completed.size(), 2u);  // notes.txt closed, the result moved in
    auto withStaging = completed;
    withStaging.push_back(staging / "OQSsiquc01res_face_B_20261125093000.xml");  // not a watched folder
    const auto taken = watcher.take(withStaging);
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK_EQUAL(taken[0].fileName, kName);
}

#endif

BOOST_AUTO_TEST_CASE(PollingModeSendsNoEventsAndTheScanStillFindsTheFile) {
    Terminal terminal;
    const auto xml = faceResultXml(terminal);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    FolderEvents events(watcher.folders(), FolderWatchMode::Polling);
    BOOST_CHECK(!events.eventsArrive());
    std::ofstream(terminal.root / "face" / kName, std::ios::binary) << xml;
    BOOST_CHECK(events.completedFiles(10ms).empty());
    BOOST_CHECK_EQUAL(watcher.poll().size(), 1u);
}

#ifdef _WIN32
BOOST_AUTO_TEST_CASE(OnWindowsEveryFolderIsPolledAndAHalfWrittenFileIsNotTaken) {
    Terminal terminal;
    const auto xml = faceResultXml(terminal);
    FaceFolderWatcher watcher(terminal.root / "face", codes());
    BOOST_CHECK(!sendsLocalEvents(terminal.root / "face"));
    FolderEvents events(watcher.folders());  // the default mode: still no events
    BOOST_CHECK(!events.eventsArrive());
    BOOST_CHECK(watcher.poll().empty());
    const auto path = terminal.root / "face" / kName;
    {
        std::ofstream writer(path, std::ios::binary);  // the reader still writing it
        writer << xml.substr(0, xml.size() / 2) << std::flush;
        BOOST_CHECK(watcher.poll().empty());
        writer << xml.substr(xml.size() / 2);
    }
    const auto taken = watcher.poll();
    BOOST_REQUIRE_EQUAL(taken.size(), 1u);
    BOOST_CHECK(taken[0].result);
    BOOST_CHECK_EQUAL(taken[0].fileName, kName);
    BOOST_CHECK(watcher.poll().empty());  // once only
}
#else
BOOST_AUTO_TEST_CASE(ALocalFolderSendsEventsAndAMissingOneDoesNot) {
    Terminal terminal;
    BOOST_CHECK(sendsLocalEvents(terminal.root / "face"));
    FolderEvents events({terminal.root / "face", terminal.root / "missing"});
    BOOST_CHECK(!events.eventsArrive());  // one folder cannot be watched: the caller polls
}
#endif

BOOST_AUTO_TEST_SUITE_END()
