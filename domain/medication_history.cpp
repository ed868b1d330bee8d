#include "domain/medication_history.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

namespace madoguchi {
namespace {

bool isMedicalOrDentalCode(const std::string& code) {
    return code.size() == 10 && std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
           (code[2] == '1' || code[2] == '3');
}

int daysOfSupply(const std::string& text) {
    int days = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), days);
    if (error != std::errc() || end != text.data() + text.size() || days < 1) return 1;
    return std::min(days, 366);
}

bool sameIngredient(const DispensedDrug& a, const DispensedDrug& b) {
    if (!a.code.empty() && a.code == b.code) return true;
    return !a.ingredient.empty() && a.ingredient == b.ingredient;
}

std::vector<DrugPeriod> periodsOf(const MedicationHistory& history) {
    std::vector<DrugPeriod> periods;
    for (const auto& day : history.days) {
        if (day.revised) continue;
        auto date = Date::parseCompact(day.date);
        if (!date) continue;
        for (const auto& drug : day.drugs)
            periods.push_back({&day, &drug, *date, date->plusDays(daysOfSupply(drug.days) - 1)});
    }
    return periods;
}

}  // namespace

const char* drugSourceName(DrugSource source) {
    switch (source) {
        case DrugSource::Claims: return "claims";
        case DrugSource::Dispensing: return "dispensing";
        case DrugSource::Prescription: return "prescription";
    }
    return "claims";
}

std::string MedicationDay::institutionKey() const {
    return isMedicalOrDentalCode(prescriberCode) ? prescriberCode : institutionCode;
}

void mergeSources(MedicationHistory& history) {
    std::stable_sort(history.days.begin(), history.days.end(), [](const MedicationDay& a, const MedicationDay& b) {
        return std::tie(a.date, a.source) < std::tie(b.date, b.source);
    });
    std::map<std::pair<std::string, std::string>, DrugSource> best;  // institution, date → best source
    for (const auto& day : history.days) {
        auto key = std::make_pair(day.institutionKey(), day.date);
        auto found = best.find(key);
        if (found == best.end() || day.source < found->second) best[key] = day.source;
    }
    for (auto& day : history.days) day.revised = best.at({day.institutionKey(), day.date}) < day.source;
}

std::vector<PossibleDuplicate> possibleDuplicates(const MedicationHistory& history) {
    auto periods = periodsOf(history);
    std::vector<PossibleDuplicate> duplicates;
    for (std::size_t i = 0; i < periods.size(); ++i)
        for (std::size_t j = i + 1; j < periods.size(); ++j) {
            const auto& a = periods[i];
            const auto& b = periods[j];
            if (a.day->institutionKey() == b.day->institutionKey()) continue;
            if (!sameIngredient(*a.drug, *b.drug)) continue;
            if (a.first > b.last || b.first > a.last) continue;
            bool aFirst = a.first <= b.first;
            const auto& earlier = aFirst ? a : b;
            duplicates.push_back({earlier.drug->ingredient.empty() ? earlier.drug->name : earlier.drug->ingredient,
                                  earlier, aFirst ? b : a});
        }
    return duplicates;
}

}  // namespace madoguchi
