#include "storage/visit_record_json.h"

#include <Poco/JSON/Array.h>

namespace madoguchi::storage {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Poco::Dynamic::Var optionalDate(const std::optional<Date>& date) {
    return date ? Poco::Dynamic::Var(date->iso()) : Poco::Dynamic::Var();
}

Object::Ptr patientJson(const PatientDetails& patient) {
    Object::Ptr json = new Object;
    json->set("name", patient.name);
    json->set("name_kana", patient.nameKana);
    json->set("birth_date", optionalDate(patient.birthDate));
    json->set("sex", patient.sex);
    json->set("address", patient.address);
    json->set("post_number", patient.postNumber);
    json->set("phone", patient.phone);
    json->set("employer", patient.employer);
    return json;
}

Object::Ptr insuranceJson(const InsuranceIdentity& insurance) {
    Object::Ptr json = new Object;
    json->set("insurer_number", insurance.insurerNumber);
    json->set("symbol", insurance.card.symbol);
    json->set("number", insurance.card.number);
    json->set("branch", insurance.card.branch);
    return json;
}

Array::Ptr trailJson(const std::vector<TrailStep>& trail) {
    Array::Ptr json = new Array;
    for (const TrailStep& step : trail) {
        Object::Ptr item = new Object;
        item->set("at", step.at.iso());
        item->set("from", step.fromState);
        item->set("event", step.event);
        item->set("to", step.toState);
        if (!step.note.empty()) item->set("note", step.note);
        json->add(item);
    }
    return json;
}

Object::Ptr onlineResultJson(const EligibilityResult& result) {
    Object::Ptr json = new Object;
    json->set("segment_of_result", result.segmentOfResult.raw);
    json->set("processing_result_status", result.processingResultStatus.raw);
    json->set("qualification_validity", result.qualificationValidity.raw);
    json->set("qualification_validity_label", result.qualificationValidity.label);
    json->set("error_code", result.errorCode);
    json->set("processing_result_message", result.processingResultMessage);
    json->set("result_count", static_cast<int>(result.results.size()));
    return json;
}

}  // namespace

Poco::JSON::Object::Ptr visitRecordToJson(const VisitRecord& visit) {
    Object::Ptr json = new Object;
    json->set("visit_id", visit.visitId);
    json->set("patient_id", visit.patientId);
    json->set("patient", patientJson(visit.patient));
    json->set("visit_kind", visit.visitKind == VisitKind::FirstVisit    ? "first"
                            : visit.visitKind == VisitKind::ReturnVisit ? "return"
                                                                        : "unspecified");
    json->set("identity_method", std::string(identityMethodName(visit.identityMethod)));
    json->set("identity_confirmed_by", visit.identityConfirmedBy);
    json->set("source", std::string(eligibilitySourceName(visit.source)));
    json->set("online_result", visit.onlineResult ? Poco::Dynamic::Var(onlineResultJson(*visit.onlineResult))
                                                  : Poco::Dynamic::Var());
    json->set("pending_request_id", visit.pendingRequestId);
    json->set("insurance", insuranceJson(visit.insurance));
    json->set("claim_route", std::string(claimRouteName(visit.claimRoute)));
    json->set("share_tenths", visit.share.tenths());
    json->set("share_basis", visit.shareBasis);
    json->set("points", visit.points ? Poco::Dynamic::Var(*visit.points) : Poco::Dynamic::Var());
    json->set("copay_yen", visit.copay ? Poco::Dynamic::Var(visit.copay->value) : Poco::Dynamic::Var());
    json->set("full_charge_reason", visit.fullChargeReason);
    json->set("staff_id", visit.staffId);
    json->set("started_at", visit.startedAt.iso());
    json->set("completed_at", visit.completedAt.iso());
    json->set("cancelled", visit.cancelled);
    json->set("cancel_reason", visit.cancelReason);
    Array::Ptr warnings = new Array;
    for (const auto& warning : visit.warnings) warnings->add(warning);
    json->set("warnings", warnings);
    json->set("trail", trailJson(visit.trail));
    return json;
}

}  // namespace madoguchi::storage
