#include "devices/gateway/terminal_simulator.h"

#include <fstream>
#include <thread>

#include "devices/gateway/medical_info_simulation.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/request_placement.h"
#include "devices/gateway/request_xml.h"
#include "devices/gateway/stable_file.h"
#include "devices/gateway/terminal_rejection.h"
#include "devices/gateway/zip_entries.h"

namespace madoguchi::gateway {
namespace {

const SimulatedFault& faultFor(const DemoPerson* person, const DemoDataset& dataset) {
    return person ? person->fault : dataset.globalFault();
}

SimulatedFault merged(const SimulatedFault& personal, const SimulatedFault& global) {
    SimulatedFault fault = personal;
    fault.latencyMs = std::max(personal.latencyMs, global.latencyMs);
    fault.noAnswer = personal.noAnswer || global.noAnswer;
    fault.truncated = personal.truncated || global.truncated;
    fault.garbage = personal.garbage || global.garbage;
    fault.slowWriteMs = std::max(personal.slowWriteMs, global.slowWriteMs);
    if (fault.errorCode.empty()) fault.errorCode = global.errorCode;
    fault.statusError = personal.statusError || global.statusError;
    if (fault.reject.empty()) fault.reject = global.reject;
    return fault;
}

// Through the platform's open, as the window reads (on Windows sharing deletion: the writer may
// rename or remove the request meanwhile); a file that is gone or unreadable reads as empty.
std::string readWhole(const std::filesystem::path& path) {
    auto content = readRegularFile(path, StableReadLimits{}.maxBytes);
    if (!content || !*content) return {};
    return std::move(*content).value();
}

std::optional<MedicalInformation> medicalInfoKindOf(const std::string& requestName) {
    if (requestName.starts_with(kDrugInfoRequestPrefix)) return MedicalInformation::Medication;
    if (requestName.starts_with(kCheckupRequestPrefix)) return MedicalInformation::Checkups;
    return std::nullopt;
}

}  // namespace

TerminalSimulator::TerminalSimulator(FolderLayout layout, DemoDataset dataset, CodeTables codes, const Clock& clock,
                                     TerminalHabits habits)
    : layout_(std::move(layout)), dataset_(std::move(dataset)), codes_(std::move(codes)), clock_(clock),
      habits_(std::move(habits)) {
    for (const auto& folder : {layout_.req(), layout_.res(), layout_.face()}) std::filesystem::create_directories(folder);
}

const DemoPerson* TerminalSimulator::personAsked(const Outcome<QueryRequest>& query) const {
    if (!query || query.value().people.empty()) return nullptr;
    const SearchInfo& asked = query.value().people.front();
    return dataset_.byNumbers(asked.insurerNumber, asked.insuredCardSymbol, asked.insuredIdentificationNumber,
                              asked.insuredBranchNumber, asked.birthdate);
}

void TerminalSimulator::moveFacesToTrash() {
    if (habits_.faceTrash.empty()) return;
    auto now = std::chrono::steady_clock::now();
    std::error_code error;
    std::filesystem::create_directories(habits_.faceTrash, error);
    std::erase_if(droppedFaces_, [&](const auto& dropped) {
        if (now - dropped.second < habits_.faceTrashAfter) return false;
        std::filesystem::rename(layout_.face() / dropped.first, habits_.faceTrash / dropped.first, error);
        return true;
    });
}

int TerminalSimulator::serveOnce() {
    moveFacesToTrash();
    auto now = std::chrono::steady_clock::now();
    int served = 0;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(layout_.req(), error)) {
        std::string name = entry.path().filename().string();
        bool known = name.starts_with("OQSsiquc01req_") || name.starts_with("OQSmuquc01req_") ||
                     name.starts_with("OQSmuquc02req_") || medicalInfoKindOf(name).has_value();
        if (!known || !name.ends_with(".xml") || answered_.count(name)) continue;
        if (std::filesystem::exists(layout_.res() / answerNameFor(name)) ||
            std::filesystem::exists(layout_.res() / std::filesystem::path(answerNameFor(name)).replace_extension(".zip")) ||
            std::filesystem::exists(layout_.res() / std::filesystem::path(answerNameFor(name)).replace_extension(".pdf"))) {
            // answered before a restart
            answered_.insert(name);
            continue;
        }
        if (!due_.count(name)) {
            const DemoPerson* person = medicalInfoKindOf(name) ? nullptr : personAsked(parseQueryRequest(readWhole(entry.path())));
            int latency = merged(faultFor(person, dataset_), dataset_.globalFault()).latencyMs;
            due_[name] = now + std::chrono::milliseconds(latency);
        }
        if (now < due_[name]) continue;
        answer(name);
        answered_.insert(name);
        ++served;
    }
    return served;
}

