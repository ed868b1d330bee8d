#pragma once
// 特定健診 results as the terminal answers them (INTEROP.md §7): one checkup per EffectiveTime,
// each with its items (code, name, value, unit). The reference range is read where an answer gives
// one (element names unconfirmed: VERIFY in docs/gateway.md).
#include <optional>
#include <string>
#include <vector>

#include "domain/medication_history.h"

namespace madoguchi {

struct CheckupItem {
    std::string code, name;          // ItemCode, ItemName
    std::string dataType;            // DataType
    std::string value, valueName;    // DataValue, DataValueName (the coded value's text)
    std::string unit, oid;           // Unit, Oid
    std::string rangeLow, rangeHigh; // ReferenceRangeLow / ReferenceRangeHigh, when given
    // True when value, and the bound it is compared with, are plain decimal numbers and the value
    // lies below rangeLow or above rangeHigh. Nothing given, or text, is never "outside".
    bool outsideReferenceRange() const;
};

struct Checkup {
    std::string effectiveTime;  // yyyyMMdd as the answer gives it
    std::vector<CheckupItem> items;
};

struct CheckupHistory {
    PatientHeader patient;
    std::vector<Checkup> checkups;
};

// Newest first (by effectiveTime), the order the view shows them in. Stable for equal times.
void sortNewestFirst(CheckupHistory& history);

}  // namespace madoguchi
