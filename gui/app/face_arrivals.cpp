#include "gui/app/face_arrivals.h"

#include "devices/gateway/face_folder_watcher.h"
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

void FaceArrivals::watch(std::stop_token stop, const std::function<void(Arrival)>& emit,
                         std::chrono::milliseconds interval) const {
    gateway::FaceFolderWatcher watcher(folder_, codes_, seenStore_, gateway::FaceWatchOptions{otherFolders_, &clock_});
    do {
        for (auto& face : watcher.poll()) {
            if (!face.result) continue;  // unreadable: the watcher keeps it out of the queue
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
            emit(std::move(arrival));
        }
    } while (waitUnlessStopped(stop, interval));
}

}  // namespace madoguchi::gui
