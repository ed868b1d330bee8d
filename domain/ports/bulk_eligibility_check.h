#pragma once
// Port to the online-qualification system's bulk 照会 (一括照会): many number-based queries in
// one job, answered together later (DOMAIN.md §9: OQSmuquc01 upload → ReceptionNumber,
// OQSmuquc02 download, asked again while the terminal is still processing).
#include <string>
#include <vector>

#include "../eligibility.h"
#include "../outcome.h"
#include "eligibility_gateway.h"

namespace madoguchi {

struct BulkPersonAnswer {
    std::string arbitraryIdentifier;  // as echoed by the terminal (we send the visit id)
    InsuranceIdentity asked;          // the numbers the terminal says it searched
    std::string birthdate;            // raw YYYYMMDD as echoed
    EligibilityResult result;         // this person's answer, with the file's header
    std::string rawXml;               // this person's answer as a result XML, kept as evidence
};

struct BulkCheckAnswer {
    std::string receptionNumber;  // the terminal's job number
    std::string answerFile;       // the file the answers came in (.xml or .zip)
    std::vector<BulkPersonAnswer> people;
};

class BulkEligibilityCheck {
public:
    virtual ~BulkEligibilityCheck() = default;
    // One job for every query (all with the same confirmation date). A Problem when the job was
    // refused, or not answered within the adapter's limits (the terminal may still answer it).
    virtual Outcome<BulkCheckAnswer> check(const std::vector<NumberQuery>& queries) = 0;
};

}  // namespace madoguchi
