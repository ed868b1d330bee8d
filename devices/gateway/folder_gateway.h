#pragma once
// The eligibility gateway over the 資格確認端末's shared folders (DOMAIN.md §9): a request is
// written to req/ through a temporary name, its answer appears in res/ under the same name with
// req_ replaced by res_. A request is never resent: after a timeout it stays pending, and its
// late answer is collected by collectLateAnswers().
#include <filesystem>
#include <mutex>
#include <set>
#include <string>

#include "domain/ports/clock.h"
#include "domain/ports/eligibility_gateway.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct FolderLayout {
    std::filesystem::path root;
    std::filesystem::path req() const { return root / "req"; }
    std::filesystem::path res() const { return root / "res"; }
    std::filesystem::path face() const { return root / "face"; }
};

// "OQSsiquc01req_202611250001.xml" → "OQSsiquc01res_202611250001.xml"
std::string answerNameFor(const std::string& requestName);

class FolderEligibilityGateway : public EligibilityGateway {
public:
    FolderEligibilityGateway(FolderLayout layout, std::string medicalInstitutionCode, CodeTables codes,
                             const Clock& clock);

    GatewayAnswer query(const NumberQuery& query, std::chrono::milliseconds timeout) override;
    std::vector<GatewayAnswer> collectLateAnswers() override;
    // Requests still waiting for an answer (e.g. restored from the journal after a restart).
    void addPending(const std::string& requestName);
    std::set<std::string> pending() const;

private:
    std::string nextRequestName();
    std::optional<GatewayAnswer> answerIfPresent(const std::string& requestName);

    FolderLayout layout_;
    std::string medicalInstitutionCode_;
    CodeTables codes_;
    const Clock& clock_;
    mutable std::mutex mutex_;
    std::set<std::string> pending_;
};

}  // namespace madoguchi::gateway