void TerminalSimulator::answer(const std::string& requestName) {
    if (requestName.starts_with("OQSmuquc01req_")) return acceptBulkJob(requestName);
    if (requestName.starts_with("OQSmuquc02req_")) return answerBulkDownload(requestName);
    if (auto kind = medicalInfoKindOf(requestName)) return answerMedicalInfo(requestName, *kind);
    std::string executionTime = clock_.now().compact();
    auto query = parseQueryRequest(readWhole(layout_.req() / requestName));
    const DemoPerson* person = personAsked(query);
    SimulatedFault fault = merged(faultFor(person, dataset_), dataset_.globalFault());
    if (fault.noAnswer) return;
    if (!fault.reject.empty()) {
        reject(requestName, fault.reject);
        return;
    }
    EligibilityResult result = person ? answerFor(*person, executionTime, false)
                                      : noMatchAnswer(executionTime, dataset_.medicalInstitutionCode(), codes_);
    if (query) result.arbitraryFileIdentifier = query.value().arbitraryFileIdentifier;
    writeAnswer(answerNameFor(requestName), inTerminalEncoding(resultXml(result)), fault);
}

EligibilityResult TerminalSimulator::answerTo(const SearchInfo& asked, const std::string& executionTime) const {
    const DemoPerson* person = dataset_.byNumbers(asked.insurerNumber, asked.insuredCardSymbol,
                                                  asked.insuredIdentificationNumber, asked.insuredBranchNumber, asked.birthdate);
    EligibilityResult result = person ? answerFor(*person, executionTime, false)
                                      : noMatchAnswer(executionTime, dataset_.medicalInstitutionCode(), codes_);
    for (auto& record : result.results) record.arbitraryIdentifier = asked.arbitraryIdentifier;
    return result;
}

// An upload: the job is kept under a new ReceptionNumber, which the 01res gives.
void TerminalSimulator::acceptBulkJob(const std::string& requestName) {
    auto request = parseQueryRequest(readWhole(layout_.req() / requestName));
    const SimulatedFault& fault = dataset_.globalFault();
    if (!fault.reject.empty() || !request) return reject(requestName, request ? fault.reject : request.problem().message);
    BulkUploadResult accepted;
    accepted.status.processExecutionTime = clock_.now().compact();
    accepted.status.medicalInstitutionCode = request.value().medicalInstitutionCode;
    accepted.status.arbitraryFileIdentifier = request.value().arbitraryFileIdentifier;
    accepted.status.segmentOfResult.raw = "1";
    accepted.status.processingResultStatus.raw = "1";
    accepted.status.characterCodeIdentifier = habits_.answerEncoding == PrologEncoding::ShiftJis ? "1" : "0";
    accepted.receptionNumber = "9" + clock_.now().compact().substr(2) + std::to_string(bulkJobs_.size() + 1);
    accepted.receptionDateTime = clock_.now().compact();
    bulkJobs_[accepted.receptionNumber] = BulkJob{std::move(request).value(), 0};
    writeFileAtomically(layout_.res() / answerNameFor(requestName), inTerminalEncoding(bulkUploadResultXml(accepted)));
}

// A download: "still processing" for the first asks the habits name, then every person's answer.
void TerminalSimulator::answerBulkDownload(const std::string& requestName) {
    auto request = parseBulkDownloadRequest(readWhole(layout_.req() / requestName));
    if (!request) return reject(requestName, request.problem().message);
    std::string executionTime = clock_.now().compact();
    BulkResult bulk;
    bulk.header.processExecutionTime = executionTime;
    bulk.header.medicalInstitutionCode = request.value().medicalInstitutionCode;
    bulk.header.characterCodeIdentifier = habits_.answerEncoding == PrologEncoding::ShiftJis ? "1" : "0";
    bulk.receptionNumber = request.value().receptionNumber;
    auto job = bulkJobs_.find(request.value().receptionNumber);
    if (job == bulkJobs_.end()) {
        bulk.header.segmentOfResult.raw = "9";
        bulk.header.errorCode = "EM0001";
        bulk.header.errorMessage = "受付番号が見つかりません";
    } else if (job->second.asks++ < habits_.bulkStillProcessingAsks) {
        bulk.header.segmentOfResult.raw = "2";
    } else {
        const QueryRequest& asked = job->second.request;
        bulk.header.segmentOfResult.raw = "1";
        bulk.header.qualificationConfirmationDate = asked.qualificationConfirmationDate;
        bulk.header.arbitraryFileIdentifier = asked.arbitraryFileIdentifier;
        for (const auto& person : asked.people) {
            BulkResultUnit unit{person, answerTo(person, executionTime), {}};
            bulk.units.push_back(std::move(unit));
        }
        bulk.numberOfProcessingResult = std::to_string(bulk.units.size());
        bulk.numberOfNormalProcessing = bulk.numberOfProcessingResult;
        bulk.numberOfError = "0";
    }
    std::string answerName = answerNameFor(requestName);
    std::string xml = inTerminalEncoding(bulkResultXml(bulk));
    if (!habits_.bulkAnswerAsZip || bulk.header.segmentOfResult.raw != "1")
        return (void)writeFileAtomically(layout_.res() / answerName, xml);
    writeFileAtomically(layout_.res() / std::filesystem::path(answerName).replace_extension(".zip"),
                        zipOf({{answerName, xml}}));
}

