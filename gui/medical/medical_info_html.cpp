#include "gui/medical/medical_info_html.h"

#include <algorithm>
#include <map>

#include <wx/intl.h>

#include "gui/reception/display_text.h"
#include "gui/settings/facility_wording.h"

namespace madoguchi::gui {
namespace {

const char* kAlertColour = "#b00020";
const char* kMutedColour = "#666666";

wxString esc(const std::string& text) { return escapeHtml(fromUtf8(text)); }

wxString dayText(const std::string& compact) {
    auto date = Date::parseCompact(compact);
    if (!date) return esc(compact);
    return wxString::Format(_("%d-%02d-%02d"), date->year(), static_cast<int>(date->month()), static_cast<int>(date->day()));
}

wxString monthText(const std::string& yyyymm) {
    if (yyyymm.size() != 6) return esc(yyyymm);
    auto date = Date::parseCompact(yyyymm + "01");
    if (!date) return esc(yyyymm);
    return wxString::Format(_("%d-%02d"), date->year(), static_cast<int>(date->month()));
}

wxString sourceText(DrugSource source) {
    switch (source) {
        case DrugSource::Claims: return _("from claims (レセプト)");
        case DrugSource::Dispensing: return _("dispensing record (調剤)");
        case DrugSource::Prescription: return _("prescription record (処方)");
    }
    return {};
}

std::string institutionNameOf(const MedicationDay& day) {
    const std::string key = day.institutionKey();
    if (key == day.prescriberCode && !day.prescriberName.empty()) return day.prescriberName;
    return day.institutionName.empty() ? key : day.institutionName;
}

wxString patientLine(const PatientHeader& patient) {
    wxString line = "<b>" + esc(patient.name) + "</b>";
    if (!patient.kanaName.empty()) line += " (" + esc(patient.kanaName) + ")";
    if (!patient.birthdate.empty()) line += " &nbsp; " + _("Birth date") + ": " + dayText(patient.birthdate);
    return "<p>" + line + "</p>";
}

wxString heading(const wxString& title) { return "<h3>" + escapeHtml(title) + "</h3>"; }

// The period a drug is taken, as the duplicate rule counts it.
wxString periodText(const DrugPeriod& period) {
    return wxString::Format(_("%s to %s"), dayText(period.first.compact()), dayText(period.last.compact()));
}

wxString duplicateBlock(const MedicationHistory& history, FacilityKind kind) {
    const auto duplicates = possibleDuplicates(history);
    if (duplicates.empty()) return "<p>" + escapeHtml(_("No possible duplicate medication (重複投薬) found.")) + "</p>";
    wxString items;
    for (const auto& duplicate : duplicates) {
        auto side = [](const DrugPeriod& period) {
            return esc(institutionNameOf(*period.day)) + ": " + esc(period.drug->name) + " (" + periodText(period) + ")";
        };
        items += "<li><b>" + esc(duplicate.ingredient) + "</b><br>" + side(duplicate.earlier) + "<br>" +
                 side(duplicate.later) + "</li>";
    }
    const wxString advice = facilityWording(
        kind, N_("The same ingredient from different institutions in overlapping periods: check before prescribing."),
        N_("The same ingredient from different institutions in overlapping periods: consider asking the prescriber (疑義照会)."));
    return wxString("<table width='100%' cellpadding='4' border='1' bgcolor='#fde8e8'><tr><td><font color='") +
           kAlertColour + "'><b>" + escapeHtml(wxString::Format(_("Possible duplicate medication (重複投薬の可能性): %d"),
                                                               static_cast<int>(duplicates.size()))) +
           "</b></font><br>" + escapeHtml(advice) + "<ul>" + items + "</ul></td></tr></table>";
}

wxString drugTable(const MedicationDay& day) {
    wxString rows = "<tr bgcolor='#eeeeee'><th align='left'>" + escapeHtml(_("Drug")) + "</th><th align='left'>" +
                    escapeHtml(_("Ingredient")) + "</th><th align='left'>" + escapeHtml(_("Dose")) +
                    "</th><th align='left'>" + escapeHtml(_("Usage")) + "</th><th align='right'>" +
                    escapeHtml(_("Days")) + "</th></tr>";
    for (const auto& drug : day.drugs) {
        wxString usage = esc(drug.usage);
        if (!drug.specialInstruction.empty()) usage += "<br><font color='" + wxString(kMutedColour) + "'>" + esc(drug.specialInstruction) + "</font>";
        rows += "<tr><td>" + esc(drug.name) + "</td><td>" + esc(drug.ingredient) + "</td><td>" + esc(drug.quantity) +
                esc(drug.unit) + "</td><td>" + usage + "</td><td align='right'>" + esc(drug.days) + "</td></tr>";
    }
    for (const auto& item : day.treatments)
        rows += "<tr><td colspan='5'><font color='" + wxString(kMutedColour) + "'>" + escapeHtml(_("Treatment")) + ": " +
                esc(item.name) + "</font></td></tr>";
    return "<table width='100%' cellpadding='3' cellspacing='0' border='1'>" + rows + "</table>";
}

wxString dayBlock(const MedicationDay& day, FacilityKind kind) {
    const std::string& institution = day.institutionName.empty() ? day.institutionCode : day.institutionName;
    wxString line = "<b>" + dayText(day.date) + "</b> &nbsp; " +
                    facilityWording(kind, N_("Institution"), N_("Institution / pharmacy")) + ": <b>" +
                    esc(institution) + "</b>";
    if (!day.prescriberName.empty() && day.prescriberName != institution)
        line += " &nbsp; " + escapeHtml(_("Prescribed by")) + ": " + esc(day.prescriberName);
    line += " &nbsp; <font color='" + wxString(kMutedColour) + "'>" + escapeHtml(sourceText(day.source)) + "</font>";
    if (day.revised)
        line += " &nbsp; <font color='" + wxString(kMutedColour) + "'><i>" +
                escapeHtml(_("revised: this day from a higher-ranked source (claims-based, then dispensing) comes first")) + "</i></font>";
    return "<p>" + line + "</p>" + drugTable(day);
}

bool shown(const MedicationDay& day, const MedicationFilter& filter, const Date& today) {
    if (!filter.institutionKey.empty() && day.institutionKey() != filter.institutionKey) return false;
    if (filter.months <= 0) return true;
    auto date = Date::parseCompact(day.date);
    return !date || *date >= today.firstOfMonth().plusMonths(-(filter.months - 1));
}

wxString checkupValue(const CheckupItem& item) {
    wxString value = esc(item.valueName.empty() ? item.value : item.valueName);
    if (!item.unit.empty() && item.valueName.empty()) value += " " + esc(item.unit);
    if (!item.outsideReferenceRange()) return value;
    return wxString("<font color='") + kAlertColour + "'><b>" + value + " " + escapeHtml(_("(out of range)")) + "</b></font>";
}

wxString rangeText(const CheckupItem& item) {
    if (item.rangeLow.empty()) return item.rangeHigh.empty() ? wxString() : "≤ " + esc(item.rangeHigh);
    if (item.rangeHigh.empty()) return "≥ " + esc(item.rangeLow);
    return esc(item.rangeLow) + "–" + esc(item.rangeHigh);
}

}  // namespace

std::vector<std::pair<std::string, std::string>> institutionsOf(const MedicationHistory& history) {
    std::vector<std::pair<std::string, std::string>> institutions;
    for (const auto& day : history.days) {
        const std::string key = day.institutionKey();
        if (std::none_of(institutions.begin(), institutions.end(), [&](const auto& known) { return known.first == key; }))
            institutions.emplace_back(key, institutionNameOf(day));
    }
    return institutions;
}

wxString medicationTitle(FacilityKind kind) {
    return facilityWording(kind, N_("Medication history (薬剤情報) for the doctor"),
                           N_("Medication history (薬剤情報) for the pharmacist"));
}

wxString checkupTitle(FacilityKind kind) {
    return facilityWording(kind, N_("Health check-up results (特定健診) for the doctor"),
                           N_("Health check-up results (特定健診) for the pharmacist"));
}

wxString medicationHtml(const MedicationHistory& history, const MedicationFilter& filter, FacilityKind kind,
                        const Date& today) {
    wxString html = "<html><body bgcolor='#ffffff'>" + heading(medicationTitle(kind)) + patientLine(history.patient);
    html += duplicateBlock(history, kind);
    wxString month;
    int days = 0;
    // Newest date first; within a date the order of the merge (the claims-based entry first).
    std::vector<const MedicationDay*> newestFirst;
    for (const auto& day : history.days) newestFirst.push_back(&day);
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const MedicationDay* a, const MedicationDay* b) { return a->date > b->date; });
    for (const MedicationDay* it : newestFirst) {
        if (!shown(*it, filter, today)) continue;
        ++days;
        const wxString thisMonth = monthText(it->month.empty() ? it->date.substr(0, 6) : it->month);
        if (thisMonth != month) {
            month = thisMonth;
            html += "<h4>" + month + "</h4>";
        }
        html += dayBlock(*it, kind);
    }
    if (days == 0) html += "<p>" + escapeHtml(_("No medication in the chosen institution and period.")) + "</p>";
    return html + "</body></html>";
}

