#include "devices/gateway/result_xml.h"

#include <Poco/SAX/SAXException.h>

#include "devices/gateway/result_fields.h"

namespace madoguchi::gateway {
namespace {

using namespace fields;
using namespace std::string_view_literals;  // a name compared with "…"sv: its length first, no strlen

bool assignConsent(Q& record, const std::string& name, const std::string& value, const CodeTables& codes) {
    for (const auto& [prefix, member] : kConsents) {
        if (!name.starts_with(prefix)) continue;
        std::string_view part = std::string_view(name).substr(prefix.size());
        ConsentState& consent = record.*member;
        if (part == "ConsFlg") {
            consent.flag = codedValue(value, codes.label("OQSCD016", value));
        } else if (part == "ConsTime") {
            consent.consentTime = value;
        } else if (part == "AvailableTime" || part == "AcquisitionTime") {  // the latter as some chart software writes it
            consent.availableTime = value;
        } else {
            continue;
        }
        return true;
    }
    return false;
}

bool containsUnrepresentable(const Q& q) {
    static const std::string blackCircle = "\u25CF";
    for (const std::string* name : {&q.name, &q.nameOfOther, &q.insuredName, &q.nameKana, &q.nameOfOtherKana})
        if (name->find(blackCircle) != std::string::npos) return true;
    return false;
}

bool isResultContainer(const std::string& name) {
    return name == "MessageHeader"sv || name == "MessageBody"sv || name == "ResultList"sv ||
           name == "ResultOfQualificationConfirmation"sv || name == "ElderlyRecipientCertificateInfo"sv ||
           name == "LimitApplicationCertificateRelatedInfo"sv || name == "SpecificDiseasesCertificateList"sv ||
           name == "SpecificDiseasesCertificateInfo"sv || name == "PublicExpenseResultList"sv || name == "MedicalTicketInfo"sv;
}

// Fills an EligibilityResult from the header, the processing result and the records. The result
// being filled can change (a bulk result fills one per BulkConfirmUnit); the messages built on
// the result read their own elements first (openMore / leafMore).
class ResultReader : public MessageVisitor {
public:
    ResultReader(const CodeTables& codes, EligibilityResult& target) : codes_(codes), current_(&target) {}

    bool sawHeader = false, sawBody = false;

    void open(const std::string& parent, const std::string& name) override {
        if (name == "MessageHeader"sv) sawHeader = true;
        if (name == "MessageBody"sv) sawBody = true;
        if (openMore(parent, name)) return;
        if (name == "ResultOfQualificationConfirmation"sv) {
            current_->results.emplace_back();
            inRecord_ = true;
        }
        if (!inRecord_) return;
        if (name == "ElderlyRecipientCertificateInfo"sv) record().elderlyRecipient.emplace();
        if (name == "LimitApplicationCertificateRelatedInfo"sv) record().limitApplication.emplace();
        if (name == "SpecificDiseasesCertificateInfo"sv) record().specificDiseases.emplace_back();
        if (name == "MedicalTicketInfo"sv) record().medicalTickets.emplace_back();
    }

    void leaf(const std::string& parent, const std::string& name, const std::string& value) override {
        if (leafMore(parent, name, value) || isResultContainer(name)) return;
        if (assignKnown(parent, name, value)) return;
        std::string where = parent + "/" + name;
        if (inRecord_)
            record().otherElements.emplace_back(where, value);
        else
            current_->otherElements.emplace_back(where, value);
    }

    void close(const std::string& name) override {
        if (name != "ResultOfQualificationConfirmation"sv || !inRecord_) return;
        record().nameHasUnrepresentableCharacters = containsUnrepresentable(record());
        inRecord_ = false;
    }

protected:
    virtual bool openMore(const std::string&, const std::string&) { return false; }
    virtual bool leafMore(const std::string&, const std::string&, const std::string&) { return false; }

    // A new target starts outside any record (a unit nested in a record must not reach the old one).
    void fill(EligibilityResult& target) {
        current_ = &target;
        inRecord_ = false;
    }
    // ProcessingResult…, QualificationValidity, PrescriptionIssueSelect wherever they stand.
    bool assignStatus(const std::string& name, const std::string& value) {
        return assignText(kBodyText, *current_, name, value) || assignCoded(kBodyCoded, *current_, name, value, codes_);
    }

    const CodeTables& codes_;

private:
    Q& record() { return current_->results.back(); }

    bool assignKnown(const std::string& parent, const std::string& name, const std::string& value) {
        if (parent == "MessageHeader"sv || parent == "MessageBody"sv)
            return assignText(kHeaderText, *current_, name, value) ||
                   assignCoded(kHeaderCoded, *current_, name, value, codes_) || assignStatus(name, value);
        if (!inRecord_) return false;
        if (parent == "ResultOfQualificationConfirmation"sv)
            return assignText(kRecordText, record(), name, value) ||
                   (name == "PrescriptionIssueSelect"sv && assignStatus(name, value)) ||  // also seen inside the record
                   assignCoded(kRecordCoded, record(), name, value, codes_) || assignConsent(record(), name, value, codes_);
        if (parent == "ElderlyRecipientCertificateInfo"sv && record().elderlyRecipient)
            return assignText(kElderlyText, *record().elderlyRecipient, name, value);
        if (parent == "LimitApplicationCertificateRelatedInfo"sv && record().limitApplication)
            return assignText(kLimitText, *record().limitApplication, name, value) ||
                   assignCoded(kLimitCoded, *record().limitApplication, name, value, codes_);
        if (parent == "SpecificDiseasesCertificateInfo"sv && !record().specificDiseases.empty())
            return assignText(kDiseaseText, record().specificDiseases.back(), name, value);
        if (parent == "MedicalTicketInfo"sv && !record().medicalTickets.empty())
            return assignText(kMedicalTicketText, record().medicalTickets.back(), name, value);
        return false;
    }

