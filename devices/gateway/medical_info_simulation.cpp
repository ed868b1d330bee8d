#include "devices/gateway/medical_info_simulation.h"

#include <sstream>

#include "devices/gateway/medical_info_xml.h"
#include "domain/card_numbers.h"

namespace madoguchi::gateway {
namespace {

MedicalInfoStatus refused(const std::string& text) { return {"2", text}; }

const MedicalInfoStatus* refusalFor(const DemoPerson* person, MedicalInformation kind) {
    static const MedicalInfoStatus unknown = refused("該当する資格情報が存在しません（シミュレーション）");
    static const MedicalInfoStatus noConsent = refused("閲覧同意が得られていません（シミュレーション）");
    if (!person) return &unknown;
    if (consentFor(person->record(), kind).flag.raw != "1") return &noConsent;
    return nullptr;
}

}  // namespace

const DemoPerson* personOfMedicalInfoRequest(const DemoDataset& dataset, const MedicalInfoRequest& request) {
    for (const auto& person : dataset.people()) {
        const auto& q = person.record();
        if (normalizeCardText(q.insurerNumber) == normalizeCardText(request.insurerNumber) &&
            normalizeCardText(q.insuredIdentificationNumber) == normalizeCardText(request.insuredPersonIdentificationNumber) &&
            (request.insuranceCardSymbol.empty() ||
             normalizeCardText(q.insuredCardSymbol) == normalizeCardText(request.insuranceCardSymbol)) &&
            (request.branchNumber.empty() || q.insuredBranchNumber == request.branchNumber))
            return &person;
    }
    return nullptr;
}

std::string simulatedMedicalInfoXml(const DemoPerson* person, const MedicalInfoRequest& request, MedicalInformation kind) {
    const MedicalInfoStatus* refusal = refusalFor(person, kind);
    if (kind == MedicalInformation::Checkups) {
        CheckupAnswer answer;
        answer.status = refusal ? *refusal : MedicalInfoStatus{"1", ""};
        if (!refusal) answer.history = person->checkups;
        return checkupAnswerXml(answer);
    }
    DrugInfoAnswer answer;
    answer.status = refusal ? *refusal : MedicalInfoStatus{"1", ""};
    if (!refusal) {
        answer.history.patient = person->medication.patient;
        for (auto day : person->medication.days) {
            if (day.month < request.startDate || day.month > request.endDate) continue;
            if (request.fileCategory != "4") day.treatments.clear();
            answer.history.days.push_back(std::move(day));
        }
    }
    return drugInfoAnswerXml(answer);
}

std::string simulatedMedicalInfoPdf(const DemoPerson& person, MedicalInformation kind) {
    std::string text = std::string("Madoguchi simulator: ") + medicalInformationName(kind) + " of " + person.id;
    std::string stream = "BT /F1 12 Tf 72 760 Td (" + text + ") Tj ET";
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + std::to_string(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::ostringstream pdf;
    pdf << "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(static_cast<std::size_t>(pdf.tellp()));
        pdf << i + 1 << " 0 obj\n" << objects[i] << "\nendobj\n";
    }
    auto xref = pdf.tellp();
    pdf << "xref\n0 " << objects.size() + 1 << "\n0000000000 65535 f \n";
    for (auto offset : offsets) {
        std::string number = std::to_string(offset);
        pdf << std::string(10 - number.size(), '0') << number << " 00000 n \n";
    }
    pdf << "trailer\n<< /Size " << objects.size() + 1 << " /Root 1 0 R >>\nstartxref\n" << xref << "\n%%EOF\n";
    return pdf.str();
}

}  // namespace madoguchi::gateway
