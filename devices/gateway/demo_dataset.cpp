#include "devices/gateway/demo_dataset.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <fstream>
#include <sstream>

#include "devices/gateway/medical_info_fields.h"
#include "domain/card_numbers.h"

namespace madoguchi::gateway {
namespace {

using Poco::JSON::Object;

std::string text(const Object::Ptr& json, const std::string& key, const std::string& fallback = "") {
    if (!json || !json->has(key) || json->isNull(key)) return fallback;
    return json->getValue<std::string>(key);
}

std::string compactDate(const Object::Ptr& json, const std::string& key) {
    std::string value = text(json, key);
    if (auto date = Date::parseIso(value)) return date->compact();
    return value;
}

CodedValue coded(const CodeTables& codes, const char* table, const std::string& raw) {
    return fields::codedValue(raw, codes.label(table, raw));
}

// An object's text members named as a field table names its elements (the answer's element names).
template <class Owner>
Owner fromElements(const Object::Ptr& json, const fields::TextFields<Owner>& table, Owner owner = {}) {
    for (const auto& [name, member] : table) owner.*member = text(json, std::string(name), owner.*member);
    return owner;
}

template <class Item>
std::vector<Item> listOf(const Object::Ptr& json, const std::string& key, const fields::TextFields<Item>& table) {
    std::vector<Item> items;
    if (auto array = json ? json->getArray(key) : nullptr)
        for (std::size_t i = 0; i < array->size(); ++i) items.push_back(fromElements(array->getObject(i), table));
    return items;
}

const fields::DrugSourceNames& sourceNamed(const std::string& name) {
    for (const auto& names : fields::kDrugSources)
        if (name == drugSourceName(names.source)) return names;
    throw Poco::DataFormatException("unknown \"source\": " + name);
}

// "medication": days as the claims source names its elements (MeTrDiHCd, DiDate, …) plus "source",
// "drugs" and "treatments"; "checkups": {"EffectiveTime", "items": [{ItemCode, …}]}.
MedicationHistory demoMedication(const Object::Ptr& p) {
    MedicationHistory history;
    const auto& claims = fields::kDrugSources.front();
    if (auto days = p->getArray("medication"))
        for (std::size_t i = 0; i < days->size(); ++i) {
            auto json = days->getObject(i);
            if (!json) throw Poco::DataFormatException("each of \"medication\" must be an object");
            MedicationDay day = fromElements(json, *claims.dateFields, fromElements(json, *claims.monthFields));
            day.source = sourceNamed(text(json, "source", "claims")).source;
            day.drugs = listOf(json, "drugs", *claims.drugFields);
            day.treatments = listOf(json, "treatments", fields::kTreatmentFields);
            history.days.push_back(std::move(day));
        }
    return history;
}

CheckupHistory demoCheckups(const Object::Ptr& p) {
    CheckupHistory history;
    if (auto checkups = p->getArray("checkups"))
        for (std::size_t i = 0; i < checkups->size(); ++i) {
            auto json = checkups->getObject(i);
            if (!json) throw Poco::DataFormatException("each of \"checkups\" must be an object");
            history.checkups.push_back({text(json, "EffectiveTime"), listOf(json, "items", fields::kCheckupItemFields)});
        }
    return history;
}

SimulatedFault fault(const Object::Ptr& json) {
    SimulatedFault f;
    if (!json) return f;
    f.latencyMs = json->optValue<int>("latency_ms", 0);
    f.noAnswer = json->optValue<bool>("no_answer", false);
    f.errorCode = text(json, "error_code");
    f.statusError = json->optValue<bool>("status_error", false);
    f.truncated = json->optValue<bool>("truncated", false);
    f.garbage = json->optValue<bool>("garbage", false);
    f.slowWriteMs = json->optValue<int>("slow_write_ms", 0);
    f.reject = text(json, "reject");
    return f;
}

void addBlocks(QualificationRecord& q, const Object::Ptr& p, const CodeTables& codes) {
    if (p->has("elderly_ratio"))
        q.elderlyRecipient = ElderlyRecipientInfo{"20240801", "20240801", "20270731", text(p, "elderly_ratio")};
    if (auto limit = p->getObject("limit")) {
        q.limitApplicationConsent = coded(codes, "OQSCD001", text(limit, "consent", "1"));
        if (q.limitApplicationConsent.raw == "1")
            q.limitApplication = LimitApplicationInfo{coded(codes, "OQSCD011", text(limit, "classification", "01")),
                                                      coded(codes, "OQSCD012", text(limit, "flag")),
                                                      "20260801", "20260801", "20270731", ""};
    }
    if (auto disease = p->getObject("specific_disease")) {
        q.specificDiseasesConsent = coded(codes, "OQSCD001", text(disease, "consent", "1"));
        if (q.specificDiseasesConsent.raw == "1")
            q.specificDiseases.push_back({text(disease, "category", "02"), "20250401", "20250401", "",
                                          text(disease, "self_pay", "10000")});
    }
}

}  // namespace

QualificationRecord demoQualificationRecord(const Object::Ptr& p, const CodeTables& codes) {
    QualificationRecord q;
    q.insuredCardClassification = coded(codes, "OQSCD010", text(p, "card_classification", "01"));
    q.insurerNumber = text(p, "insurer_number");
    q.insuredCardSymbol = text(p, "symbol");
    q.insuredIdentificationNumber = text(p, "number");
    q.insuredBranchNumber = text(p, "branch");
    q.personalFamilyClassification = coded(codes, "OQSCD009", text(p, "personal_family", "1"));
    q.name = q.insuredName = text(p, "name");
    q.nameKana = text(p, "name_kana");
    q.nameHasUnrepresentableCharacters = q.name.find("\u25CF") != std::string::npos;
    q.sex1 = coded(codes, "OQSCD007", text(p, "sex", "3"));
    q.birthdate = compactDate(p, "birth_date");
    q.address = text(p, "address");
    q.postNumber = text(p, "post_number");
    q.qualificationDate = compactDate(p, "qualification_date");
    q.disqualificationDate = compactDate(p, "disqualification_date");
    q.insuredCardExpirationDate = compactDate(p, "card_expiration_date");
    q.insuredPartialContributionRatio = text(p, "kouki_ratio");
    if (p->optValue<bool>("preschool", false)) q.preschoolClassification = coded(codes, "OQSCD015", "1");
    if (p->has("reason_of_loss")) q.reasonOfLoss = coded(codes, "OQSCD008", text(p, "reason_of_loss"));
    q.insurerName = text(p, "insurer_name");
    q.pharmacistsInfo.flag = coded(codes, "OQSCD016", text(p, "pharmacists_consent", "0"));
    q.diagnosisInfo.flag = coded(codes, "OQSCD016", text(p, "diagnosis_consent", "0"));
    q.specificHealthCheckupsInfo.flag = coded(codes, "OQSCD016", text(p, "checkups_consent", "0"));
    addBlocks(q, p, codes);
    return q;
}

namespace {

DemoPerson person(const Object::Ptr& p, const std::string& institution, const CodeTables& codes) {
    DemoPerson person;
    person.id = text(p, "id");
    person.cardSerial = text(p, "card_serial");
    person.certificateNotAfter = text(p, "certificate_not_after");
    EligibilityResult& a = person.answer;
    a.medicalInstitutionCode = institution;
    a.segmentOfResult = coded(codes, "OQSCD003", "1");
    a.processingResultStatus = coded(codes, "OQSCD004", "1");
    a.qualificationValidity = coded(codes, "OQSCD006", text(p, "validity", "1"));
    a.processingResultMessage = text(p, "processing_message");
    a.prescriptionIssueSelect = coded(codes, "OQSCD017", "1");
    a.results.push_back(demoQualificationRecord(p, codes));
    if (a.qualificationValidity.raw == "5") {  // 複数該当: the same person under a second insurer
        QualificationRecord second = a.results.front();
        second.insurerNumber = text(p, "second_insurer_number", "06130025");
        a.results.push_back(second);
    }
    person.fault = fault(p->getObject("fault"));
    person.medication = demoMedication(p);
    person.medication.patient = {a.results.front().name, a.results.front().nameKana, a.results.front().birthdate,
                                 a.results.front().sex1.raw};
    person.checkups = demoCheckups(p);
    person.checkups.patient = person.medication.patient;
    return person;
}

}  // namespace

void consentGivenAt(QualificationRecord& record, const std::string& executionTime) {
    auto at = LocalDateTime::parseCompact(executionTime);
    if (!at) return;
    LocalDateTime until = *at;
    until.date = until.date.plusDays(1);  // the simulator's choice: a day to use the consent (VERIFY)
    for (ConsentState* consent : {&record.pharmacistsInfo, &record.specificHealthCheckupsInfo, &record.diagnosisInfo})
        if (consent->flag.raw == "1") {
            consent->consentTime = executionTime;
            consent->availableTime = until.compact();
        }
}

Outcome<DemoDataset> DemoDataset::parse(const std::string& json, const CodeTables& codes) {
    try {
        auto root = Poco::JSON::Parser().parse(json).extract<Object::Ptr>();
        DemoDataset dataset;
        dataset.medicalInstitutionCode_ = text(root, "medical_institution_code", "1312345678");
        dataset.globalFault_ = fault(root->getObject("fault"));
        if (root->has("demo_today")) {
            dataset.demoToday_ = Date::parseIso(root->getValue<std::string>("demo_today"));
            if (!dataset.demoToday_) return Problem{"dataset.malformed", "\"demo_today\" is not a date YYYY-MM-DD"};
        }
        auto people = root->getArray("people");
        if (!people) return Problem{"dataset.malformed", "the dataset has no \"people\" list"};
        for (std::size_t i = 0; i < people->size(); ++i)
            dataset.people_.push_back(person(people->getObject(i), dataset.medicalInstitutionCode_, codes));
        if (auto revoked = root->getArray("revoked_certificates"))
            for (std::size_t i = 0; i < revoked->size(); ++i) {
                auto entry = revoked->getObject(static_cast<unsigned>(i));
                if (!entry || text(entry, "issuer", "").empty() || text(entry, "serial", "").empty())
                    return Problem{"dataset.malformed", "each of \"revoked_certificates\" needs an \"issuer\" and a \"serial\""};
                dataset.revoked_.insert({text(entry, "issuer", ""), text(entry, "serial", "")});
            }
        return dataset;
    } catch (const Poco::Exception& error) {
        return Problem{"dataset.malformed", "the dataset is not valid: " + error.displayText()};
    }
}

Outcome<DemoDataset> DemoDataset::load(const std::filesystem::path& path, const CodeTables& codes) {
    std::ifstream in(path);
    if (!in) return Problem{"dataset.unreadable", "cannot read " + path.string()};
    std::ostringstream json;
    json << in.rdbuf();
    return parse(json.str(), codes);
}

const DemoPerson* DemoDataset::byId(const std::string& id) const {
    for (const auto& p : people_)
        if (p.id == id) return &p;
    return nullptr;
}

const DemoPerson* DemoDataset::byCardSerial(const std::string& serial) const {
    for (const auto& p : people_)
        if (!serial.empty() && p.cardSerial == serial) return &p;
    return nullptr;
}

const DemoPerson* DemoDataset::byNumbers(const std::string& insurer, const std::string& symbol,
                                         const std::string& number, const std::string& branch,
                                         const std::string& birthdate) const {
    for (const auto& p : people_) {
        const auto& q = p.record();
        bool same = normalizeCardText(q.insurerNumber) == normalizeCardText(insurer) &&
                    normalizeCardText(q.insuredIdentificationNumber) == normalizeCardText(number) &&
                    q.birthdate == birthdate &&
                    (symbol.empty() || normalizeCardText(q.insuredCardSymbol) == normalizeCardText(symbol)) &&
                    (branch.empty() || q.insuredBranchNumber == branch);
        if (same) return &p;
    }
    return nullptr;
}

EligibilityResult answerFor(const DemoPerson& person, const std::string& executionTime, bool byMyNumberCard) {
    EligibilityResult answer = person.answer;
    answer.processExecutionTime = executionTime;
    answer.qualificationConfirmationDate = executionTime.substr(0, 8);
    answer.referenceClassification = CodedValue{byMyNumberCard ? "1" : "2", byMyNumberCard ? "マイナンバーカード" : "被保険者証情報", true};
    for (auto& record : answer.results) consentGivenAt(record, executionTime);
    if (!person.fault.errorCode.empty()) {
        answer.segmentOfResult = CodedValue{"9", "異常終了", true};
        answer.errorCode = person.fault.errorCode;
        answer.errorMessage = "システムエラーが発生しました（シミュレーション）";
        answer.results.clear();
    } else if (person.fault.statusError) {
        answer.processingResultStatus = CodedValue{"2", "エラー", true};
        answer.processingResultCode = "E0001";
        answer.processingResultMessage = "照会処理でエラーが発生しました（シミュレーション）";
        answer.results.clear();
    }
    return answer;
}

EligibilityResult noMatchAnswer(const std::string& executionTime, const std::string& medicalInstitutionCode,
                                const CodeTables& codes) {
    EligibilityResult answer;
    answer.processExecutionTime = executionTime;
    answer.qualificationConfirmationDate = executionTime.substr(0, 8);
    answer.medicalInstitutionCode = medicalInstitutionCode;
    answer.referenceClassification = coded(codes, "OQSCD002", "2");
    answer.segmentOfResult = coded(codes, "OQSCD003", "1");
    answer.processingResultStatus = coded(codes, "OQSCD004", "1");
    answer.qualificationValidity = coded(codes, "OQSCD006", "4");
    return answer;
}

}  // namespace madoguchi::gateway
