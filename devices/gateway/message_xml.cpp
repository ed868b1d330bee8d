#include "devices/gateway/message_xml.h"

#include "devices/gateway/result_fields.h"
#include "devices/gateway/xml_writer.h"
#include "domain/insurer_number.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;

using Writer = XmlWriter;

template <class Owner>
void writeText(Writer& w, const TextFields<Owner>& fields, const Owner& owner) {
    w.fields(fields, owner);
}

template <class Owner>
void writeCoded(Writer& w, const CodedFields<Owner>& fields, const Owner& owner) {
    for (const auto& [name, field] : fields) w.leaf(name, (owner.*(field.first)).raw);
}

// A repeated group (特定疾病, 医療券): the list element around one element per item; nothing when empty.
template <class Item>
void writeList(Writer& w, const std::string& list, const std::string& element, const std::vector<Item>& items,
               const TextFields<Item>& fields) {
    if (items.empty()) return;
    w.open(list);
    for (const auto& item : items) {
        w.open(element);
        writeText(w, fields, item);
        w.close(element);
    }
    w.close(list);
}

void writeRecord(Writer& w, const QualificationRecord& q) {
    w.open("ResultOfQualificationConfirmation");
    writeText(w, kRecordText, q);
    writeCoded(w, kRecordCoded, q);
    for (const auto& [prefix, member] : kConsents) {
        if (prefix == "PharmaceuticalInfo") continue;
        std::string name(prefix);
        w.leaf(name + "ConsFlg", (q.*member).flag.raw);
        w.leaf(name + "ConsTime", (q.*member).consentTime);
        w.leaf(name + "AvailableTime", (q.*member).availableTime);
    }
    if (q.elderlyRecipient) {
        w.open("ElderlyRecipientCertificateInfo");
        writeText(w, kElderlyText, *q.elderlyRecipient);
        w.close("ElderlyRecipientCertificateInfo");
    }
    if (q.limitApplication) {
        w.open("LimitApplicationCertificateRelatedInfo");
        writeText(w, kLimitText, *q.limitApplication);
        writeCoded(w, kLimitCoded, *q.limitApplication);
        w.close("LimitApplicationCertificateRelatedInfo");
    }
    writeList(w, "SpecificDiseasesCertificateList", "SpecificDiseasesCertificateInfo", q.specificDiseases, kDiseaseText);
    writeList(w, "PublicExpenseResultList", "MedicalTicketInfo", q.medicalTickets, kMedicalTicketText);
    w.close("ResultOfQualificationConfirmation");
}

// Request elements in the interface's order (the tables are sorted by name).
template <class Owner>
void writeOrdered(Writer& w, const TextFields<Owner>& fields, const Owner& owner, std::initializer_list<std::string_view> order) {
    for (std::string_view name : order) w.leaf(name, owner.*(fields.at(name)));
}

void writeSearchInfo(Writer& w, SearchInfo person) {
    person.insurerNumber = gatewayInsurer(person.insurerNumber);
    w.open("QualificationConfirmSearchInfo");
    writeOrdered(w, kSearchInfoText, person,
                 {"InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber", "InsuredBranchNumber", "Birthdate",
                  "LimitApplicationCertificateRelatedConsFlg", "ArbitraryIdentifier"});
    w.close("QualificationConfirmSearchInfo");
}

void writeRegistration(Writer& w, ReferenceRegistration entry) {
    entry.insurerNumber = gatewayInsurer(entry.insurerNumber);
    w.open("ReferenceNumberRegistrationInfo");
    writeOrdered(w, kRegistrationText, entry,
                 {"ReferenceNumber", "InsurerNumber", "InsuredCardSymbol", "InsuredIdentificationNumber",
                  "InsuredBranchNumber"});
    w.close("ReferenceNumberRegistrationInfo");
}

void writeHeader(Writer& w, const EligibilityResult& result) {
    writeText(w, kHeaderText, result);
    writeCoded(w, kHeaderCoded, result);
}

void writeStatus(Writer& w, const EligibilityResult& result) {
    writeText(w, kBodyText, result);
    writeCoded(w, kBodyCoded, result);
}

}  // namespace

std::string gatewayInsurer(const std::string& insurerNumber) {
    auto insurer = InsurerNumber::parse(insurerNumber);
    return insurer ? insurer.value().gatewayForm() : insurerNumber;
}

SearchInfo searchInfoOf(const NumberQuery& query) {
    return SearchInfo{query.insurance.insurerNumber, query.insurance.card.symbol, query.insurance.card.number,
                      query.insurance.card.branch, query.birthDate.compact(), query.limitApplicationConsent ? "1" : "0",
                      query.arbitraryIdentifier};
}

std::string singleQueryRequestXml(const NumberQuery& query, const std::string& medicalInstitutionCode,
                                  const std::string& fileIdentifier) {
    return queryRequestXml({query.confirmationDate.compact(), medicalInstitutionCode, fileIdentifier, {searchInfoOf(query)}, {}});
}

std::string queryRequestXml(const QueryRequest& request) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeOrdered(w, kQueryRequestHeader, request,
                 {"QualificationConfirmationDate", "MedicalInstitutionCode", "ArbitraryFileIdentifier"});
    w.close("MessageHeader");
    w.open("MessageBody");
    for (const SearchInfo& person : request.people) writeSearchInfo(w, person);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string bulkDownloadRequestXml(const BulkDownloadRequest& request) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    w.leaf("MedicalInstitutionCode", request.medicalInstitutionCode);
    w.close("MessageHeader");
    w.open("MessageBody");
    w.leaf("ReceptionNumber", request.receptionNumber);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string registrationRequestXml(const RegistrationRequest& request) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeOrdered(w, kRegistrationRequestHeader, request, {"MedicalInstitutionCode", "ArbitraryFileIdentifier"});
    w.close("MessageHeader");
    w.open("MessageBody");
    for (const ReferenceRegistration& entry : request.entries) writeRegistration(w, entry);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string resultXml(const EligibilityResult& result) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeHeader(w, result);
    w.close("MessageHeader");
    w.open("MessageBody");
    writeStatus(w, result);
    w.open("ResultList");
    for (const auto& record : result.results) writeRecord(w, record);
    w.close("ResultList");
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string bulkResultXml(const BulkResult& result) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeHeader(w, result.header);
    writeText(w, kBulkResultHeader, result);
    w.close("MessageHeader");
    w.open("MessageBody");
    for (const BulkResultUnit& unit : result.units) {
        w.open("BulkConfirmUnit");
        writeSearchInfo(w, unit.searched);
        writeStatus(w, unit.result);
        for (const auto& record : unit.result.results) writeRecord(w, record);
        w.leaf("ReferenceNumber", unit.referenceNumber);
        w.close("BulkConfirmUnit");
    }
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string bulkUploadResultXml(const BulkUploadResult& result) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeHeader(w, result.status);
    w.close("MessageHeader");
    w.open("MessageBody");
    writeStatus(w, result.status);
    writeText(w, kUploadResultBody, result);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

std::string registrationResultXml(const RegistrationResult& result) {
    Writer w;
    w.open("XmlMsg");
    w.open("MessageHeader");
    writeHeader(w, result.status);
    w.close("MessageHeader");
    w.open("MessageBody");
    for (const ReferenceRegistration& entry : result.entries) writeRegistration(w, entry);
    writeStatus(w, result.status);
    w.close("MessageBody");
    w.close("XmlMsg");
    return w.finish();
}

}  // namespace madoguchi::gateway