wxString checkupHtml(const CheckupHistory& history, FacilityKind kind) {
    wxString html = "<html><body bgcolor='#ffffff'>" + heading(checkupTitle(kind)) + patientLine(history.patient);
    if (history.checkups.empty()) return html + "<p>" + escapeHtml(_("No check-up results.")) + "</p></body></html>";
    // The items in the order of the newest checkup, then those only earlier ones have.
    std::vector<std::pair<std::string, std::string>> items;  // code, name
    for (const auto& checkup : history.checkups)
        for (const auto& item : checkup.items)
            if (std::none_of(items.begin(), items.end(), [&](const auto& known) { return known.first == item.code; }))
                items.emplace_back(item.code, item.name);
    wxString rows = "<tr bgcolor='#eeeeee'><th align='left'>" + escapeHtml(_("Item")) + "</th>";
    for (std::size_t i = 0; i < history.checkups.size(); ++i)
        rows += "<th align='left'>" + (i == 0 ? escapeHtml(_("Latest")) + "<br>" : wxString()) +
                dayText(history.checkups[i].effectiveTime) + "</th>";
    rows += "<th align='left'>" + escapeHtml(_("Reference range")) + "</th></tr>";
    for (const auto& [code, name] : items) {
        rows += "<tr><td>" + esc(name.empty() ? code : name) + "</td>";
        wxString range;
        for (const auto& checkup : history.checkups) {
            auto found = std::find_if(checkup.items.begin(), checkup.items.end(),
                                      [&](const CheckupItem& item) { return item.code == code; });
            rows += "<td>" + (found == checkup.items.end() ? wxString("—") : checkupValue(*found)) + "</td>";
            if (found != checkup.items.end() && range.empty()) range = rangeText(*found);
        }
        rows += "<td>" + range + "</td></tr>";
    }
    return html + "<table width='100%' cellpadding='3' cellspacing='0' border='1'>" + rows + "</table></body></html>";
}

}  // namespace madoguchi::gui
