// bench_card [--taps N] [--pin-stdin]: N card taps through the real PC/SC stack, each one
// connect -> read the auth certificate -> PIN retry counter -> VERIFY -> sign a fresh challenge,
// and prints p50 / p95 / max in ms and the APDUs per tap. The stack (pcscd, vpcd, the virtual
// card) is started by run_card_bench.sh. The PIN is read from standard input (demo card).
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "devices/card/card_session.h"

using namespace madoguchi;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[index];
}

bool oneTap(card::PcscContext& context, const std::string& pinText, std::size_t& apdus) {
    auto reader = context.waitForCard(std::chrono::seconds(5));
    if (!reader) return false;
    auto session = card::PcscCardSession::open(context, reader.value());
    if (!session) return false;
    auto& card = session.value()->card();
    if (!card.readAuthCertificate() || !card.pinTriesLeft()) return false;
    std::string pin = pinText;
    auto verified = card.verifyPin(pin);
    if (!verified || !verified.value().accepted) return false;
    std::vector<std::uint8_t> challenge(32);
    RAND_bytes(challenge.data(), static_cast<int>(challenge.size()));
    if (!card.signWithAuthKey(challenge)) return false;
    apdus = session.value()->apduCount();
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    int taps = 100;
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--taps") taps = std::max(1, std::stoi(argv[i + 1]));
    std::string pin;
    std::getline(std::cin, pin);
    auto context = card::PcscContext::establish();
    if (!context) {
        std::cerr << "bench_card: " << context.problem().message << '\n';
        return 1;
    }
    std::vector<double> ms;
    std::size_t apdus = 0;
    for (int i = 0; i < taps; ++i) {
        const auto start = Clock::now();
        if (!oneTap(*context.value(), pin, apdus)) {
            std::cerr << "bench_card: tap " << i << " failed\n";
            return 1;
        }
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::printf("card taps: %d  (connect, read certificate, PIN counter, VERIFY, sign)\n", taps);
    std::printf("p50 %.1f ms  p95 %.1f ms  max %.1f ms  APDUs per tap %zu\n", percentile(ms, 0.5),
                percentile(ms, 0.95), *std::max_element(ms.begin(), ms.end()), apdus);
    return 0;
}
