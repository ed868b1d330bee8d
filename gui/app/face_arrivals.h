#pragma once
// Watches the certified reader's face/ folder and turns each new result into an arrival for the
// queue. watch() runs on the window's BackgroundWork until its stop token is raised. On a local
// folder it waits for inotify events (a file closed after writing or moved in is taken at once)
// and scans every 2 s besides; on a network share it scans every `interval` (FolderEvents).
#include <chrono>
#include <filesystem>
#include <functional>
#include <stop_token>
#include <vector>

#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_layout.h"
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
    // Blocks until `stop`: emit(arrival) for every new readable result: first the files already
    // there, then each one as it is completed. `watch`: FolderWatchMode::Polling scans every
    // `interval` even where the folders send events.
    void watch(std::stop_token stop, const std::function<void(Arrival)>& emit,
               gateway::FolderWatchMode watch = gateway::FolderWatchMode::Automatic,
               std::chrono::milliseconds interval = std::chrono::milliseconds(50)) const;

private:
    Arrival arrivalOf(gateway::FaceResult face) const;

    std::filesystem::path folder_;
    std::vector<std::filesystem::path> otherFolders_;
    CodeTables codes_;
    std::filesystem::path seenStore_;
    const Clock& clock_;
    PatientNumberLookup patientNumber_;
};

// The identity method the reader used, when its file name says it (…_face_pin_… / …_visual_…);
// face otherwise.
IdentityMethod identityMethodFromFaceFileName(const std::string& fileName);

}  // namespace madoguchi::gui