    EligibilityResult* current_;
    bool inRecord_ = false;
};

// OQSmuquc02res: the header, then one BulkConfirmUnit per person.
class BulkResultReader : public ResultReader {
public:
    BulkResultReader(const CodeTables& codes, BulkResult& bulk) : ResultReader(codes, bulk.header), bulk_(bulk) {}

protected:
    bool openMore(const std::string& parent, const std::string& name) override {
        if (name != "BulkConfirmUnit"sv || parent != "MessageBody"sv) return false;
        fill(bulk_.units.emplace_back().result);
        return true;
    }

    bool leafMore(const std::string& parent, const std::string& name, const std::string& value) override {
        if (parent == "MessageHeader"sv) return assignText(kBulkResultHeader, bulk_, name, value);
        if (name == "BulkConfirmUnit"sv || name == "QualificationConfirmSearchInfo"sv) return true;
        if (bulk_.units.empty()) return false;
        BulkResultUnit& unit = bulk_.units.back();
        if (parent == "QualificationConfirmSearchInfo"sv) return assignText(kSearchInfoText, unit.searched, name, value);
        if (parent != "BulkConfirmUnit"sv) return false;
        if (name == "ReferenceNumber"sv) {
            unit.referenceNumber = value;
            return true;
        }
        return assignStatus(name, value);
    }

private:
    BulkResult& bulk_;
};

// OQSmuquc01res: the status, ReceptionNumber and ReceptionDateTime.
class UploadResultReader : public ResultReader {
public:
    UploadResultReader(const CodeTables& codes, BulkUploadResult& upload)
        : ResultReader(codes, upload.status), upload_(upload) {}

protected:
    bool leafMore(const std::string& parent, const std::string& name, const std::string& value) override {
        return parent == "MessageBody"sv && assignText(kUploadResultBody, upload_, name, value);
    }

private:
    BulkUploadResult& upload_;
};

// OQSsiimm01res: the status and the registered ReferenceNumberRegistrationInfo.
class RegistrationResultReader : public ResultReader {
public:
    RegistrationResultReader(const CodeTables& codes, RegistrationResult& registration)
        : ResultReader(codes, registration.status), registration_(registration) {}

protected:
    bool openMore(const std::string&, const std::string& name) override {
        if (name != "ReferenceNumberRegistrationInfo"sv) return false;
        registration_.entries.emplace_back();
        return true;
    }
    bool leafMore(const std::string& parent, const std::string& name, const std::string& value) override {
        if (name == "ReferenceNumberRegistrationInfo"sv) return true;
        return parent == "ReferenceNumberRegistrationInfo"sv && !registration_.entries.empty() &&
               assignText(kRegistrationText, registration_.entries.back(), name, value);
    }

private:
    RegistrationResult& registration_;
};

// Reads with a reader built on `target`; a message without header or body is malformed.
template <class Message, class Reader>
Outcome<Message> readResultShaped(std::string_view bytes, const CodeTables& codes, const MessageLimits& limits = {}) {
    Message message;
    Reader reader(codes, message);
    auto read = readXmlMessage(bytes, reader, limits);
    if (!read) return read.problem();
    if (!reader.sawHeader || !reader.sawBody) return malformedMessage("MessageHeader or MessageBody is missing");
    return message;
}

template <class Owner>
void copyFields(const Owner& from, Owner& to, const TextFields<Owner>& text, const CodedFields<Owner>& coded) {
    for (const auto& [name, member] : text) to.*member = from.*member;
    for (const auto& [name, field] : coded) to.*(field.first) = from.*(field.first);
}

}  // namespace

Outcome<EligibilityResult> parseResultXml(std::string_view bytes, const CodeTables& codes) {
    return readResultShaped<EligibilityResult, ResultReader>(bytes, codes);
}

Outcome<BulkResult> parseBulkResult(std::string_view bytes, const CodeTables& codes) {
    auto bulk = readResultShaped<BulkResult, BulkResultReader>(bytes, codes, kBulkMessageLimits);
    if (!bulk) return bulk;
    BulkResult result = std::move(bulk).value();
    for (auto& unit : result.units) copyFields(result.header, unit.result, kHeaderText, kHeaderCoded);
    return result;
}

Outcome<BulkUploadResult> parseBulkUploadResult(std::string_view bytes, const CodeTables& codes) {
    return readResultShaped<BulkUploadResult, UploadResultReader>(bytes, codes);
}

Outcome<RegistrationResult> parseRegistrationResult(std::string_view bytes, const CodeTables& codes) {
    return readResultShaped<RegistrationResult, RegistrationResultReader>(bytes, codes);
}

}  // namespace madoguchi::gateway
