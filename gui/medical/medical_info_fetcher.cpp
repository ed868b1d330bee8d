#include "gui/medical/medical_info_fetcher.h"

#include "devices/gateway/checkup_answer.h"
#include "devices/gateway/drug_info_answer.h"
#include "devices/gateway/medical_info_client.h"

namespace madoguchi::gui {
namespace {

// A parsed answer: the terminal's refusal with its text, or the answer kept (true).
template <class Answer>
bool keepOrRefuse(const Outcome<Answer>& outcome, FetchedMedicalInfo& fetched) {
    if (!outcome) {
        fetched.problem = outcome.problem().message;
        return false;
    }
    if (!outcome.value().status.succeeded()) {
        fetched.rejected = true;
        fetched.terminalText = outcome.value().status.messageContents;
        return false;
    }
    return true;
}

// The XML answer parsed into `fetched`: the history (merged, or newest first), or the refusal.
void readXmlAnswer(const std::string& bytes, FetchedMedicalInfo& fetched) {
    if (fetched.order.kind == MedicalInformation::Medication) {
        auto answer = gateway::parseDrugInfoAnswer(bytes);
        if (!keepOrRefuse(answer, fetched)) return;
        fetched.medication = answer.value();
        mergeSources(fetched.medication->history);
    } else {
        auto answer = gateway::parseCheckupAnswer(bytes);
        if (!keepOrRefuse(answer, fetched)) return;
        fetched.checkups = answer.value();
        sortNewestFirst(fetched.checkups->history);
    }
}

}  // namespace

FetchedMedicalInfo fetchMedicalInfo(const MedicalInfoFolders& folders, const MedicalInfoOrder& order,
                                    storage::FacilityJournal& journal, const Clock& clock, std::stop_token stop,
                                    std::chrono::milliseconds timeout) {
    FetchedMedicalInfo fetched;
    fetched.order = order;
    gateway::RequestCounter counter(folders.layout.state());
    auto request = gateway::medicalInfoRequestFor(order.kind, order.record, folders.medicalInstitutionCode, order.months,
                                                  clock.now().date, gateway::AnswerFormat::Xml, false);
    auto name = gateway::placeMedicalInfoRequest(folders.layout, counter, clock, folders.encoding, order.kind, request);
    if (!name) {
        fetched.problem = name.problem().message;
        return fetched;
    }
    fetched.requestName = name.value();
    std::string detail = name.value();
    if (order.kind == MedicalInformation::Medication) detail += ", " + std::to_string(order.months) + " months";
    if (order.forced) detail += " (asked again on purpose)";
    journal.audit({clock.now().iso(), order.staffId, medicalInfoAuditAction(order.kind, "fetch"), order.patientId, order.visitId, detail, ""});
    auto file = gateway::waitForMedicalInfoAnswer(folders.layout, name.value(), timeout, stop);
    if (!file) {
        fetched.problem = file.problem().message;
        return fetched;
    }
    using Kind = gateway::MedicalInfoFile::Kind;
    switch (file.value().kind) {
        case Kind::Pending: fetched.pending = true; break;
        case Kind::Rejected:
            fetched.rejected = true;
            fetched.terminalText = file.value().rejection;
            break;
        case Kind::Pdf: fetched.problem = "The terminal answered with a PDF where XML was asked for."; break;
        case Kind::Xml: readXmlAnswer(file.value().content, fetched); break;
    }
    return fetched;
}

}  // namespace madoguchi::gui
