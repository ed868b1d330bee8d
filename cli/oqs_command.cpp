// madoguchi-cli oqs parse FILE: decodes any online-qualification message (result, face file,
// request, bulk, 照会番号 registration; detected by name prefix or content) as JSON. It shows
// patient data, so it signs in (ViewEligibility) and is audited (oqs.parse: who, --patient, the
// file) like `druginfo parse`.
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "arguments.h"
#include "command_clock.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/folder_safety.h"
#include "commands.h"
#include "devices/gateway/result_json.h"
#include "devices/gateway/message_kind.h"
#include "json_output.h"
#include "sign_in.h"

namespace madoguchi::cli {
namespace {

int parseCommand(const Arguments& args) {
    Options options(args, withSignInOptions({"--db", "--patient"}), {});
    if (options.positional().size() != 1) throw std::invalid_argument("usage: oqs parse FILE");
    const std::string& path = options.positional()[0];
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    auto bytes = app::readTextFile(path);
    signInToShowFile(options, "oqs.parse", path);
    if (!bytes) {
        std::cerr << "oqs parse: " << bytes.problem().message << "\n";
        return kBadInput;
    }
    auto kind = gateway::detectMessageKind(path, bytes.value());
    auto json = gateway::messageToJson(kind, bytes.value(), codes.value());
    if (!json) {
        std::cerr << "oqs parse: " << path << " (" << gateway::messageKindName(kind) << "): " << json.problem().message
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
                           "--institution", kTodayOption, "--encoding"}, {});
    auto encoding = gateway::requestEncodingFromName(options.value("--encoding").value_or("auto"));
    if (!encoding) throw std::invalid_argument("--encoding must be utf-8, shift_jis or auto");
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    auto card = InsuredCardNumbers::parse(options.value("--symbol").value_or(""), options.required("--number"),
                                          options.value("--branch").value_or(""));
    if (!card) throw std::invalid_argument(card.problem().message);
    auto insurer = InsurerNumber::parse(options.required("--insurer"));
    if (!insurer) throw std::invalid_argument(insurer.problem().message);
    const CommandClock clock(options);
    gateway::FolderEligibilityGateway gateway({options.requiredPath("--root")},
                                              options.value("--institution").value_or("1312345678"), codes.value(), clock,
                                              *encoding);
    for (const auto& warning : gateway::folderSafetyWarnings(gateway::FolderLayout{options.requiredPath("--root")}))
        std::cerr << "oqs query: warning: " << warning << "\n";
    NumberQuery query{{insurer.value().digits(), card.value()}, requiredDate(options, "--birth"), clock.now().date, false, ""};
    auto answer = gateway.query(query, std::chrono::milliseconds(std::stoi(options.value("--timeout-ms").value_or("5000"))));
    if (answer.kind == GatewayAnswer::Kind::Answered) {
        printJson(*gateway::resultToJson(*answer.result));
        return kOk;
    }
    bool pending = answer.kind == GatewayAnswer::Kind::Pending;
    std::cerr << "oqs query: " << (pending ? "no answer yet; the request stays pending (never resent): "
                                           : "the request failed: ")
              << answer.requestId << (answer.failure.empty() ? "" : " — " + answer.failure) << "\n";
    return pending ? kNegative : kBadInput;
}

}  // namespace

int runOqs(const Arguments& args) {
    Arguments rest = args.empty() ? args : Arguments(args.begin() + 1, args.end());
    if (!args.empty() && args[0] == "parse") return parseCommand(rest);
    if (!args.empty() && args[0] == "query") return queryCommand(rest);
    throw std::invalid_argument("usage: oqs parse FILE --db J (--user U | --session S) [--patient ID] | oqs query --root DIR --insurer N --number N [--symbol S] "
                                "[--branch B] --birth YYYY-MM-DD [--timeout-ms MS] [--today YYYY-MM-DD]\n"
                                "      [--encoding utf-8|shift_jis|auto]");
}

}  // namespace madoguchi::cli
