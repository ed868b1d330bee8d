#pragma once
// Fetching 薬剤情報 or 特定健診 through the folders (docs/gateway.md "薬剤情報 and 特定健診"): the
// request is placed as every request is (request_placement.h: the shared counter, the site's
// encoding with the CP932 check, a temporary file beside req/, never replacing), its answer is
// res/YZKsiquc01res_… or TKKsiquc01res_… as .xml or .pdf, and a rejected request comes back with
// its .err. Never resent: after the timeout the caller may collect the answer later by name.
#include <chrono>
#include <optional>
#include <stop_token>
#include <string>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/medical_info_messages.h"
#include "devices/gateway/request_counter.h"
#include "devices/gateway/request_encoding.h"
#include "domain/outcome.h"
#include "domain/ports/clock.h"

namespace madoguchi::gateway {

inline constexpr std::size_t kMaxPdfBytes = 16 * 1024 * 1024;

struct MedicalInfoFile {
    enum class Kind { Xml, Pdf, Rejected, Pending };
    Kind kind = Kind::Pending;
    std::string requestName;  // "YZKsiquc01req_202611300001.xml"
    std::string answerName;   // "YZKsiquc01res_202611300001.pdf" (Xml, Pdf)
    std::string content;      // the answer's bytes (Xml, Pdf)
    std::string rejection;    // the terminal's text (Rejected; "" when it gave none)
};

// The request for the person of a reception result: their insurance numbers in the header, and for
// 薬剤 the current month of `today` and the months − 1 before it.
MedicalInfoRequest medicalInfoRequestFor(MedicalInformation kind, const QualificationRecord& record,
                                         const std::string& medicalInstitutionCode, int months, const Date& today,
                                         AnswerFormat format, bool withTreatments);

// Writes the request (the header's ArbitraryFileIdentifier set here) and returns its name.
Outcome<std::string> placeMedicalInfoRequest(const FolderLayout& layout, RequestCounter& counter, const Clock& clock,
                                             RequestEncoding encoding, MedicalInformation kind,
                                             MedicalInfoRequest request);

// The answer once it is there and stable; nullopt while there is none. A file that is not a PDF
// (no "%PDF-" start) under a .pdf name, or unreadable, is a Problem.
std::optional<Outcome<MedicalInfoFile>> medicalInfoAnswerIfPresent(const FolderLayout& layout,
                                                                   const std::string& requestName);

// Polls every 50 ms until the answer (or rejection) is there, or the timeout passes or `stop` is
// requested (then Pending).
Outcome<MedicalInfoFile> waitForMedicalInfoAnswer(const FolderLayout& layout, const std::string& requestName,
                                                  std::chrono::milliseconds timeout, std::stop_token stop = {});

}  // namespace madoguchi::gateway
