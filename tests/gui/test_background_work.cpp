// BackgroundWork, the window's one concurrency helper: a worker's exception reaches the GUI
// thread as an error, a closed window drops what was on its way to it, stopping is immediate for
// work that honours its token — the HTTP card lookup included, whose deadline covers the whole
// exchange.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <future>
#include <stdexcept>

#include <wx/app.h>
#include <wx/frame.h>
#include <wx/weakref.h>

#include "app/resources.h"
#include "devices/gateway/demo_dataset.h"
#include "gui/app/background_work.h"
#include "gui/demo/demo_cards.h"
#include "gui/reception/http_card_lookup.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

// A loopback port that accepts connections (the kernel completes them) and never answers.
class SilentServer {
public:
    SilentServer() {
        fd_ = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 || listen(fd_, 8) != 0)
            throw std::runtime_error("the silent server could not listen");
        socklen_t length = sizeof(address);
        getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { close(fd_); }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    int fd() const { return fd_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

// A loopback server that answers every connection one byte at a time, a byte every 100 ms, for
// a minute: each read gets something long before any per-read timeout.
class DrippingServer {
public:
    DrippingServer() : drip_([this](std::stop_token stop) { serve(stop); }) {}
    ~DrippingServer() {
        drip_.request_stop();
        shutdown(listening_.fd(), SHUT_RDWR);  // ends an accept() still waiting
    }
    std::string url() const { return listening_.url(); }

private:
    void serve(const std::stop_token& stop) {
        const int client = accept(listening_.fd(), nullptr, nullptr);
        if (client < 0) return;
        const std::string answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        for (int i = 0; i < 600 && !stop.stop_requested(); ++i) {
            const char byte = answer[static_cast<std::size_t>(i) % answer.size()];
            if (send(client, &byte, 1, MSG_NOSIGNAL) != 1) break;
            waitUnlessStopped(stop, std::chrono::milliseconds(100));
        }
        close(client);
    }
    SilentServer listening_;
    std::jthread drip_;
};

// The test servers speak plain HTTP on loopback: allowed to a client in demo mode only.
const madoguchi::gateway::CardCheckTrust kPlainLoopbackInDemo{{}, true};

// A demo card after its PIN, ready for the card check.
struct CardAfterPin {
    CardAfterPin() {
        const CodeTables codes = app::loadCodeTables().value();
        auto dataset = gateway::DemoDataset::load(app::resourcePath("demo/oqs_dataset.json"), codes);
        BOOST_REQUIRE(dataset);
        auto tapped = cards.tap(*dataset.value().byId("P001"));
        BOOST_REQUIRE(tapped);
        card = tapped.value();
        SecretBuffer pin;
        pin.assign(kDemoCardPin);
        BOOST_REQUIRE(card->reader().verifyPin(pin));
        auto read = card->reader().readAuthCertificate();
        BOOST_REQUIRE(read);
        certificate = read.value();
    }
    test::TempFolder folder;
    DemoCards cards{folder.path()};
    std::shared_ptr<TappedCard> card;
    std::optional<AuthCertificateInfo> certificate;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(BackgroundWorkOfAWindow)

BOOST_AUTO_TEST_CASE(AnExceptionInTheWorkReachesTheGuiThreadAsAnError) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "work");
    BackgroundWork work(*frame);
    bool done = false, failedOnGuiThread = false;
    std::string failure;
    work.run<int>([](std::stop_token) -> int { throw std::runtime_error("the card reader fell off the desk"); },
                  [&](int) { done = true; },
                  [&](std::exception_ptr error) {
                      failedOnGuiThread = wxIsMainThread();
                      failure = describeFailure(error);
                  });
    MADOGUCHI_REQUIRE_EVENTUALLY(!failure.empty());
    BOOST_CHECK_EQUAL(failure, "the card reader fell off the desk");
    BOOST_CHECK(failedOnGuiThread);
    BOOST_CHECK(!done);
    work.stopAll();
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(AResultComesBackOnTheGuiThread) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "work");
    BackgroundWork work(*frame);
    std::optional<int> result;
    bool onGuiThread = false;
    work.run<int>([](std::stop_token) { return wxIsMainThread() ? -1 : 42; },
                  [&](int value) {
                      onGuiThread = wxIsMainThread();
                      result = value;
                  },
                  [](std::exception_ptr) {});
    MADOGUCHI_REQUIRE_EVENTUALLY(result.has_value());
    BOOST_CHECK_EQUAL(*result, 42);  // computed off the GUI thread
    BOOST_CHECK(onGuiThread);
    work.stopAll();
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(AClosedWindowDropsTheContinuation) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "work");
    wxWeakRef<wxFrame> alive(frame);
    auto work = std::make_unique<BackgroundWork>(*frame);
    std::vector<int> delivered;
    std::promise<void> windowClosed;
    auto closed = windowClosed.get_future().share();
    bool markerRan = false;
    work->watch<int>(
        [closed, &markerRan](std::stop_token, const std::function<void(int)>& emit) {
            emit(1);
            closed.wait();
            emit(2);  // queued for a window that is gone
            // Queued after the continuation above: once it ran, that one was handled first.
            wxTheApp->CallAfter([&markerRan] { markerRan = true; });
        },
        [&](int item) { delivered.push_back(item); }, [](std::exception_ptr) {});
    MADOGUCHI_REQUIRE_EVENTUALLY(delivered.size() == 1);
    frame->Destroy();
    MADOGUCHI_REQUIRE_EVENTUALLY(!alive);
    windowClosed.set_value();
    MADOGUCHI_REQUIRE_EVENTUALLY(markerRan);
    BOOST_CHECK_EQUAL(delivered.size(), 1u);
    BOOST_CHECK_EQUAL(delivered.front(), 1);
    work.reset();  // joins the finished worker
}

