#include "gui/app/face_arrivals.h"

#include "devices/gateway/face_folder_watcher.h"
#include "devices/gateway/folder_events.h"
#include "gui/app/background_work.h"

namespace madoguchi::gui {

IdentityMethod identityMethodFromFaceFileName(const std::string& fileName) {
    if (fileName.find("_pin_") != std::string::npos) return IdentityMethod::Pin;
    if (fileName.find("_visual_") != std::string::npos) return IdentityMethod::Visual;
    return IdentityMethod::Face;
}

FaceArrivals::FaceArrivals(std::filesystem::path faceFolder, std::vector<std::filesystem::path> otherFolders,
                           CodeTables codes, std::filesystem::path seenStore, const Clock& clock,
                           PatientNumberLookup patientNumber)
    : folder_(std::move(faceFolder)),
      otherFolders_(std::move(otherFolders)),
      codes_(std::move(codes)),
      seenStore_(std::move(seenStore)),
      clock_(clock),
      patientNumber_(std::move(patientNumber)) {}

namespace {
// With events, a full scan still runs now and again: it catches what events can miss (an
// overflowing event queue, a folder replaced under the watch).
constexpr std::chrono::seconds kScanWithEvents{2};
// How long one wait for events lasts before the stop token is looked at again.
constexpr std::chrono::milliseconds kEventWait{100};
}  // namespace

void FaceArrivals::watch(std::stop_token stop, const std::function<void(Arrival)>& emit,
                         gateway::FolderWatchMode watch, std::chrono::milliseconds interval) const {
    gateway::FaceFolderWatcher watcher(folder_, codes_, seenStore_, gateway::FaceWatchOptions{otherFolders_, &clock_});
    gateway::FolderEvents events(watcher.folders(), watch);
    const auto emitAll = [&](std::vector<gateway::FaceResult> faces) {
        for (auto& face : faces)
            if (face.result) emit(arrivalOf(std::move(face)));  // unreadable: kept out of the queue
    };
    emitAll(watcher.poll());
    if (!events.eventsArrive()) {  // a network share or no inotify: the scan is the watch
        while (waitUnlessStopped(stop, interval)) emitAll(watcher.poll());
        return;
    }
    auto lastScan = std::chrono::steady_clock::now();
    while (!stop.stop_requested()) {
        emitAll(watcher.take(events.completedFiles(kEventWait)));
        if (std::chrono::steady_clock::now() - lastScan >= kScanWithEvents) {
            emitAll(watcher.poll());
            lastScan = std::chrono::steady_clock::now();
        }
    }
}

Arrival FaceArrivals::arrivalOf(gateway::FaceResult face) const {
    Arrival arrival;
    arrival.kind = Arrival::Kind::CertifiedReaderResult;
    arrival.at = clock_.now();
    arrival.result = face.result.value();
    arrival.rawXml = std::move(face.rawXml);
    arrival.method = identityMethodFromFaceFileName(face.fileName);
    if (!arrival.result.results.empty()) {
        const auto& q = arrival.result.results.front();
        arrival.displayName = q.name.empty() ? q.insuredName : q.name;
    }
    if (patientNumber_) arrival.patientId = patientNumber_(arrival.result);
    return arrival;
}

}  // namespace madoguchi::gui
