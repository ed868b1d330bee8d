#pragma once
// Polls the certified reader's face/ folder on its own thread and turns each new result into
// an arrival for the queue.
#include <atomic>
#include <filesystem>
#include <functional>
#include <thread>
#include <vector>

#include "domain/ports/clock.h"
#include "domain/rule_tables.h"
#include "gui/reception/arrival.h"

namespace madoguchi::gui {

// The facility's patient number for a result (the レセコン's job; the demo matches its dataset).
using PatientNumberLookup = std::function<std::string(const EligibilityResult&)>;

class FaceArrivals {
public:
    // otherFolders: e.g. the chart's trash folder, scanned as well (FaceWatchOptions).
    FaceArrivals(std::filesystem::path faceFolder, std::vector<std::filesystem::path> otherFolders, CodeTables codes,
                 std::filesystem::path seenStore, const Clock& clock, PatientNumberLookup patientNumber);
    ~FaceArrivals() { stop(); }
    void start(std::function<void(Arrival)> deliver, std::chrono::milliseconds interval = std::chrono::milliseconds(50));
    void stop();

private:
    std::filesystem::path folder_;
    std::vector<std::filesystem::path> otherFolders_;
    CodeTables codes_;
    std::filesystem::path seenStore_;
    const Clock& clock_;
    PatientNumberLookup patientNumber_;
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

// The identity method the reader used, when its file name says it (…_face_pin_… / …_visual_…);
// face otherwise.
IdentityMethod identityMethodFromFaceFileName(const std::string& fileName);

}  // namespace madoguchi::gui
