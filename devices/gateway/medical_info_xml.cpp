#include "devices/gateway/medical_info_xml.h"

#include <functional>

#include "devices/gateway/medical_info_fields.h"
#include "devices/gateway/message_xml.h"
#include "devices/gateway/xml_writer.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;

// An answer: the status and (when it succeeded) the patient in the header, the body's content
// only when it succeeded.
std::string answerXml(const MedicalInfoStatus& status, const char* patientElement,
                      const TextFields<PatientHeader>& patientFields, const PatientHeader& patient,
                      const std::function<void(XmlWriter&)>& writeBody) {
    XmlWriter w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    w.fields(kMedicalInfoStatusFields, status);
    if (status.succeeded()) {
        w.open(patientElement);
        w.fields(patientFields, patient);
        w.close(patientElement);
    }
    w.close("MessageHeader");
    w.open("MessageBody");
    if (status.succeeded()) writeBody(w);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

// The days of one source grouped by month, in the order they come.
void writeSource(XmlWriter& w, const DrugSourceNames& names, const std::vector<MedicationDay>& days) {
    std::vector<const MedicationDay*> ofSource;
    for (const auto& day : days)
        if (day.source == names.source) ofSource.push_back(&day);
    if (ofSource.empty()) return;
    if (!names.list.empty()) w.open(std::string(names.list));
    for (std::size_t i = 0; i < ofSource.size();) {
        const MedicationDay& first = *ofSource[i];
        w.open(std::string(names.month));
        w.fields(*names.monthFields, first);
        w.open(std::string(names.dateList));
        for (; i < ofSource.size() && ofSource[i]->month == first.month &&
               ofSource[i]->institutionCode == first.institutionCode && ofSource[i]->prescriberCode == first.prescriberCode;
             ++i) {
            const MedicationDay& day = *ofSource[i];
            w.open(std::string(names.date));
            w.fields(*names.dateFields, day);
            w.open(std::string(names.drugList));
            for (const auto& drug : day.drugs) {
                w.open(std::string(names.drug));
                w.fields(*names.drugFields, drug);
                w.close(std::string(names.drug));
            }
            w.close(std::string(names.drugList));
            if (!day.treatments.empty()) {
                w.open("MeTrInfs");
                for (const auto& item : day.treatments) {
                    w.open("MeTrInf");
                    w.fields(kTreatmentFields, item);
                    w.close("MeTrInf");
                }
                w.close("MeTrInfs");
            }
            w.close(std::string(names.date));
        }
        w.close(std::string(names.dateList));
        w.close(std::string(names.month));
    }
    if (!names.list.empty()) w.close(std::string(names.list));
}

}  // namespace

std::string medicalInfoRequestXml(const MedicalInfoRequest& request, MedicalInformation kind) {
    XmlWriter w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    w.leaf("MedicalInstitutionCode", request.medicalInstitutionCode);
    w.leaf("InsurerNumber", gatewayInsurer(request.insurerNumber));
    w.leaf("InsuranceCardSymbol", request.insuranceCardSymbol);
    w.leaf("InsuredPersonIdentificationNumber", request.insuredPersonIdentificationNumber);
    w.leaf("BranchNumber", request.branchNumber);
    w.leaf("ArbitraryFileIdentifier", request.arbitraryFileIdentifier);
    w.close("MessageHeader");
    w.open("MessageBody");
    if (kind == MedicalInformation::Medication) {
        w.leaf("StartDate", request.startDate);
        w.leaf("EndDate", request.endDate);
    }
    w.leaf("FileCategory", request.fileCategory);
    w.leaf("PrDiInfClassification", request.prDiInfClassification);
    w.leaf("MedicalTreatmentFlag", request.medicalTreatmentFlag);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string drugInfoAnswerXml(const DrugInfoAnswer& answer) {
    return answerXml(answer.status, "QuaInf", kDrugPatientFields, answer.history.patient, [&](XmlWriter& w) {
        for (const auto& names : kDrugSources) writeSource(w, names, answer.history.days);
    });
}

std::string checkupAnswerXml(const CheckupAnswer& answer) {
    return answerXml(answer.status, "QualificationsInfo", kCheckupPatientFields, answer.history.patient,
                     [&](XmlWriter& w) {
                         for (const auto& checkup : answer.history.checkups) {
                             w.open("SpecificHealthCheckupInfo");
                             w.leaf("EffectiveTime", checkup.effectiveTime);
                             w.open("HealthCheckupResultAndQuestionInfos");
                             for (const auto& item : checkup.items) {
                                 w.open("HealthCheckupResultAndQuestionInfo");
                                 w.fields(kCheckupItemFields, item);
                                 w.close("HealthCheckupResultAndQuestionInfo");
                             }
                             w.close("HealthCheckupResultAndQuestionInfos");
                             w.close("SpecificHealthCheckupInfo");
                         }
                     });
}

}  // namespace madoguchi::gateway
