#pragma once
// The eligibility gateway over the 資格確認端末's shared folders (DOMAIN.md §9): a request is
// written to a temporary file beside req/ and moved in (never replacing a file), its answer appears
// in res/ under the same name with req_ replaced by res_. A request is never resent: after a
// timeout it stays pending, and its late answer is collected by collectLateAnswers(). A request the
// terminal rejects (the request back in res/ with a ….err file) fails with the terminal's text.
// Request numbers come from a counter file several PCs share under a lock (request_counter.h);
// each request carries its own ArbitraryFileIdentifier ("MDG" + the name's 12 digits + "-" + 8
// random hex characters: 24 characters, the interface allows 50), and an answer that does not echo it and
// the MedicalInstitutionCode is refused and logged in the state folder.
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/request_counter.h"
#include "devices/gateway/request_encoding.h"
#include "devices/gateway/request_placement.h"
#include "domain/ports/clock.h"
#include "domain/ports/eligibility_gateway.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

class FolderEligibilityGateway : public EligibilityGateway {
public:
    FolderEligibilityGateway(FolderLayout layout, std::string medicalInstitutionCode, CodeTables codes,
                             const Clock& clock, RequestEncoding encoding = RequestEncoding::FollowResults);

    GatewayAnswer query(const NumberQuery& query, std::chrono::milliseconds timeout) override;
    std::vector<GatewayAnswer> collectLateAnswers() override;
    // Requests still waiting for an answer (e.g. restored from the journal after a restart); the
    // identifier is checked in full when known, else by its request-name part.
    void addPending(const std::string& requestName, const std::string& fileIdentifier = {});
    std::set<std::string> pending() const;

private:
    Outcome<std::string> writeRequest(const NumberQuery& query);
    // closed: the answer file was reported complete by an event (read once, no settle wait).
    std::optional<GatewayAnswer> answerIfPresent(const std::string& requestName, bool closed = false);
    std::optional<std::string> echoProblem(const std::string& requestName, const EligibilityResult& result) const;
    std::set<std::string> pendingNames() const;  // under mutex_

    FolderLayout layout_;
    std::string medicalInstitutionCode_;
    CodeTables codes_;
    const Clock& clock_;
    RequestEncoding encoding_;
    RequestCounter counter_;
    mutable std::mutex mutex_;
    std::map<std::string, std::string> pending_;  // request name → ArbitraryFileIdentifier ("" unknown)
};

}  // namespace madoguchi::gateway
