#pragma once
// The bulk re-check of the follow-up list (DOMAIN.md §9, 一括照会): every OLD / UNKNOWN visit
// with usable numbers goes into one bulk job; each answer is matched back to its visit (by the
// echoed ArbitraryIdentifier, the visit id, else by the numbers and birth date) and a visit whose
// eligibility the answer confirms for its visit day is re-tagged CURRENT, all of them in one
// transaction (VisitJournal::retagAll), each re-tag carrying who ran the re-check, when, and the
// answer itself as evidence.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "card_numbers.h"
#include "date.h"
#include "ports/bulk_eligibility_check.h"
#include "ports/visit_journal.h"
#include "staff.h"
#include "visit_record.h"

namespace madoguchi {

// A follow-up visit as the re-check sees it (the journal's side: ManagerJournal::recheckCandidates).
struct RecheckCandidate {
    std::string visitId, patientId;
    Date visitDate;
    ClaimRoute route = ClaimRoute::Old;
    InsuranceIdentity claimed;                  // what the claim carries (7s on an UNKNOWN claim)
    std::optional<InsuranceIdentity> declared;  // the 申立書's numbers as written, if any
    std::optional<Date> birthDate;
};

enum class RecheckVerdict {
    Retagged,         // confirmed for the visit day: now CURRENT
    NotConfirmed,     // the answer does not confirm the eligibility (validity, error): stays
    NotOnVisitDay,    // valid now, but the qualification began after the visit: stays
    NoNumbers,        // no insurer number, card number or birth date to ask with: not asked
    NoAnswer,         // the job's answer has nothing for this visit
    RetagFailed,      // confirmed, but the journal refused the re-tag (detail says why)
};
std::string_view recheckVerdictName(RecheckVerdict);  // "retagged" "not_confirmed" …

struct RecheckEntry {
    std::string visitId;
    RecheckVerdict verdict = RecheckVerdict::NoAnswer;
    std::string validity;  // the answer's QualificationValidity code, when there was one
    std::string detail;    // the terminal's message or the journal's problem
};

struct RecheckReport {
    std::string receptionNumber, answerFile;  // empty when nothing was asked
    std::vector<RecheckEntry> visits;
    int count(RecheckVerdict verdict) const;
};

// The insurance a candidate is asked with: the claim's numbers, or on a 7s claim the declared
// ones; nullopt when they lack an insurer number, a card number or the birth date.
std::optional<NumberQuery> recheckQueryFor(const RecheckCandidate& candidate, const Date& today);

// How far a running re-check is (the window's progress bar): its stages in order.
enum class RecheckStage {
    ReadingList,  // reading the OLD / UNKNOWN visits
    Asking,       // the bulk job is with the terminal (the long wait)
    Matching,     // the answers are matched to their visits
    Applying,     // the confirmed ones are re-tagged, in one transaction
    Done,
};
struct RecheckProgress {
    RecheckStage stage = RecheckStage::ReadingList;
    std::size_t visits = 0;     // the follow-up visits read (known from Asking on)
    std::size_t asked = 0;      // those with numbers to ask with, in the job
    std::size_t confirmed = 0;  // those the answers confirm for the visit day (known from Applying on)
};
using RecheckProgressSink = std::function<void(const RecheckProgress&)>;

class ManagerJournal;

// Needs Permission::RetagClaim; reads the candidates from the journal (recheckCandidates). Asks
// nothing (and succeeds) when no candidate has numbers; a Problem when the bulk job fails
// (nothing is re-tagged then). progress, when given, hears each stage as it starts (on the
// caller's thread).
Outcome<RecheckReport> recheckFollowUps(const StaffMember& who, ManagerJournal& followUps, BulkEligibilityCheck& check,
                                        VisitJournal& journal, const LocalDateTime& now,
                                        const RecheckProgressSink& progress = {});

}  // namespace madoguchi
