#include "devices/gateway/medical_info_json.h"

#include <Poco/JSON/Array.h>

namespace madoguchi::gateway {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr statusJson(const MedicalInfoStatus& status, const PatientHeader& patient) {
    Object::Ptr json = new Object;
    json->set("result_code", status.resultCode);
    json->set("succeeded", status.succeeded());
    json->set("message_contents", status.messageContents);
    Object::Ptr person = new Object;
    person->set("name", patient.name);
    person->set("kana_name", patient.kanaName);
    person->set("birthdate", patient.birthdate);
    person->set("sex", patient.sex);
    json->set("patient", person);
    return json;
}

Object::Ptr drugJson(const DispensedDrug& drug) {
    Object::Ptr json = new Object;
    json->set("code", drug.code);
    json->set("name", drug.name);
    json->set("ingredient", drug.ingredient);
    json->set("quantity", drug.quantity);
    json->set("unit", drug.unit);
    json->set("usage", drug.usage);
    json->set("special_instruction", drug.specialInstruction);
    json->set("days", drug.days);
    json->set("usage_class", drug.usageClass);
    return json;
}

Object::Ptr dayJson(const MedicationDay& day) {
    Object::Ptr json = new Object;
    json->set("source", std::string(drugSourceName(day.source)));
    json->set("month", day.month);
    json->set("date", day.date);
    json->set("prescription_date", day.prescriptionDate);
    json->set("institution_code", day.institutionCode);
    json->set("institution_name", day.institutionName);
    json->set("prescriber_code", day.prescriberCode);
    json->set("prescriber_name", day.prescriberName);
    json->set("in_out", day.inOut);
    json->set("revised", day.revised);
    Array drugs, treatments;
    for (const auto& drug : day.drugs) drugs.add(drugJson(drug));
    for (const auto& item : day.treatments) {
        Object::Ptr treatment = new Object;
        treatment->set("code", item.code);
        treatment->set("name", item.name);
        treatment->set("quantity", item.quantity);
        treatment->set("times", item.times);
        treatment->set("unit", item.unit);
        treatments.add(treatment);
    }
    json->set("drugs", drugs);
    json->set("treatments", treatments);
    return json;
}

Object::Ptr periodJson(const DrugPeriod& period) {
    Object::Ptr json = new Object;
    json->set("institution_code", period.day->institutionKey());
    json->set("institution_name",
              period.day->institutionKey() == period.day->prescriberCode ? period.day->prescriberName
                                                                         : period.day->institutionName);
    json->set("drug", period.drug->name);
    json->set("first_day", period.first.iso());
    json->set("last_day", period.last.iso());
    return json;
}

}  // namespace

Object::Ptr drugInfoJson(DrugInfoAnswer answer) {
    mergeSources(answer.history);
    Object::Ptr json = statusJson(answer.status, answer.history.patient);
    Array duplicates, days;
    for (const auto& duplicate : possibleDuplicates(answer.history)) {
        Object::Ptr pair = new Object;
        pair->set("ingredient", duplicate.ingredient);
        pair->set("earlier", periodJson(duplicate.earlier));
        pair->set("later", periodJson(duplicate.later));
        duplicates.add(pair);
    }
    for (const auto& day : answer.history.days) days.add(dayJson(day));
    json->set("possible_duplicates", duplicates);
    json->set("days", days);
    return json;
}

Object::Ptr checkupJson(CheckupAnswer answer) {
    sortNewestFirst(answer.history);
    Object::Ptr json = statusJson(answer.status, answer.history.patient);
    Array checkups;
    for (const auto& checkup : answer.history.checkups) {
        Object::Ptr entry = new Object;
        entry->set("effective_time", checkup.effectiveTime);
        Array items;
        for (const auto& item : checkup.items) {
            Object::Ptr value = new Object;
            value->set("code", item.code);
            value->set("name", item.name);
            value->set("data_type", item.dataType);
            value->set("value", item.value);
            value->set("value_name", item.valueName);
            value->set("unit", item.unit);
            value->set("oid", item.oid);
            value->set("range_low", item.rangeLow);
            value->set("range_high", item.rangeHigh);
            value->set("outside_range", item.outsideReferenceRange());
            items.add(value);
        }
        entry->set("items", items);
        checkups.add(entry);
    }
    json->set("checkups", checkups);
    return json;
}

}  // namespace madoguchi::gateway