// 薬剤情報 / 特定健診: XML or PDF as FileCategory asks; the dataset-wide faults apply (reject, garbage…).
void TerminalSimulator::answerMedicalInfo(const std::string& requestName, MedicalInformation kind) {
    const SimulatedFault& fault = dataset_.globalFault();
    if (fault.noAnswer) return;
    if (!fault.reject.empty()) return reject(requestName, fault.reject);
    auto request = parseMedicalInfoRequest(readWhole(layout_.req() / requestName));
    if (!request) return reject(requestName, "要求ファイルの形式に誤りがあります（シミュレーション）");
    const DemoPerson* person = personOfMedicalInfoRequest(dataset_, request.value());
    bool pdf = answerFormatOf(request.value().fileCategory) == AnswerFormat::Pdf;
    if (pdf && person && consentFor(person->record(), kind).flag.raw == "1")
        return (void)writeFileAtomically(layout_.res() / std::filesystem::path(answerNameFor(requestName)).replace_extension(".pdf"),
                                         simulatedMedicalInfoPdf(*person, kind));
    writeAnswer(answerNameFor(requestName), inTerminalEncoding(simulatedMedicalInfoXml(person, request.value(), kind)),
                fault);
}

// As the real 連携アプリ: the request itself moves to res/, beside a .err with the reason (CP932).
void TerminalSimulator::reject(const std::string& requestName, const std::string& reason) {
    auto encoded = toShiftJis(reason + "\r\n");
    writeFileAtomically(rejectionFileFor(layout_, requestName), encoded ? encoded.value() : reason);
    std::error_code error;
    std::filesystem::rename(layout_.req() / requestName, layout_.res() / requestName, error);
}

std::string TerminalSimulator::inTerminalEncoding(const std::string& xml) const {
    auto encoded = encodeMessage(xml, habits_.answerEncoding);
    return encoded ? encoded.value() : xml;
}

void TerminalSimulator::writeAnswer(const std::string& answerName, const std::string& xml, const SimulatedFault& fault) {
    std::filesystem::path target = layout_.res() / answerName;
    if (fault.garbage) {
        writeFileAtomically(target, std::string("\x00\xff\xfe garbage \x01\x02", 16) + xml.substr(0, 10));
    } else if (fault.truncated) {
        writeFileAtomically(target, xml.substr(0, xml.size() / 2));
    } else if (fault.slowWriteMs > 0) {  // a non-atomic writer: the reader sees a growing file
        std::ofstream out(target, std::ios::binary);
        std::size_t piece = xml.size() / 4 + 1;
        for (std::size_t at = 0; at < xml.size(); at += piece) {
            out << xml.substr(at, piece);
            out.flush();
            std::this_thread::sleep_for(std::chrono::milliseconds(fault.slowWriteMs / 4));
        }
    } else {
        writeFileAtomically(target, xml);
    }
}

Outcome<std::string> TerminalSimulator::dropFaceResult(const std::string& personId, IdentityMethod method) {
    const DemoPerson* person = dataset_.byId(personId);
    if (!person) return Problem{"simulator.unknown_person", "no person '" + personId + "' in the dataset"};
    std::string executionTime = clock_.now().compact();
    EligibilityResult result = answerFor(*person, executionTime, true);
    std::string name = "OQSsiquc01res_face_" + std::string(identityMethodName(method)) + "_" + person->id + "_" +
                       executionTime + ".xml";
    auto written = writeFileAtomically(layout_.face() / name, inTerminalEncoding(resultXml(result)));
    if (!written) return written.problem();
    droppedFaces_[name] = std::chrono::steady_clock::now();
    return name;
}

}  // namespace madoguchi::gateway
