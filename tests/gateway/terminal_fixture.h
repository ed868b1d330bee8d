#pragma once
// A real folder root with the simulated terminal answering on its own thread, as the terminal
// would, and a folder client on the same root (tests of label gateway).
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <unistd.h>

#include "code_tables.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/terminal_simulator.h"
#include "fixed_clock.h"
#include "platform/utf8_path.h"

namespace madoguchi::gateway::testing {

inline const LocalDateTime kNow = *LocalDateTime::parseIso("2026-11-25T09:30:00");

inline const CodeTables& codes() { return madoguchi::test::codeTables(); }

inline constexpr const char* kDataset = R"({"medical_institution_code": "1312345678", "people": [
  {"id": "A", "card_serial": "1", "validity": "1", "insurer_number": "01130012", "symbol": "12", "number": "34",
   "branch": "00", "name": "窓口　花子", "birth_date": "1980-06-15", "sex": "2"},
  {"id": "LATE", "validity": "1", "insurer_number": "01130012", "number": "77", "name": "遅延　応答",
   "birth_date": "1966-12-12", "fault": {"latency_ms": 700}},
  {"id": "SLOW", "validity": "1", "insurer_number": "06130025", "number": "88", "name": "途中　書込",
   "birth_date": "1995-05-25", "fault": {"slow_write_ms": 400}},
  {"id": "ERR", "validity": "1", "insurer_number": "131011", "number": "99", "name": "障害　発生",
   "birth_date": "1977-07-17", "fault": {"error_code": "EQ9001"}},
  {"id": "REJ", "validity": "1", "insurer_number": "01130012", "number": "55", "name": "拒否　要求",
   "birth_date": "1970-03-03", "fault": {"reject": "要求ファイルの形式に誤りがあります（E1001）"}},
  {"id": "LATEREJ", "validity": "1", "insurer_number": "01130012", "number": "56", "name": "遅延　拒否",
   "birth_date": "1970-03-04", "fault": {"reject": "処理できません", "latency_ms": 600}},
  {"id": "SILENT", "validity": "1", "insurer_number": "01130012", "number": "57", "name": "無言　応答",
   "birth_date": "1970-03-05", "fault": {"no_answer": true}}]})";

// A folder with a Japanese name (as a clinic names its shares), reaching Windows as UTF-16.
inline std::filesystem::path freshRoot() {
    static int counter = 0;
    return std::filesystem::temp_directory_path() /
           madoguchi::platform::utf8Path("madoguchi-窓口-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
}

// The simulated terminal answering req/ on its own thread until stop() (or destruction).
class ServingThread {
public:
    explicit ServingThread(TerminalSimulator& simulator)
        : thread_([this, &simulator] {
              while (running_) {
                  simulator.serveOnce();
                  std::this_thread::sleep_for(std::chrono::milliseconds(20));
              }
          }) {}
    ~ServingThread() { stop(); }
    void stop() {  // returns once the terminal answers nothing more
        running_ = false;
        if (thread_.joinable()) thread_.join();
    }

private:
    std::atomic<bool> running_{true};
    std::thread thread_;
};

struct Terminal {
    explicit Terminal(TerminalHabits habits = {}, RequestEncoding encoding = RequestEncoding::FollowResults)
        : simulator{FolderLayout{root}, DemoDataset::parse(kDataset, codes()).value(), codes(), clock, std::move(habits)},
          client{FolderLayout{root}, "1312345678", codes(), clock, encoding} {}
    ~Terminal() {
        serving.stop();
        std::filesystem::remove_all(root);
    }

    std::filesystem::path root = freshRoot();
    madoguchi::test::FixedClock clock{kNow};
    TerminalSimulator simulator;
    ServingThread serving{simulator};
    FolderEligibilityGateway client;
};

inline NumberQuery query(const char* insurer, const char* number, const char* birth, const char* symbol = "") {
    return NumberQuery{{insurer, {symbol, number, ""}}, *Date::parseIso(birth), *Date::parseIso("2026-11-25"), false, "V-1"};
}

inline std::size_t filesIn(const std::filesystem::path& folder) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()));
}

inline std::string readAll(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace madoguchi::gateway::testing

// The names the terminal tests speak in (each test file would otherwise repeat these lines).
using namespace madoguchi;
using namespace madoguchi::gateway;
using namespace madoguchi::gateway::testing;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
