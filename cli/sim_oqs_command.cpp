// madoguchi-cli sim oqs: the terminal's 連携アプリ, answering req/ in res/ from the demo dataset.
#include <atomic>
#include <csignal>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "app/resources.h"
#include "app/system_clock.h"
#include "arguments.h"
#include "commands.h"
#include "devices/gateway/terminal_simulator.h"

namespace madoguchi::cli {
namespace {

std::atomic<bool> stopRequested{false};
void requestStop(int) { stopRequested = true; }

gateway::TerminalSimulator makeSimulator(const Options& options, const Clock& clock) {
    auto codes = app::loadCodeTables();
    if (!codes) throw std::runtime_error(codes.problem().message);
    std::string datasetPath = options.value("--dataset").value_or(app::resourcePath("demo/oqs_dataset.json").string());
    auto dataset = gateway::DemoDataset::load(datasetPath, codes.value());
    if (!dataset) throw std::invalid_argument(dataset.problem().message);
    return gateway::TerminalSimulator(gateway::FolderLayout{options.required("--root")}, std::move(dataset).value(),
                                      codes.value(), clock);
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
    Options options(args, {"--root", "--dataset", "--face", "--method"}, {"--once"});
    app::SystemClock clock;
    auto simulator = makeSimulator(options, clock);
    if (options.value("--face")) return dropFace(simulator, options);
    if (options.flag("--once")) {
        std::cout << "{\"answered\": " << simulator.serveOnce() << "}\n";
        return kOk;
    }
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    std::cerr << "sim oqs: answering " << options.required("--root") << "/req in res/ (Ctrl+C stops)\n";
    while (!stopRequested) {
        simulator.serveOnce();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return kOk;
}

}  // namespace madoguchi::cli
