#pragma once
// Stands in for the 資格確認端末's 連携アプリ: answers req/ in res/ from the demo dataset, with
// the faults each person (or the whole dataset) asks for, and drops face/ results on command as
// the certified reader would. Bulk jobs too: an OQSmuquc01req gets a ReceptionNumber, each
// OQSmuquc02req for it is answered "still processing" as often as the habits say, then with
// every person's answer (as .xml or .zip). 薬剤情報 / 特定健診 requests are answered from each
// person's histories (medical_info_simulation.h).
#include <chrono>
#include <map>
#include <set>
#include <string>

#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/gateway_messages.h"
#include "devices/gateway/medical_info_messages.h"
#include "devices/gateway/request_encoding.h"
#include "domain/ports/clock.h"
#include "domain/visit_record.h"

namespace madoguchi::gateway {

// How the simulated terminal (and the chart software beside it) behaves at a site.
struct TerminalHabits {
    PrologEncoding answerEncoding = PrologEncoding::Utf8;  // results and face files
    std::filesystem::path faceTrash;                       // the chart moves face files here…
    std::chrono::milliseconds faceTrashAfter{0};           // …this long after they appear
    int bulkStillProcessingAsks = 0;  // bulk downloads answered "still processing" (SegmentOfResult 2) first
    bool bulkAnswerAsZip = false;     // bulk results as OQSmuquc02res_….zip holding the XML
};

class TerminalSimulator {
public:
    TerminalSimulator(FolderLayout layout, DemoDataset dataset, CodeTables codes, const Clock& clock,
                      TerminalHabits habits = {});

    // Answers every request in req/ whose (simulated) latency has passed; returns how many. With
    // a faceTrash habit, also moves the face files it dropped there once they are old enough.
    int serveOnce();
    // Writes a face/ result for the person, as after a session at the certified reader.
    Outcome<std::string> dropFaceResult(const std::string& personId, IdentityMethod method);
    const DemoDataset& dataset() const { return dataset_; }

private:
    void answer(const std::string& requestName);
    void acceptBulkJob(const std::string& requestName);
    void answerBulkDownload(const std::string& requestName);
    void answerMedicalInfo(const std::string& requestName, MedicalInformation kind);
    EligibilityResult answerTo(const SearchInfo& asked, const std::string& executionTime) const;
    const DemoPerson* personAsked(const Outcome<QueryRequest>& query) const;  // nobody: nullptr
    void reject(const std::string& requestName, const std::string& reason);
    std::string inTerminalEncoding(const std::string& xml) const;
    void writeAnswer(const std::string& answerName, const std::string& xml, const SimulatedFault& fault);

    FolderLayout layout_;
    DemoDataset dataset_;
    CodeTables codes_;
    const Clock& clock_;
    TerminalHabits habits_;
    std::map<std::string, std::chrono::steady_clock::time_point> due_;
    std::set<std::string> answered_;
    std::map<std::string, std::chrono::steady_clock::time_point> droppedFaces_;
    struct BulkJob {
        QueryRequest request;
        int asks = 0;
    };
    std::map<std::string, BulkJob> bulkJobs_;  // ReceptionNumber → job
    void moveFacesToTrash();
};

}  // namespace madoguchi::gateway
