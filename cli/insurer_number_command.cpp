// madoguchi-cli insurer-number check NUMBER
#include <iostream>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "domain/insurer_number.h"
#include "json_output.h"

namespace madoguchi::cli {

int runInsurerNumber(const Arguments& args) {
    Options options(args, {}, {});
    const auto& words = options.positional();
    if (words.size() != 2 || words[0] != "check") throw std::invalid_argument("usage: insurer-number check NUMBER");
    auto parsed = InsurerNumber::parse(words[1]);
    Poco::JSON::Object json;
    json.set("input", words[1]);
    json.set("valid", parsed.ok());
    if (parsed) {
        json.set("normalized", parsed.value().digits());
        json.set("gateway_form", parsed.value().gatewayForm());
        json.set("kind", std::string(insurerKindName(parsed.value().kind())));
    } else {
        json.set("normalized", Poco::Dynamic::Var());
        json.set("kind", Poco::Dynamic::Var());
        json.set("reason", parsed.problem().message);
        json.set("reason_code", parsed.problem().code);
        std::cerr << "insurer-number: " << parsed.problem().message << "\n";
    }
    printJson(json);
    return parsed ? kOk : kNegative;
}

}  // namespace madoguchi::cli
