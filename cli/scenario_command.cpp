// madoguchi-cli scenario FILE: runs a JSON-scripted reception through the real state machine.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "platform/utf8_path.h"
#include "storage/visit_record_json.h"
#include "commands.h"
#include "json_output.h"
#include "scenario_events.h"

namespace madoguchi::cli {
namespace {

Poco::JSON::Object::Ptr parseFile(const std::string& path) {
    auto content = app::readTextFile(platform::utf8Path(path));
    if (!content) throw std::invalid_argument(content.problem().message);
    try {
        auto object = Poco::JSON::Parser().parse(content.value()).extract<Poco::JSON::Object::Ptr>();
        if (!object) throw std::invalid_argument("the scenario must be a JSON object");
        return object;
    } catch (const Poco::Exception& error) {
        throw std::invalid_argument(path + ": not valid JSON: " + error.displayText());
    }
}

Scenario readOrExplain(const std::string& path, const DatedSettings& dated, const CodeTables& codes) {
    try {
        return readScenario(parseFile(path), dated, codes);
    } catch (const Poco::Exception& error) {  // a field of the wrong JSON type
        throw std::invalid_argument(path + ": " + error.displayText());
    }
}

}  // namespace

int runScenario(const Arguments& args) {
    if (args.size() != 1) throw std::invalid_argument("usage: scenario FILE");
    auto dated = app::loadDatedSettings();
    if (!dated) throw std::runtime_error(dated.problem().message);
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    Scenario scenario = readOrExplain(args[0], dated.value(), codes.value());

    ReceptionSession session(scenario.context, scenario.start);
    Poco::JSON::Array::Ptr refusals = new Poco::JSON::Array;
    int exitCode = kOk;
    for (std::size_t i = 0; i < scenario.events.size() && exitCode == kOk; ++i) {
        const ScriptedEvent& step = scenario.events[i];
        auto next = session.apply(step.event, step.at);
        if (!next) {
            Poco::JSON::Object::Ptr refusal = new Poco::JSON::Object;
            refusal->set("index", static_cast<int>(i));
            refusal->set("event", std::string(receptionEventName(step.event)));
            refusal->set("code", next.problem().code);
            refusal->set("reason", next.problem().message);
            refusals->add(refusal);
            if (!step.expectRefusal) {
                std::cerr << "scenario: events[" << i << "] (" << receptionEventName(step.event)
                          << ") was refused: " << next.problem().message << "\n";
                exitCode = kNegative;
            }
        } else if (step.expectRefusal) {
            std::cerr << "scenario: events[" << i << "] was expected to be refused but was accepted\n";
            exitCode = kNegative;
        }
    }
    Poco::JSON::Object output;
    output.set("final_state", std::string(receptionStateName(session.state())));
    output.set("tone", session.tone() == Tone::Confirmed  ? "confirmed"
                       : session.tone() == Tone::Fallback ? "fallback"
                       : session.tone() == Tone::Warning  ? "warning"
                                                          : "neutral");
    output.set("refusals", refusals);
    output.set("visit", storage::visitRecordToJson(session.record()));
    printJson(output);
    return exitCode;
}

}  // namespace madoguchi::cli
