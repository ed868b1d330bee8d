// madoguchi-cli sim oqs: the terminal's 連携アプリ, answering req/ in res/ from the demo dataset.
//   sim oqs --root DIR [--dataset FILE] [--today YYYY-MM-DD] [--once] [--face ID --method face|pin|visual]
//           [--answer-encoding utf-8|shift_jis] [--face-trash DIR [--face-trash-after-ms N]]
//       the terminal's habits: answers and face files in Shift_JIS; face files moved to DIR (as an
//       electronic chart sharing face/ does) N ms after they appear
//   sim oqs --root DIR [--bulk-processing-asks N] [--bulk-zip]
//       bulk jobs (OQSmuquc01/02): the first N downloads answer "still processing"; answers as .zip
//   sim oqs --root DIR --http-port N [--ca-cert PEM] [--tls-cert PEM --tls-key PEM] [--challenge-ttl-ms N]
//       also serves the direct card check on https://127.0.0.1:N (0 picks a free port; printed as
//       {"http_port": N, "url": "https://127.0.0.1:N"} on standard output). The card CA and the
//       server's TLS certificate and key default to resources/demo/ca (demo_ca, demo_gateway).
#include <atomic>
#include <csignal>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "app/resources.h"
#include "arguments.h"
#include "command_clock.h"
#include "commands.h"
#include "devices/gateway/card_check_http_server.h"
#include "devices/gateway/terminal_simulator.h"

namespace madoguchi::cli {
namespace {

std::atomic<bool> stopRequested{false};
void requestStop(int) { stopRequested = true; }

CodeTables codeTables() {
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    return codes.value();
}

gateway::TerminalSimulator makeSimulator(const Options& options, const CodeTables& codes, const Clock& clock) {
    std::string datasetPath = options.value("--dataset").value_or(app::resourcePath("demo/oqs_dataset.json").string());
    auto dataset = gateway::DemoDataset::load(datasetPath, codes);
    if (!dataset) throw std::invalid_argument(dataset.problem().message);
    gateway::TerminalHabits habits;
    auto encoding = gateway::requestEncodingFromName(options.value("--answer-encoding").value_or("utf-8"));
    if (!encoding || *encoding == gateway::RequestEncoding::FollowResults)
        throw std::invalid_argument("--answer-encoding must be utf-8 or shift_jis");
    habits.answerEncoding = *encoding == gateway::RequestEncoding::ShiftJis ? gateway::PrologEncoding::ShiftJis
                                                                            : gateway::PrologEncoding::Utf8;
    habits.faceTrash = options.value("--face-trash").value_or("");
    habits.faceTrashAfter = std::chrono::milliseconds(numberOption(options, "--face-trash-after-ms", 2000, 0, 600000));
    habits.bulkStillProcessingAsks = numberOption(options, "--bulk-processing-asks", 0, 0, 1000);
    habits.bulkAnswerAsZip = options.flag("--bulk-zip");
    return gateway::TerminalSimulator(gateway::FolderLayout{options.requiredPath("--root")}, std::move(dataset).value(),
                                      codes, clock, habits);
}

// The direct card check on 127.0.0.1, over the simulator's dataset.
struct CardCheckEndpoint {
    std::unique_ptr<gateway::CardCheckService> service;
    std::unique_ptr<gateway::CardCheckHttpServer> server;
};

CardCheckEndpoint startCardCheck(const Options& options, const gateway::TerminalSimulator& simulator,
                                 const CodeTables& codes, const Clock& clock) {
    const auto caPath = options.value("--ca-cert").value_or(app::resourcePath("demo/ca/demo_ca.cert.pem").string());
    auto verifier = gateway::CardCertificateVerifier::fromPemFile(caPath);
    if (!verifier) throw std::invalid_argument(verifier.problem().message);
    const auto lifetime = std::chrono::milliseconds(numberOption(options, "--challenge-ttl-ms", 30000, 1, 600000));
    CardCheckEndpoint endpoint;
    endpoint.service = std::make_unique<gateway::CardCheckService>(simulator.dataset(), codes,
                                                                   std::move(verifier).value(), clock, lifetime);
    const gateway::ServerTls tls{
        options.value("--tls-cert").value_or(app::resourcePath("demo/ca/demo_gateway.cert.pem").string()),
        options.value("--tls-key").value_or(app::resourcePath("demo/ca/demo_gateway.key.pem").string())};
    auto server = gateway::CardCheckHttpServer::start(
        *endpoint.service, static_cast<std::uint16_t>(numberOption(options, "--http-port", 0, 0, 65535)), tls);
    if (!server) throw std::runtime_error(server.problem().message);
    endpoint.server = std::move(server).value();
    std::cout << "{\"http_port\": " << endpoint.server->port() << ", \"url\": \"" << endpoint.server->url() << "\"}"
              << std::endl;
    return endpoint;
}

int dropFace(gateway::TerminalSimulator& simulator, const Options& options) {
    auto method = identityMethodFromName(options.value("--method").value_or("face"));
    if (!method) throw std::invalid_argument("--method must be face, pin or visual");
    auto dropped = simulator.dropFaceResult(options.required("--face"), *method);
    if (!dropped) throw std::invalid_argument(dropped.problem().message);
    std::cout << "{\"face_file\": \"" << dropped.value() << "\"}\n";
    return kOk;
}

}  // namespace

int runSimOqs(const Arguments& args) {
    Options options(args, {"--root", "--dataset", "--face", "--method", "--http-port", "--ca-cert", "--tls-cert", "--tls-key",
                           "--challenge-ttl-ms", kTodayOption, "--answer-encoding", "--face-trash", "--face-trash-after-ms",
                           "--bulk-processing-asks"},
                    {"--once", "--bulk-zip"});
    const CommandClock clock(options);
    const auto codes = codeTables();
    auto simulator = makeSimulator(options, codes, clock);
    if (options.value("--face")) return dropFace(simulator, options);
    if (options.flag("--once")) {
        std::cout << "{\"answered\": " << simulator.serveOnce() << "}\n";
        return kOk;
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    CardCheckEndpoint cardCheck;
    if (options.value("--http-port")) cardCheck = startCardCheck(options, simulator, codes, clock);
    std::cerr << "sim oqs: answering " << options.required("--root") << "/req in res/ (Ctrl+C stops)\n";
    while (!stopRequested) {
        simulator.serveOnce();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return kOk;
}

}  // namespace madoguchi::cli