BOOST_AUTO_TEST_CASE(NothingStartsOrArrivesAfterStopAll) {
    auto* frame = new wxFrame(nullptr, wxID_ANY, "work");
    BackgroundWork work(*frame);
    bool delivered = false;
    work.run<int>(
        [](std::stop_token stop) {
            while (!stop.stop_requested()) waitUnlessStopped(stop, std::chrono::milliseconds(100));
            return 1;
        },
        [&](int) { delivered = true; }, [](std::exception_ptr) {});
    work.stopAll();  // raises the token and waits for the worker: its result is dropped
    bool ranAfterStop = false;
    auto refused = work.run<int>([&](std::stop_token) { ranAfterStop = true; return 2; }, [&](int) { delivered = true; },
                                 [](std::exception_ptr) {});
    BOOST_CHECK(refused.stop_requested());
    bool markerRan = false;
    wxTheApp->CallAfter([&] { markerRan = true; });
    MADOGUCHI_REQUIRE_EVENTUALLY(markerRan);
    BOOST_CHECK(!delivered);
    BOOST_CHECK(!ranAfterStop);
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(StoppingEndsACardLookupTheGatewayNeverAnswers) {
    SilentServer gateway;
    CardAfterPin tapped;
    // A deadline far beyond the test's patience: only the stop can end the exchange.
    HttpCardLookup lookup(gateway.url(), app::loadCodeTables().value(), kPlainLoopbackInDemo, std::chrono::minutes(10));
    auto* frame = new wxFrame(nullptr, wxID_ANY, "work");
    BackgroundWork work(*frame);
    std::optional<GatewayAnswer> answer;
    std::atomic<bool> started{false};
    auto stop = work.run<GatewayAnswer>(
        [&](std::stop_token token) {
            started = true;
            return lookup.lookup(tapped.card->reader(), *tapped.certificate, token);
        },
        [&](GatewayAnswer a) { answer = std::move(a); }, [](std::exception_ptr) {});
    MADOGUCHI_REQUIRE_EVENTUALLY(started.load());
    stop.request_stop();
    BOOST_REQUIRE_MESSAGE(test::pumpUntil([&] { return answer.has_value(); }, std::chrono::seconds(30)),
                          "the stopped lookup did not return");
    BOOST_CHECK(answer->kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_MESSAGE(answer->failure.find("stopped") != std::string::npos, answer->failure);
    work.stopAll();
    frame->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_CASE(TheDeadlineCoversTheWholeExchangeNotEachRead) {
    DrippingServer gateway;  // never a pause long enough for a per-read timeout
    CardAfterPin tapped;
    HttpCardLookup lookup(gateway.url(), app::loadCodeTables().value(), kPlainLoopbackInDemo, std::chrono::seconds(1));
    GatewayAnswer answer = lookup.lookup(tapped.card->reader(), *tapped.certificate, {});
    BOOST_CHECK(answer.kind == GatewayAnswer::Kind::Failed);
    BOOST_CHECK_MESSAGE(answer.failure.find("in time") != std::string::npos, answer.failure);
}

BOOST_AUTO_TEST_SUITE_END()
