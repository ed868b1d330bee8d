// madoguchi-cli sim card: a virtual My Number card in pcscd's vpcd reader, and its profiles.
//   sim card --profile FILE [--host 127.0.0.1] [--port 35963] [--pull-after N]
//       SIGUSR1 toggles insertion (removal / insertion), SIGTERM / SIGINT stop.
//   sim card --make-profiles --dataset F --ca-key K --ca-cert C --out DIR [--pin 1234]
//       each profile also gets 照合番号B's parts and a synthetic JPEG 2000 portrait
#include <csignal>
#include <iostream>
#include <stdexcept>

#include "arguments.h"
#include "commands.h"
#include "devices/card/sim/vpcd_client.h"
#include "json_output.h"

namespace madoguchi::cli {
namespace {

card::sim::VpcdControl* activeControl = nullptr;

extern "C" void onSignal(int number) {
    if (!activeControl) return;
    if (number == SIGUSR1) activeControl->toggleInsertion = true;
    else activeControl->stop = true;
}

int makeProfiles(const Options& options) {
    auto written = card::sim::makeProfiles(options.required("--dataset"), options.required("--ca-key"),
                                           options.required("--ca-cert"), options.required("--out"),
                                           options.value("--pin").value_or("1234"));
    if (!written) {
        std::cerr << "madoguchi-cli: " << written.problem().message << '\n';
        return kBadInput;
    }
    Poco::JSON::Object json;
    json.set("profiles_written", written.value());
    json.set("out", options.required("--out"));
    printJson(json);
    return kOk;
}

}  // namespace

int runSimCard(const Arguments& args) {
    Options options(args, {"--profile", "--host", "--port", "--pull-after", "--dataset", "--ca-key", "--ca-cert", "--out", "--pin"},
                    {"--make-profiles"});
    if (options.flag("--make-profiles")) return makeProfiles(options);
    auto profile = card::sim::loadProfile(options.required("--profile"));
    if (!profile) {
        std::cerr << "madoguchi-cli: " << profile.problem().message << '\n';
        return kBadInput;
    }
    card::sim::VpcdOptions vpcd;
    vpcd.host = options.value("--host").value_or("127.0.0.1");
    vpcd.port = numberOption(options, "--port", 35963, 1, 65535);
    vpcd.pullAfterApdus = numberOption(options, "--pull-after", -1, 1, 1'000'000);
    card::sim::VirtualMyNumberCard card(std::move(profile).value());
    card.setLog(&std::cerr);  // SELECT by AID only: a refused 券面事項入力補助AP shows there
    card::sim::VpcdControl control;
    activeControl = &control;
    std::signal(SIGUSR1, onSignal);
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    const int result = card::sim::runVpcdCard(card, vpcd, control, std::cerr);
    activeControl = nullptr;
    return result == 0 ? kOk : kNegative;
}

}  // namespace madoguchi::cli
