#pragma once
// Stands in for the 資格確認端末's 連携アプリ: answers req/ in res/ from the demo dataset, with
// the faults each person (or the whole dataset) asks for, and drops face/ results on command as
// the certified reader would.
#include <chrono>
#include <map>
#include <set>
#include <string>

#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/gateway_messages.h"
#include "domain/ports/clock.h"
#include "domain/visit_record.h"

namespace madoguchi::gateway {

class TerminalSimulator {
public:
    TerminalSimulator(FolderLayout layout, DemoDataset dataset, CodeTables codes, const Clock& clock);

    // Answers every request in req/ whose (simulated) latency has passed; returns how many.
    int serveOnce();
    // Writes a face/ result for the person, as after a session at the certified reader.
    Outcome<std::string> dropFaceResult(const std::string& personId, IdentityMethod method);
    const DemoDataset& dataset() const { return dataset_; }

private:
    void answer(const std::string& requestName);
    const DemoPerson* personAsked(const Outcome<QueryRequest>& query) const;  // nobody: nullptr
    void writeAnswer(const std::string& answerName, const std::string& xml, const SimulatedFault& fault);

    FolderLayout layout_;
    DemoDataset dataset_;
    CodeTables codes_;
    const Clock& clock_;
    std::map<std::string, std::chrono::steady_clock::time_point> due_;
    std::set<std::string> answered_;
};

}  // namespace madoguchi::gateway
