// The window's face/ watcher (FaceArrivals::watch) on real folders, running on its own thread as
// the window runs it: a file already there at the start is an arrival; a file written slowly is
// taken only once its writer closes it; a file renamed into the folder is taken; and with the
// folder_watch setting's polling, a plain scan finds files just the same.
#include <boost/test/unit_test.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "code_tables.h"
#include "devices/gateway/folder_layout.h"
#include "devices/gateway/terminal_simulator.h"
#include "fixed_clock.h"
#include "gui/app/face_arrivals.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using namespace std::chrono_literals;

namespace {

const LocalDateTime kNow{*Date::fromYmd(2026, 11, 25), 9, 30, 0};

// Two people the simulated reader knows; each result file is taken from its face/ and kept here.
struct Results {
    test::TempFolder terminalRoot;
    test::FixedClock clock{kNow};
    std::string of(const std::string& person) {
        const char* dataset = R"({"medical_institution_code": "1312345678", "people": [
            {"id": "A", "validity": "1", "insurer_number": "01130012", "symbol": "12", "number": "34", "branch": "00",
             "name": "伊藤　誠", "birth_date": "1961-02-03"},
            {"id": "B", "validity": "1", "insurer_number": "06130025", "symbol": "", "number": "88", "branch": "",
             "name": "佐藤　花", "birth_date": "1990-05-05"}]})";
        const gateway::FolderLayout layout{terminalRoot.path()};
        std::filesystem::create_directories(layout.face());
        gateway::TerminalSimulator reader(layout, gateway::DemoDataset::parse(dataset, test::codeTables()).value(),
                                          test::codeTables(), clock);
        const auto name = reader.dropFaceResult(person, IdentityMethod::Face).value();
        std::ifstream in(layout.face() / name, std::ios::binary);
        std::ostringstream content;
        content << in.rdbuf();
        std::filesystem::remove(layout.face() / name);
        names[person] = name;
        return content.str();
    }
    std::map<std::string, std::string> names;  // person → the result's file name
};

// FaceArrivals::watch on a thread of its own; what it emits is collected.
class Watching {
public:
    Watching(const std::filesystem::path& face, const Clock& clock, gateway::FolderWatchMode mode)
        : arrivals_(face, {}, test::codeTables(), {}, clock, nullptr),
          thread_([this, mode](std::stop_token stop) {
              arrivals_.watch(stop, [this](Arrival arrival) {
                  std::lock_guard lock(mutex_);
                  names_.push_back(arrival.displayName);
                  changed_.notify_all();
              }, mode);
          }) {}
    // The names emitted once `count` arrived, or what there is after `wait`.
    std::vector<std::string> waitFor(std::size_t count, std::chrono::milliseconds wait = 10s) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, wait, [&] { return names_.size() >= count; });
        return names_;
    }

private:
    FaceArrivals arrivals_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::string> names_;
    std::jthread thread_;  // last: stopped and joined first
};

void writePiece(int fd, const std::string& piece) {
    BOOST_REQUIRE_EQUAL(::write(fd, piece.data(), piece.size()), static_cast<ssize_t>(piece.size()));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(FaceArrivalsOnRealFolders)

BOOST_AUTO_TEST_CASE(AFileThereAtTheStartThenOneWrittenSlowlyThenOneRenamedIn) {
    Results results;
    const std::string first = results.of("A"), second = results.of("B");
    test::TempFolder face, staging;
    std::ofstream(face.path() / results.names["A"], std::ios::binary) << first;  // before the watch starts

    Watching watching(face.path(), results.clock, gateway::FolderWatchMode::Automatic);
    BOOST_REQUIRE_EQUAL(watching.waitFor(1).size(), 1u);
    BOOST_CHECK_EQUAL(watching.waitFor(1)[0], "伊藤　誠");

    // Written in three pieces by a writer that keeps the file open: nothing until it closes it.
    const auto slow = face.path() / results.names["B"];
    const int fd = ::open(slow.c_str(), O_WRONLY | O_CREAT | O_EXCL, 0600);
    BOOST_REQUIRE(fd >= 0);
    writePiece(fd, second.substr(0, second.size() / 3));
    BOOST_CHECK_EQUAL(watching.waitFor(2, 300ms).size(), 1u);
    writePiece(fd, second.substr(second.size() / 3, second.size() / 3));
    BOOST_CHECK_EQUAL(watching.waitFor(2, 300ms).size(), 1u);
    writePiece(fd, second.substr(2 * (second.size() / 3)));
    ::close(fd);
    const auto afterClose = watching.waitFor(2);
    BOOST_REQUIRE_EQUAL(afterClose.size(), 2u);
    BOOST_CHECK_EQUAL(afterClose[1], "佐藤　花");

    // The same person again, a second later, written elsewhere and renamed in.
    results.clock.set(LocalDateTime{kNow.date, 9, 30, 1});
    const std::string again = results.of("A");
    std::ofstream(staging.path() / results.names["A"], std::ios::binary) << again;
    std::filesystem::rename(staging.path() / results.names["A"], face.path() / results.names["A"]);
    const auto afterRename = watching.waitFor(3);
    BOOST_REQUIRE_EQUAL(afterRename.size(), 3u);
    BOOST_CHECK_EQUAL(afterRename[2], "伊藤　誠");
}

BOOST_AUTO_TEST_CASE(WithPollingSetTheScanFindsFilesThereAtTheStartAndLater) {
    Results results;
    const std::string first = results.of("A"), second = results.of("B");
    test::TempFolder face;
    std::ofstream(face.path() / results.names["A"], std::ios::binary) << first;
    Watching watching(face.path(), results.clock, gateway::FolderWatchMode::Polling);
    BOOST_REQUIRE_EQUAL(watching.waitFor(1).size(), 1u);
    std::ofstream(face.path() / results.names["B"], std::ios::binary) << second;
    const auto names = watching.waitFor(2);
    BOOST_REQUIRE_EQUAL(names.size(), 2u);
    BOOST_CHECK_EQUAL(names[1], "佐藤　花");
}

BOOST_AUTO_TEST_SUITE_END()
