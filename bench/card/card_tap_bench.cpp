// bench_card [--taps N] [--url http://127.0.0.1:PORT]: N card taps through the real PC/SC stack.
//   without --url: connect -> read the auth certificate -> PIN retry counter -> VERIFY -> sign a
//                  fresh challenge;
//   with --url:    connect -> PIN retry counter -> VERIFY -> the direct card check against the
//                  gateway simulator (read the certificate, challenge, sign, HTTP check, parse the
//                  result XML): card tap to eligibility result.
// Prints p50 / p95 / max in ms and the APDUs per tap. The stack (pcscd, vpcd, the virtual card,
// the simulator) is started by run_card_bench.sh. The PIN is read from standard input (demo card).
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/resources.h"
#include "devices/card/card_session.h"
#include "devices/gateway/http_card_check_client.h"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

bool signLocally(CardReader& card) {
    if (!card.readAuthCertificate()) return false;
    std::vector<std::uint8_t> challenge(32);
    RAND_bytes(challenge.data(), static_cast<int>(challenge.size()));
    return card.signWithAuthKey(challenge).ok();
}

double msSince(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

struct Phases {  // ms per tap
    std::vector<double> connect, pin, rest;
};

bool oneTap(card::PcscContext& context, const std::string& pinText, gateway::HttpCardCheckClient* gateway,
            std::size_t& apdus, Phases& phases) {
    auto start = Clock::now();
    auto reader = context.waitForCard(std::chrono::seconds(5));
    if (!reader) return false;
    auto session = card::PcscCardSession::open(context, reader.value());
    if (!session) return false;
    phases.connect.push_back(msSince(start));
    start = Clock::now();
    auto& card = session.value()->card();
    if (!card.pinTriesLeft()) return false;
    SecretBuffer pin;
    pin.assign(pinText);
    auto verified = card.verifyPin(pin);
    if (!verified || !verified.value().accepted) return false;
    phases.pin.push_back(msSince(start));
    start = Clock::now();
    if (gateway) {
        auto answer = gateway->check(card);
        if (!answer) {
            std::cerr << "bench_card: " << answer.problem().code << '\n';
            return false;
        }
        if (!answer.value().result.isConfirmed()) return false;
    } else if (!signLocally(card)) {
        return false;
    }
    phases.rest.push_back(msSince(start));
    apdus = session.value()->apduCount();
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    int taps = 100;
    std::string url;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--taps") taps = std::max(1, std::stoi(argv[i + 1]));
        if (std::string(argv[i]) == "--url") url = argv[i + 1];
    }
    std::unique_ptr<gateway::HttpCardCheckClient> gateway;
    if (!url.empty()) {
        auto codes = app::loadCodeTables();
        if (!codes) {
            std::cerr << "bench_card: " << codes.problem().message << '\n';
            return 1;
        }
        gateway = std::make_unique<gateway::HttpCardCheckClient>(
            url, codes.value(), gateway::CardCheckTrust{app::resourcePath("demo/ca/demo_ca.cert.pem"), false});
    }
    std::string pin;
    std::getline(std::cin, pin);
    auto context = card::PcscContext::establish();
    if (!context) {
        std::cerr << "bench_card: " << context.problem().message << '\n';
        return 1;
    }
    std::vector<double> ms;
    std::size_t apdus = 0;
    Phases phases;
    for (int i = 0; i < taps; ++i) {
        const auto start = Clock::now();
        if (!oneTap(*context.value(), pin, gateway.get(), apdus, phases)) {
            std::cerr << "bench_card: tap " << i << " failed\n";
            return 1;
        }
        ms.push_back(msSince(start));
    }
    if (gateway)
        std::printf("card tap to eligibility result: %d taps  (connect, PIN counter, VERIFY, read certificate, "
                    "challenge, sign, HTTP check, result XML parsed)\n", taps);
    else
        std::printf("card taps: %d  (connect, PIN counter, VERIFY, read certificate, sign)\n", taps);
    std::printf("p50 %.1f ms  p95 %.1f ms  max %.1f ms  APDUs per tap %zu\n", percentile(ms, 0.5),
                percentile(ms, 0.95), *std::max_element(ms.begin(), ms.end()), apdus);
    std::printf("p50 by phase: connect %.1f ms, PIN counter + VERIFY %.1f ms, %s %.1f ms\n", percentile(phases.connect, 0.5),
                percentile(phases.pin, 0.5), gateway ? "certificate + challenge + sign + HTTP check" : "certificate + sign",
                percentile(phases.rest, 0.5));
    return 0;
}
