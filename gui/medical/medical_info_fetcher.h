#pragma once
// Fetching a reception's 薬剤情報 or 特定健診 through the terminal's folders for the window
// (docs/gateway.md "薬剤情報 and 特定健診"): the gate applied with the journal's last fetch of the
// patient (mayFetch; a refusal audited as medication.fetch_refused / checkups.fetch_refused), the
// request placed as every request is, its answer waited for and read, all on a worker thread. The
// fetch itself is audited here, as the request is placed (medication.fetch / checkups.fetch: who,
// which patient, the request's name). A PDF answer is kept in the forms folder under the 申立書's
// retention rule, for viewing only.
#include <chrono>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <string>

#include "devices/gateway/folder_layout.h"
#include "devices/gateway/medical_info_messages.h"
#include "devices/gateway/request_encoding.h"
#include "domain/ports/clock.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {

// The terminal's folders as the window's environment knows them.
struct MedicalInfoFolders {
    gateway::FolderLayout layout;
    std::string medicalInstitutionCode;
    gateway::RequestEncoding encoding = gateway::RequestEncoding::FollowResults;
};

// One fetch as the window asks for it.
struct MedicalInfoOrder {
    MedicalInformation kind = MedicalInformation::Medication;
    QualificationRecord record;  // the reception's result: whose numbers go into the request
    FacilityMode mode = FacilityMode::Standard;
    std::string staffId, patientId, visitId;  // patientId empty: the visit names the patient
    int months = 6;  // 薬剤 only
    bool forced = false;  // asked again on purpose within kRefetchInterval
    bool asPdf = false;   // the terminal's own PDF instead of the XML the views read
    std::filesystem::path formsFolder;  // where a PDF answer is kept (the 申立書's folder and rule)
};

// What came back. Exactly one of: the gate's refusal (nothing placed), a problem (the request could
// not be placed or the answer not read), a rejection or refusal with the terminal's text, no answer
// yet, the parsed answer, or the terminal's PDF kept.
struct FetchedMedicalInfo {
    MedicalInfoOrder order;
    std::optional<Problem> refused;  // mayFetch said no (medical_info.recently_fetched, …)
    std::string requestName;
    std::string problem;           // our own failure, in English
    bool rejected = false;         // the terminal rejected the request (.err) or refused (ResultCode ≠ 1)
    std::string terminalText;      // the terminal's own text for a rejection or refusal
    bool pending = false;          // no answer within the wait (the request is not resent)
    std::optional<gateway::DrugInfoAnswer> medication;  // merged (mergeSources applied)
    std::optional<gateway::CheckupAnswer> checkups;     // newest first
    std::filesystem::path pdf;  // the terminal's PDF as kept (0600), for viewing only
};

// The name a PDF answer is kept under: <day>_<visit>-medication-answer.pdf / -checkups-answer.pdf.
std::string answerPdfFileName(const MedicalInfoOrder& order, const Date& saved);

// Applies the gate, places the request, audits it, waits up to `timeout` (or until stopped) and
// reads the answer. Runs on a worker thread; the journal is safe to use from there.
FetchedMedicalInfo fetchMedicalInfo(const MedicalInfoFolders& folders, const MedicalInfoOrder& order,
                                    storage::FacilityJournal& journal, const Clock& clock, std::stop_token stop,
                                    std::chrono::milliseconds timeout);

}  // namespace madoguchi::gui
