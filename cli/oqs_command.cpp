// madoguchi-cli oqs parse FILE: decodes an online-qualification result file as JSON.
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "commands.h"
#include "devices/gateway/result_json.h"
#include "devices/gateway/result_xml.h"
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
    auto result = gateway::parseResultXml(bytes.value(), codes.value());
    if (!result) {
        std::cerr << "oqs parse: " << args[0] << ": " << result.problem().message << "\n";
        return kBadInput;
    }
    printJson(*gateway::resultToJson(result.value()));
    return kOk;
}

}  // namespace

int runOqs(const Arguments& args) {
    if (!args.empty() && args[0] == "parse") return parseCommand(Arguments(args.begin() + 1, args.end()));
    throw std::invalid_argument("usage: oqs parse FILE");
}

}  // namespace madoguchi::cli
