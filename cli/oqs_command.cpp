// madoguchi-cli oqs parse FILE: decodes any online-qualification message (result, face file,
// request, bulk, 照会番号 registration; detected by name prefix or content) as JSON.
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "arguments.h"
#include "command_clock.h"
#include "devices/gateway/folder_gateway.h"
#include "commands.h"
#include "devices/gateway/result_json.h"
#include "devices/gateway/message_kind.h"
#include "json_output.h"

namespace madoguchi::cli {
namespace {

int parseCommand(const Arguments& args) {
    if (args.size() != 1) throw std::invalid_argument("usage: oqs parse FILE");
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    auto bytes = app::readTextFile(args[0]);
    if (!bytes) {
        std::cerr << "oqs parse: " << bytes.problem().message << "\n";
        return kBadInput;
    }
    auto kind = gateway::detectMessageKind(args[0], bytes.value());
    auto json = gateway::messageToJson(kind, bytes.value(), codes.value());
    if (!json) {
        std::cerr << "oqs parse: " << args[0] << " (" << gateway::messageKindName(kind) << "): " << json.problem().message
                  << "\n";
        return kBadInput;
    }
    printJson(*json.value());
    return kOk;
}

Date requiredDate(const Options& options, const std::string& name) {
    auto date = Date::parseIso(options.required(name));
    if (!date) throw std::invalid_argument(name + " must be a date YYYY-MM-DD");
    return *date;
}

// A number-based 照会 through a folder root; never resent after a timeout.
int queryCommand(const Arguments& args) {
    Options options(args, {"--root", "--insurer", "--number", "--symbol", "--branch", "--birth", "--timeout-ms",
                           "--institution", kTodayOption}, {});
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    auto card = InsuredCardNumbers::parse(options.value("--symbol").value_or(""), options.required("--number"),
                                          options.value("--branch").value_or(""));
    if (!card) throw std::invalid_argument(card.problem().message);
    auto insurer = InsurerNumber::parse(options.required("--insurer"));
    if (!insurer) throw std::invalid_argument(insurer.problem().message);
    const CommandClock clock(options);
    gateway::FolderEligibilityGateway gateway({options.required("--root")},
                                              options.value("--institution").value_or("1312345678"), codes.value(), clock);
    NumberQuery query{{insurer.value().digits(), card.value()}, requiredDate(options, "--birth"), clock.now().date, false, ""};
    auto answer = gateway.query(query, std::chrono::milliseconds(std::stoi(options.value("--timeout-ms").value_or("5000"))));
    if (answer.kind == GatewayAnswer::Kind::Answered) {
        printJson(*gateway::resultToJson(*answer.result));
        return kOk;
    }
    bool pending = answer.kind == GatewayAnswer::Kind::Pending;
    std::cerr << "oqs query: " << (pending ? "no answer yet; the request stays pending (never resent): "
                                           : "the answer could not be used: ")
              << answer.requestId << (answer.failure.empty() ? "" : " — " + answer.failure) << "\n";
    return pending ? kNegative : kBadInput;
}

}  // namespace

int runOqs(const Arguments& args) {
    Arguments rest = args.empty() ? args : Arguments(args.begin() + 1, args.end());
    if (!args.empty() && args[0] == "parse") return parseCommand(rest);
    if (!args.empty() && args[0] == "query") return queryCommand(rest);
    throw std::invalid_argument("usage: oqs parse FILE | oqs query --root DIR --insurer N --number N [--symbol S] "
                                "[--branch B] --birth YYYY-MM-DD [--timeout-ms MS] [--today YYYY-MM-DD]");
}

}  // namespace madoguchi::cli
