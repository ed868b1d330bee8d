#include "gui/medical/medical_info_fetcher.h"

#include "devices/gateway/checkup_answer.h"
#include "devices/gateway/drug_info_answer.h"
#include "devices/gateway/medical_info_client.h"
#include "devices/gateway/stable_file.h"
#include "domain/medical_information_gate.h"
#include "storage/private_files.h"
#include "storage/self_declaration_archive.h"

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

// The terminal's PDF kept in the forms folder under the 申立書's retention rule.
void keepPdfAnswer(const std::string& bytes, const Date& today, FetchedMedicalInfo& fetched) {
    if (fetched.order.formsFolder.empty()) {
        fetched.problem = N_("The terminal answered with a PDF and there is no forms folder to keep it in.");
        return;
    }
    storage::makePrivateFolder(fetched.order.formsFolder);
    const auto path = fetched.order.formsFolder / answerPdfFileName(fetched.order, today);
    auto written = gateway::writeFileAtomically(path, bytes, gateway::ExistingFile::Replace);
    if (!written) {
        fetched.problem = written.problem().message;
        return;
    }
    fetched.pdf = path;
}

// The 6-hour rule and the consent, with the journal's last fetch of the patient; a refusal audited.
bool passesGate(const MedicalInfoOrder& order, storage::FacilityJournal& journal, const LocalDateTime& now,
                FetchedMedicalInfo& fetched) {
    auto allowed = mayFetch(order.mode, order.record, order.kind, now,
                            journal.lastAudited(medicalInfoAuditAction(order.kind, "fetch"), order.patientId, order.visitId),
                            order.forced);
    if (allowed) return true;
    journal.audit({now.iso(), order.staffId, medicalInfoAuditAction(order.kind, "fetch_refused"), order.patientId,
                   order.visitId, allowed.problem().code, ""});
    fetched.refused = allowed.problem();
    return false;
}

}  // namespace

std::string answerPdfFileName(const MedicalInfoOrder& order, const Date& saved) {
    return storage::patientPdfFileName(order.visitId, std::string(medicalInformationName(order.kind)) + "-answer", saved);
}

FetchedMedicalInfo fetchMedicalInfo(const MedicalInfoFolders& folders, const MedicalInfoOrder& order,
                                    storage::FacilityJournal& journal, const Clock& clock, std::stop_token stop,
                                    std::chrono::milliseconds timeout) {
    FetchedMedicalInfo fetched;
    fetched.order = order;
    if (!passesGate(order, journal, clock.now(), fetched)) return fetched;
    gateway::RequestCounter counter(folders.layout.state());
    auto request = gateway::medicalInfoRequestFor(order.kind, order.record, folders.medicalInstitutionCode, order.months,
                                                  clock.now().date,
                                                  order.asPdf ? gateway::AnswerFormat::Pdf : gateway::AnswerFormat::Xml, false);
    auto name = gateway::placeMedicalInfoRequest(folders.layout, counter, clock, folders.encoding, order.kind, request);
    if (!name) {
        fetched.problem = name.problem().message;
        return fetched;
    }
    fetched.requestName = name.value();
    std::string detail = name.value();
    if (order.kind == MedicalInformation::Medication) detail += ", " + std::to_string(order.months) + " months";
    if (order.asPdf) detail += ", as PDF";
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
        case Kind::Pdf: keepPdfAnswer(file.value().content, clock.now().date, fetched); break;
        case Kind::Xml: readXmlAnswer(file.value().content, fetched); break;
    }
    return fetched;
}

}  // namespace madoguchi::gui
