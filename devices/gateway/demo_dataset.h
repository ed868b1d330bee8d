#pragma once
// The gateway simulator's insured people (resources/demo/oqs_dataset.json; format in
// docs/gateway.md), and the answer the terminal would give for each.
#include <Poco/JSON/Object.h>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/checkup_results.h"
#include "domain/eligibility.h"
#include "domain/medication_history.h"
#include "domain/outcome.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct SimulatedFault {
    int latencyMs = 0;        // answer after this delay
    bool noAnswer = false;    // never answer
    std::string errorCode;    // SegmentOfResult 9 with this ErrorCode
    bool statusError = false; // ProcessingResultStatus 2
    bool truncated = false;   // half an answer
    bool garbage = false;     // not XML at all
    int slowWriteMs = 0;      // written in pieces over this time
    std::string reject;       // the terminal rejects the request: it goes back to res/ with a .err holding this
};

struct DemoPerson {
    std::string id, cardSerial, certificateNotAfter;
    EligibilityResult answer;  // what the terminal answers for this person
    SimulatedFault fault;
    MedicationHistory medication;  // what a 薬剤情報 request gets (all months; filtered by the request's)
    CheckupHistory checkups;       // what a 特定健診 request gets
    const QualificationRecord& record() const { return answer.results.front(); }
};

class DemoDataset {
public:
    static Outcome<DemoDataset> parse(const std::string& json, const CodeTables& codes);
    static Outcome<DemoDataset> load(const std::filesystem::path& path, const CodeTables& codes);

    const std::vector<DemoPerson>& people() const { return people_; }
    const DemoPerson* byId(const std::string& id) const;
    const DemoPerson* byCardSerial(const std::string& serial) const;
    // Matches a number-based 照会: insurer, number (symbol and branch when given), birth date.
    const DemoPerson* byNumbers(const std::string& insurer, const std::string& symbol, const std::string& number,
                                const std::string& branch, const std::string& birthdate) const;
    const std::string& medicalInstitutionCode() const { return medicalInstitutionCode_; }
    const SimulatedFault& globalFault() const { return globalFault_; }
    // The revocation list, "revoked_certificates": [{"issuer": DN (RFC 2253), "serial": decimal}].
    // A serial is unique only under its issuer, so a certificate is revoked by the pair, as a CRL does.
    bool isRevoked(const std::string& issuer, const std::string& serial) const {
        return revoked_.count({issuer, serial}) > 0;
    }
    // The day the dataset was written for ("demo_today"): the demo's clock starts on it, so
    // every person's certificate, age and qualification stand where their note says.
    const std::optional<Date>& demoToday() const { return demoToday_; }

private:
    std::vector<DemoPerson> people_;
    std::string medicalInstitutionCode_;
    SimulatedFault globalFault_;
    std::set<std::pair<std::string, std::string>> revoked_;  // issuer, serial
    std::optional<Date> demoToday_;
};

// One insured person as the dataset describes them (docs/gateway.md), codes decoded.
QualificationRecord demoQualificationRecord(const Poco::JSON::Object::Ptr& person, const CodeTables& codes);

// The answer for a person at a time (ProcessExecutionTime, dates) and by which reference.
EligibilityResult answerFor(const DemoPerson& person, const std::string& executionTime, bool byMyNumberCard);
// Each consent given (flag 1) at executionTime, usable until the same time the next day.
void consentGivenAt(QualificationRecord& record, const std::string& executionTime);

// The answer when nobody matches: validity 4 (該当資格なし).
EligibilityResult noMatchAnswer(const std::string& executionTime, const std::string& medicalInstitutionCode,
                                const CodeTables& codes);

}  // namespace madoguchi::gateway
