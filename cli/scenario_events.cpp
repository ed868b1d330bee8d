#include "scenario_events.h"

#include "devices/gateway/demo_dataset.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <map>
#include <stdexcept>

namespace madoguchi::cli {
namespace {

using Poco::JSON::Object;

std::string text(const Object::Ptr& json, const std::string& key, const std::string& fallback = "") {
    if (!json->has(key) || json->isNull(key)) return fallback;
    return json->getValue<std::string>(key);
}

std::optional<Date> date(const Object::Ptr& json, const std::string& key) {
    std::string value = text(json, key);
    if (value.empty()) return std::nullopt;
    auto parsed = value.size() == 8 ? Date::parseCompact(value) : Date::parseIso(value);
    if (!parsed) throw std::invalid_argument(key + " must be a date YYYY-MM-DD");
    return parsed;
}

bool flag(const Object::Ptr& json, const std::string& key) { return json->has(key) && json->getValue<bool>(key); }

std::optional<CopayShare> share(const Object::Ptr& json, const std::string& key) {
    if (!json->has(key) || json->isNull(key)) return std::nullopt;
    auto parsed = CopayShare::fromTenths(json->getValue<int>(key));
    if (!parsed) throw std::invalid_argument(key + " must be 1, 2, 3 or 10 (tenths)");
    return parsed;
}

IdentityMethod method(const Object::Ptr& json) {
    auto parsed = identityMethodFromName(text(json, "method"));
    if (!parsed) throw std::invalid_argument("method must be face, pin, visual or none");
    return *parsed;
}

std::optional<PresentedDocument> document(const Object::Ptr& json) {
    static const std::map<std::string, PresentedDocument> names{
        {"portal_screen", PresentedDocument::PortalScreen},
        {"notice", PresentedDocument::Notice},
        {"qualification_certificate", PresentedDocument::QualificationCertificate},
        {"legacy_insurance_card", PresentedDocument::LegacyInsuranceCard}};
    std::string name = text(json, "document");
    if (name.empty() || name == "none") return std::nullopt;
    auto found = names.find(name);
    if (found == names.end()) throw std::invalid_argument("unknown document '" + name + "'");
    return found->second;
}

PatientDetails patient(const Object::Ptr& json) {
    PatientDetails p;
    p.name = text(json, "name");
    p.nameKana = text(json, "name_kana");
    p.birthDate = date(json, "birth_date");
    p.sex = text(json, "sex");
    p.address = text(json, "address");
    p.postNumber = text(json, "post_number");
    p.phone = text(json, "phone");
    p.employer = text(json, "employer");
    return p;
}

InsuranceIdentity insurance(const Object::Ptr& json) {
    return {text(json, "insurer_number"), {text(json, "symbol"), text(json, "number"), text(json, "branch")}};
}

DeclaredInsuranceType insuranceType(const Object::Ptr& json) {
    std::string name = text(json, "insurance_type", "unknown");
    auto parsed = declaredInsuranceTypeFromName(name);
    if (!parsed) throw std::invalid_argument("insurance_type must be employee, kokuho, kokuho_union, kouki or unknown");
    return *parsed;
}

DocumentDetails details(const Object::Ptr& json) {
    DocumentDetails d;
    d.insurance = insurance(json);
    d.patient = patient(json);
    d.printedShare = share(json, "share_tenths");
    d.validUntil = date(json, "valid_until");
    d.insuranceType = insuranceType(json);
    d.insurerName = text(json, "insurer_name");
    return d;
}

EligibilityResult result(const Object::Ptr& json, const CodeTables& codes) {
    if (!json) throw std::invalid_argument("result is required");
    EligibilityResult r;
    r.segmentOfResult.raw = text(json, "segment", "1");
    r.processingResultStatus.raw = text(json, "status", "1");
    r.qualificationValidity.raw = text(json, "validity");
    r.errorCode = text(json, "error_code");
    r.errorMessage = text(json, "error_message");
    r.processingResultMessage = text(json, "message");
    if (auto list = json->getArray("results"))
        for (std::size_t i = 0; i < list->size(); ++i) r.results.push_back(gateway::demoQualificationRecord(list->getObject(i), codes));
    return r;
}

GatewayFailure failure(const Object::Ptr& json) {
    static const std::map<std::string, GatewayFailure> names{
        {"timeout", GatewayFailure::Timeout}, {"pending", GatewayFailure::Pending},
        {"system_error", GatewayFailure::SystemError}, {"network_down", GatewayFailure::NetworkDown},
        {"reader_broken", GatewayFailure::ReaderBroken}};
    auto found = names.find(text(json, "failure", "timeout"));
    if (found == names.end()) throw std::invalid_argument("unknown failure");
    return found->second;
}

std::optional<PastEligibility> lastRecorded(const Object::Ptr& json) {
    auto last = json->getObject("last_recorded");
    if (!last) return std::nullopt;
    PastEligibility past;
    past.insurance = insurance(last);
    past.patient = patient(last);
    past.share = share(last, "share_tenths");
    past.validUntil = date(last, "valid_until");
    past.insurerName = text(last, "insurer_name");
    if (auto recorded = date(last, "recorded_on")) past.recordedAt = LocalDateTime{*recorded};
    return past;
}

ReceptionEvent event(const Object::Ptr& e, const CodeTables& codes) {
    using namespace madoguchi::event;
    std::string name = text(e, "event");
    if (name == "my_number_card_presented") return MyNumberCardPresented{};
    if (name == "document_presented") {
        auto doc = document(e);
        if (!doc) throw std::invalid_argument("document is required");
        return DocumentPresented{*doc, flag(e, "with_my_number_card")};
    }
    if (name == "card_read") return CardRead{date(e, "certificate_not_after"), e->has("pin_tries_left") ? e->getValue<int>("pin_tries_left") : 3};
    if (name == "card_read_failed") return CardReadFailed{text(e, "reason")};
    if (name == "identity_method_chosen") return IdentityMethodChosen{method(e)};
    if (name == "face_checked") return FaceChecked{flag(e, "matched")};
    if (name == "pin_checked") return PinChecked{flag(e, "accepted"), e->getValue<int>("tries_left")};
    if (name == "visual_check_confirmed") return VisualCheckConfirmed{text(e, "staff_id")};
    if (name == "eligibility_answered") return EligibilityAnswered{result(e->getObject("result"), codes), ""};
    if (name == "eligibility_unavailable") return EligibilityUnavailable{failure(e), text(e, "detail"), text(e, "pending_request_id")};
    if (name == "certified_reader_result") return CertifiedReaderResult{result(e->getObject("result"), codes), method(e), ""};
    if (name == "match_chosen") return MatchChosen{e->getValue<std::size_t>("index")};
    if (name == "fallback_chosen") return FallbackChosen{document(e), flag(e, "with_my_number_card")};
    if (name == "document_entered") return DocumentEntered{details(e)};
    if (name == "visit_kind_chosen") {
        std::string kind = text(e, "kind");
        if (kind != "return" && kind != "first") throw std::invalid_argument("kind must be return or first");
        return VisitKindChosen{kind == "return" ? VisitKind::ReturnVisit : VisitKind::FirstVisit, lastRecorded(e)};
    }
    if (name == "past_record_confirmed") return PastRecordConfirmed{flag(e, "confirmed_orally"), flag(e, "still_valid")};
    if (name == "self_declaration_completed") {
        return SelfDeclarationCompleted{details(e), share(e, "declared_share_tenths")};
    }
    if (name == "copay_confirmed") {
        std::optional<std::int64_t> points;
        if (e->has("points")) points = e->getValue<std::int64_t>("points");
        return CopayConfirmed{points, share(e, "staff_share_tenths"), text(e, "correction_reason")};
    }
    if (name == "full_charge_chosen") return FullChargeChosen{text(e, "reason")};
    if (name == "reception_cancelled") return ReceptionCancelled{text(e, "reason")};
    throw std::invalid_argument("unknown event '" + name + "'");
}

FacilitySettings facility(const Object::Ptr& json) {
    FacilitySettings settings;
    if (!json) return settings;
    settings.medicalInstitutionCode = text(json, "medical_institution_code");
    settings.name = text(json, "name");
    settings.kind = text(json, "kind") == "pharmacy" ? FacilityKind::Pharmacy : FacilityKind::Clinic;
    int mode = json->has("mode") ? json->getValue<int>("mode") : 1;
    if (mode < 1 || mode > 3) throw std::invalid_argument("facility.mode must be 1, 2 or 3");
    settings.mode = static_cast<FacilityMode>(mode);
    settings.unknownClaimUsesCheckDigitFiller = text(json, "unknown_claim_filler", "77777777") == "77777779";
    return settings;
}

LocalDateTime timestamp(const std::string& value, const std::string& what) {
    auto parsed = LocalDateTime::parseIso(value);
    if (!parsed) throw std::invalid_argument(what + " must be YYYY-MM-DDTHH:MM:SS");
    return *parsed;
}

}  // namespace

Scenario readScenario(const Poco::JSON::Object::Ptr& json, const DatedSettings& datedSettings,
                      const CodeTables& codes) {
    Scenario scenario{{facility(json->getObject("facility")), datedSettings, text(json, "staff", "staff"),
                       text(json, "visit_id", "V-1"), text(json, "patient_id")},
                      timestamp(text(json, "start"), "start"), {}};
    auto events = json->getArray("events");
    if (!events || events->size() == 0) throw std::invalid_argument("events: at least one event is required");
    for (std::size_t i = 0; i < events->size(); ++i) {
        auto e = events->getObject(i);
        if (!e) throw std::invalid_argument("events[" + std::to_string(i) + "] is not an object");
        try {
            LocalDateTime at = e->has("at") ? timestamp(text(e, "at"), "at") : scenario.start;
            scenario.events.push_back({event(e, codes), at, flag(e, "expect_refusal")});
        } catch (const Poco::Exception& error) {  // a field of the wrong JSON type
            throw std::invalid_argument("events[" + std::to_string(i) + "]: " + error.displayText());
        } catch (const std::exception& error) {
            throw std::invalid_argument("events[" + std::to_string(i) + "]: " + error.what());
        }
    }
    return scenario;
}

}  // namespace madoguchi::cli
