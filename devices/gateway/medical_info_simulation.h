#pragma once
// The simulated terminal's answers to 薬剤情報 / 特定健診 requests (terminal_simulator.h): from the
// demo dataset's histories, or an error answer (ResultCode 2 with the terminal-style text) when the
// person is unknown or has not consented.
#include <string>

#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/medical_info_messages.h"

namespace madoguchi::gateway {

// The person the request's header numbers name (insurer, number; symbol and branch when given).
const DemoPerson* personOfMedicalInfoRequest(const DemoDataset& dataset, const MedicalInfoRequest& request);

// The answer XML (UTF-8) for the request: the person's days whose month lies in StartDate…EndDate,
// the 診療 items only with FileCategory 4; or every checkup.
std::string simulatedMedicalInfoXml(const DemoPerson* person, const MedicalInfoRequest& request, MedicalInformation kind);

// A small valid one-page PDF naming the request (FileCategory 1 or 3).
std::string simulatedMedicalInfoPdf(const DemoPerson& person, MedicalInformation kind);

}  // namespace madoguchi::gateway
