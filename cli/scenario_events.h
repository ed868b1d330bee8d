#pragma once
// Reading a JSON-scripted reception (docs/scenario.md) into the domain's context and events.
#include <Poco/JSON/Object.h>
#include <string>
#include <vector>

#include "domain/reception_session.h"
#include "domain/rule_tables.h"

namespace madoguchi::cli {

struct ScriptedEvent {
    ReceptionEvent event;
    LocalDateTime at;
    bool expectRefusal = false;
};

struct Scenario {
    ReceptionContext context;
    LocalDateTime start;
    std::vector<ScriptedEvent> events;
};

// Throws std::invalid_argument naming the event index and the field when the script is malformed.
// Qualification records use the gateway simulator's person format, codes decoded through codes.
Scenario readScenario(const Poco::JSON::Object::Ptr& json, const DatedSettings& datedSettings,
                      const CodeTables& codes);

}  // namespace madoguchi::cli
