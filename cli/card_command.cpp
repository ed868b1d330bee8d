// madoguchi-cli card: the My Number card on a PC/SC reader (first reader with a card).
//   card read        [--wait-ms N] [--on YYYY-MM-DD] [--der-out FILE]
//   card pin-status  [--wait-ms N]
//   card verify-pin  [--wait-ms N]           (the PIN is read from standard input, never argv)
//   card check --url https://HOST:N --gateway-ca PEM [--demo] [--wait-ms N] [--timeout-ms N] [--xml-out FILE]
//       the direct card check: PIN from standard input, then the gateway's challenge signed by
//       the card, checked by the gateway (`sim oqs --http-port N`); prints the result as JSON.
//       The gateway's TLS certificate must chain to --gateway-ca; --demo allows http:// to loopback.
#include <Poco/JSON/Object.h>

#include <fstream>
#include <iostream>
#include <stdexcept>

#include "app/resources.h"
#include "arguments.h"
#include "commands.h"
#include "devices/camera/face_module.h"
#include "devices/card/my_number_card.h"
#include "devices/gateway/http_card_check_client.h"
#include "devices/gateway/result_json.h"
#include "domain/certificate_rules.h"
#include "json_output.h"

namespace madoguchi::cli {
namespace {

int fail(const Problem& problem) {
    Poco::JSON::Object json;
    json.set("error", problem.code);
    json.set("message", problem.message);
    printJson(json);
    return kNegative;
}

std::chrono::milliseconds waitOption(const Options& options) {
    const auto text = options.value("--wait-ms").value_or("5000");
    std::size_t used = 0;
    long ms = -1;
    try {
        ms = std::stol(text, &used);
    } catch (const std::exception&) {
    }
    if (used != text.size() || ms < 0 || ms > 600000) throw std::invalid_argument("--wait-ms must be 0..600000");
    return std::chrono::milliseconds(ms);
}

void setCertificate(Poco::JSON::Object& json, const AuthCertificateInfo& info, const std::optional<Date>& on) {
    json.set("serial_hex", info.serialHex);
    json.set("issuer", info.issuer);
    json.set("subject", info.subject);
    json.set("not_before", info.notBefore.iso());
    json.set("not_after", info.notAfter.iso());
    json.set("der_length", static_cast<int>(info.der.size()));
    if (on) {
        const auto standing = certificateStandingOn(info.notAfter, *on);
        json.set("standing", std::string(certificateStandingName(standing)));
        json.set("alert", certificateAlertApplies(standing));
        json.set("usable_for_eligibility", certificateUsableForEligibility(standing));
    }
}

// The PIN goes from standard input straight into a SecretBuffer, one character at a time.
Outcome<PinVerification> verifyFromStdin(card::PcscMyNumberCard& myNumber) {
    SecretBuffer pin;
    for (int c = std::cin.get(); c != EOF && c != '\n' && c != '\r'; c = std::cin.get())
        if (!pin.push(static_cast<char>(c))) break;
    return myNumber.verifyPin(pin);  // wiped inside
}

// The direct card check after an accepted PIN: the result JSON (keys as in `oqs parse`).
Outcome<bool> checkWithGateway(card::PcscMyNumberCard& myNumber, const Options& options, Poco::JSON::Object& json) {
    auto codes = app::loadCodeTables();
    if (!codes) return codes.problem();
    const auto timeout = std::chrono::milliseconds(numberOption(options, "--timeout-ms", 10000, 1, 600000));
    gateway::CardCheckTrust trust{options.value("--gateway-ca").value_or(""), options.flag("--demo")};
    gateway::HttpCardCheckClient client(options.required("--url"), codes.value(), trust, timeout);
    auto answer = client.check(myNumber);
    if (!answer) return answer.problem();
    json.set("result", gateway::resultToJson(answer.value().result));
    if (auto out = options.value("--xml-out")) {
        std::ofstream file(*out, std::ios::binary);
        file << answer.value().rawXml;
    }
    return true;
}

camera::FrameSource frameSource(const Options& options) {
    if (auto file = options.value("--camera-image")) return camera::FrameSource::imageFile(*file);
    return camera::FrameSource::camera(numberOption(options, "--camera", 0, 0, 63));
}

// The face check as the window runs it: the portrait lives in memory for this one check only.
Outcome<bool> faceCheckFromStdin(card::PcscMyNumberCard& myNumber, FaceVerifier& verifier, Poco::JSON::Object& json) {
    std::string number;
    std::getline(std::cin, number);
    auto read = myNumber.readPortrait(number);  // wiped inside
    if (!read) return read.problem();
    auto portrait = std::move(read).value();
    json.set("accepted", portrait.verification.accepted);
    if (!portrait.verification.accepted) {
        json.set("tries_left", portrait.verification.triesLeft);
        return true;
    }
    auto check = verifier.verifyAgainst(portrait.portrait);  // wiped inside
    if (!check) return check.problem();
    json.set("matched", check.value().matched);
    json.set("score", check.value().score);
    return true;
}

}  // namespace

int runCard(const Arguments& args) {
    if (args.empty())
        throw std::invalid_argument("card needs a subcommand: read, pin-status, verify-pin, check, portrait-status or face-check");
    const std::string sub = args.front();
    Options options(Arguments(args.begin() + 1, args.end()), {"--wait-ms", "--on", "--der-out", "--url", "--gateway-ca", "--timeout-ms", "--xml-out", "--camera-image", "--camera"}, {"--demo"});
    std::optional<Date> on;
    if (auto text = options.value("--on")) {
        on = Date::parseIso(*text);
        if (!on) throw std::invalid_argument("--on must be a date YYYY-MM-DD");
    }
    // No subcommand writes the portrait or signs bytes of the caller's choosing (issue #14): the
    // tests' madoguchi-testcard does that and is never installed.
    if (sub != "read" && sub != "pin-status" && sub != "verify-pin" && sub != "check" && sub != "portrait-status" &&
        sub != "face-check")
        throw std::invalid_argument("unknown card subcommand: " + sub);
    if (sub == "check") options.required("--url");
    // The face check's module (OpenCV) is opened only for face-check, and before the card is
    // asked for, so that a missing module is said at once.
    std::unique_ptr<FaceVerifier> verifier;
    if (sub == "face-check") {
        auto loaded = camera::loadFaceVerifier(app::faceModulePath(), frameSource(options));
        if (!loaded) return fail(loaded.problem());
        verifier = std::move(loaded).value();
    }

    auto context = card::PcscContext::establish();
    if (!context) return fail(context.problem());
    auto readerName = context.value()->waitForCard(waitOption(options));
    if (!readerName) return fail(readerName.problem());
    auto reader = context.value()->connect(readerName.value());
    if (!reader) return fail(reader.problem());
    card::PcscMyNumberCard myNumber(*reader.value());
    Poco::JSON::Object json;
    json.set("reader", readerName.value());

    if (sub == "read") {
        auto info = myNumber.readAuthCertificate();
        if (!info) return fail(info.problem());
        setCertificate(json, info.value(), on);
        if (auto out = options.value("--der-out")) {
            std::ofstream file(*out, std::ios::binary);
            file.write(reinterpret_cast<const char*>(info.value().der.data()), static_cast<std::streamsize>(info.value().der.size()));
        }
    } else if (sub == "face-check") {
        auto checked = faceCheckFromStdin(myNumber, *verifier, json);
        if (!checked) return fail(checked.problem());
    } else if (sub == "portrait-status") {
        auto tries = myNumber.cardFaceTriesLeft();
        if (!tries) return fail(tries.problem());
        json.set("tries_left", tries.value());
    } else if (sub == "pin-status") {
        auto tries = myNumber.pinTriesLeft();
        if (!tries) return fail(tries.problem());
        json.set("tries_left", tries.value());
    } else {
        auto verified = verifyFromStdin(myNumber);
        if (!verified) return fail(verified.problem());
        json.set("accepted", verified.value().accepted);
        json.set("tries_left", verified.value().triesLeft);
        if (sub == "check" && verified.value().accepted) {
            auto checked = checkWithGateway(myNumber, options, json);
            if (!checked) return fail(checked.problem());
        }
    }
    json.set("apdus", static_cast<int>(reader.value()->apduCount()));
    printJson(json);
    return kOk;
}

}  // namespace madoguchi::cli
