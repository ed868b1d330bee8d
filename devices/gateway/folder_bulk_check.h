#pragma once
// The bulk 照会 (一括照会) over the terminal's folders (DOMAIN.md §9, INTEROP.md §4): the people go
// up in one OQSmuquc01req; its OQSmuquc01res gives the ReceptionNumber; an OQSmuquc02req asks for
// the answers, and while the OQSmuquc02res says SegmentOfResult 2 (still processing) a new 02req
// asks again after a while, up to a limit. The answer may be an .xml or a .zip (bulk_answer.h).
// Requests are placed like every other (request_placement.h: shared counter, site encoding,
// never replacing); a rejected request (.err) fails the job with the terminal's text; an answer
// that does not echo our MedicalInstitutionCode, ArbitraryFileIdentifier (upload) or
// ReceptionNumber (download) is refused and logged.
#include <chrono>
#include <stop_token>
#include <string>
#include <vector>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/gateway_messages.h"
#include "devices/gateway/request_counter.h"
#include "devices/gateway/request_encoding.h"
#include "domain/ports/bulk_eligibility_check.h"
#include "domain/ports/clock.h"
#include "domain/rule_tables.h"

namespace madoguchi::gateway {

struct BulkPolicy {
    std::chrono::milliseconds answerTimeout{std::chrono::minutes(2)};  // for each answer file
    std::chrono::milliseconds askAgainAfter{std::chrono::seconds(30)}; // after "still processing"
    int maxDownloadAsks = 20;                                         // 02req files in all
};

// The answers of a finished job as the domain takes them: each person with the numbers the
// terminal searched and their answer as a result XML of its own (the re-tag's evidence). Takes the
// result apart: its units' answers are moved, not copied.
BulkCheckAnswer bulkCheckAnswerOf(BulkResult&& result, const std::string& receptionNumber,
                                  const std::string& answerFile);

class FolderBulkQueryClient : public BulkEligibilityCheck {
public:
    // stop: when requested, a waiting job gives up ("gateway.stopped"; the requests stay, never resent).
    FolderBulkQueryClient(FolderLayout layout, std::string medicalInstitutionCode, CodeTables codes, const Clock& clock,
                          RequestEncoding encoding = RequestEncoding::FollowResults, BulkPolicy policy = {},
                          std::stop_token stop = {});

    // Upload, then download until answered. Problems: "gateway.rejected", "gateway.bulk_refused"
    // (the terminal's error), "gateway.bulk_still_processing" (the limit was reached; the text
    // names the reception number), "gateway.no_answer", "gateway.not_ours", a malformed answer.
    Outcome<BulkCheckAnswer> check(const std::vector<NumberQuery>& queries) override;
    // The two halves, for a job whose reception number is already known.
    Outcome<std::string> upload(const std::vector<NumberQuery>& queries);
    Outcome<BulkCheckAnswer> download(const std::string& receptionNumber);

private:
    struct AnswerFile;
    Outcome<AnswerFile> awaitAnswer(const std::string& requestName);
    // One 02req and its 02res: nullopt while the terminal is still processing.
    Outcome<std::optional<BulkCheckAnswer>> askOnce(const std::string& receptionNumber);
    std::optional<Problem> refusal(const std::string& answerName, const EligibilityResult& header,
                                   const std::string& element, const std::string& expected, const std::string& got);
    bool stopped() const { return stop_.stop_requested(); }

    FolderLayout layout_;
    std::string medicalInstitutionCode_;
    CodeTables codes_;
    const Clock& clock_;
    RequestEncoding encoding_;
    BulkPolicy policy_;
    std::stop_token stop_;
    RequestCounter counter_;
};

}  // namespace madoguchi::gateway
