#pragma once
// The medication and checkup views as HTML, for the window (wxHtmlWindow) and for paper (the
// same page printed or saved as an A4 PDF): one source for both, in the facility's wording.
#include <string>
#include <utility>
#include <vector>

#include <wx/string.h>

#include "domain/checkup_results.h"
#include "domain/date.h"
#include "domain/facility.h"
#include "domain/medication_history.h"

namespace madoguchi::gui {

// Which days the medication view shows. The 重複投薬 flags always cover the whole answer.
struct MedicationFilter {
    std::string institutionKey;  // MedicationDay::institutionKey(); empty: every institution
    int months = 0;              // the current month and the months − 1 before it; 0: every month
};

// The institutions of the history, as (key, name) in the order they first appear; the name is the
// prescriber's when the key is the prescriber's code.
std::vector<std::pair<std::string, std::string>> institutionsOf(const MedicationHistory& history);

// history: merged (mergeSources). Possible duplicates at the top, then the timeline newest first:
// month, date and institution, each drug with ingredient, dose, usage and days.
wxString medicationHtml(const MedicationHistory& history, const MedicationFilter& filter, FacilityKind kind,
                        const Date& today);

// history: newest first (sortNewestFirst). One row per item: the latest value with its unit, the
// earlier checkups' values beside it, values outside the reference range marked.
wxString checkupHtml(const CheckupHistory& history, FacilityKind kind);

// The views' titles, as the window and the printed page name them.
wxString medicationTitle(FacilityKind kind);
wxString checkupTitle(FacilityKind kind);

}  // namespace madoguchi::gui
