// The window as a clinic runs it — FacilityEnvironment, not the demo — against the real stack:
// pcscd with the vsmartcard vpcd reader and a virtual My Number card (`madoguchi-cli sim card`),
// the gateway simulator (`madoguchi-cli sim oqs`) answering on real req/ res/ face/ folders with
// its HTTP card check on a loopback port the kernel chose, and the journal on a real SQLite file.
// Each identity path is walked to a visit in the journal. Its own ctest entry (labels gui and
// pcsc); pcscd listens on a socket private to this test run (tests/pcsc/pcsc_stack.h).
//
// Dates: the window and the simulator run on the same clock: pcsc::kStackToday at the machine's
// time of day (`--today`, app::DayShiftedClock), so every path answers the same whatever the
// machine's date and hour. (A window fixed at 09:30 took no face file the simulator stamped
// before 09:30 - its freshness window: the test failed every night from midnight.)
#include <fstream>
#include <regex>
#include <sstream>

#include <wx/infobar.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "gui/app/facility_environment.h"
#include "gui/app/reception_frame.h"
#include "gui/reception/eligibility_panel.h"
#include "gui/reception/step_panel.h"
#include "gui/settings/language.h"
#include "gui/status/device_status_bar.h"
#include "gui/signin/staff_at_window.h"
#include "app/resources.h"
#include "app/day_shifted_clock.h"
#include "app/system_clock.h"
#include "gui_harness.h"
#include "tests/pcsc/pcsc_stack.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;
namespace pcsc = madoguchi::test;
namespace ui = madoguchi::test;

namespace {

// The card's certificate runs five years up to notAfter (sim card): valid on kStackToday.
const std::vector<pcsc::Person> kCards{{"P-MADO", "123456789012", "2030-03-31"}};

// The simulator's people: the card's serial names its holder for the HTTP card check.
const char* kGatewayDataset = R"({"medical_institution_code": "1312345678", "people": [
  {"id": "P-MADO", "card_serial": "123456789012", "validity": "1", "insurer_number": "01130012",
   "symbol": "1234", "number": "10015", "branch": "00", "name": "窓口　花子", "name_kana": "ﾏﾄﾞｸﾞﾁ ﾊﾅｺ",
   "birth_date": "1980-06-15", "sex": "2"}]})";

const char* kCardPin = "1234";
const char* kStaffId = "uketsuke";
const char* kStaffPassword = "uketsuke-window-1";  // `sim card --make-profiles` default

// `madoguchi-cli sim oqs` on the gateway folders, with its HTTP card check on a port the kernel
// chose (--http-port 0); the URL is read from what it prints.
class GatewaySimulator {
public:
    GatewaySimulator(const pcsc::PcscStack& stack, const std::filesystem::path& root, const std::filesystem::path& dataset)
        : cli_(stack.cli()), root_(root), dataset_(dataset) {
        const auto log = stack.dir() / "sim-oqs.log";
        process_ = std::make_unique<pcsc::ChildProcess>(
            std::vector<std::string>{cli_, "sim", "oqs", "--root", root.string(), "--dataset", dataset.string(),
                                     "--ca-cert", stack.caCertificate().string(), "--http-port", "0", "--today",
                                     pcsc::kStackToday},
            log);
        const std::regex printed("\"url\": \"(https://127\\.0\\.0\\.1:[0-9]+)\"");
        const bool started = ui::pumpUntil(
            [&] {
                std::ifstream in(log);
                std::stringstream text;
                text << in.rdbuf();
                const std::string content = text.str();
                std::smatch match;
                if (std::regex_search(content, match, printed)) url_ = match[1];
                return !url_.empty();
            },
            std::chrono::seconds(30));
        if (!started) throw std::runtime_error("sim oqs printed no URL within 30 s; see " + log.string());
    }
    const std::string& url() const { return url_; }
    // The certified reader's result for `personId` in face/, as the reader writes it.
    void dropFaceResult(const std::string& personId, const std::string& method) const {
        int status = 0;
        pcsc::runAndCapture({cli_, "sim", "oqs", "--root", root_.string(), "--dataset", dataset_.string(), "--face",
                             personId, "--method", method, "--today", pcsc::kStackToday},
                            status);
        BOOST_REQUIRE_MESSAGE(status == 0, "sim oqs --face failed");
    }

private:
    std::string cli_;
    std::filesystem::path root_, dataset_;
    std::unique_ptr<pcsc::ChildProcess> process_;
    std::string url_;
};

// The whole facility for one test; the window is closed (its work stopped) before the
// simulator and pcscd go.
struct FacilityDesk {
    explicit FacilityDesk(IdentitySource source) {
        applyLanguage("ja");
        stack.makeProfiles(kCards);
        const auto gatewayRoot = stack.dir() / "gateway";
        for (const char* folder : {"req", "res", "face"}) std::filesystem::create_directories(gatewayRoot / folder);
        std::ofstream(stack.dir() / "oqs_dataset.json") << kGatewayDataset;
        simulator = std::make_unique<GatewaySimulator>(stack, gatewayRoot, stack.dir() / "oqs_dataset.json");

        AppSettings settings;
        settings.facility = FacilitySettings{"1312345678", "まどぐち内科", FacilityKind::Clinic, FacilityMode::Standard, false};
        settings.identitySource = source;
        settings.gatewayRoot = gatewayRoot;
        settings.cardCheckUrl = simulator->url();
        settings.cardCheckCaFile = app::resourcePath("demo/ca/demo_ca.cert.pem");  // the simulator's TLS issuer
        settings.journalPath = stack.dir() / "journal" / "facility.sqlite3";
        auto environment = FacilityEnvironment::create(settings, stack.dir() / "settings.json", clock);
        BOOST_REQUIRE_MESSAGE(environment, "facility: " << (environment ? "" : environment.problem().message));
        frame = new ReceptionFrame(nullptr, std::move(environment).value());
        frame->SetPosition(wxPoint(0, 0));
        frame->Show();
        MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
        signIn();
    }
    // The receptionist of the day signs in: the window receives nobody before.
    void signIn() const {
        std::string password = kStaffPassword;
        BOOST_REQUIRE(storage::createStaff(frame->environment().journal().database(), {kStaffId, "受付 一", StaffRole::Receptionist},
                                           password)
                          .ok());
        frame->staff().signInPanel()->setCredentials(kStaffId, kStaffPassword);
        BOOST_REQUIRE(frame->staff().signInPanel()->submit());
    }
    ~FacilityDesk() {
        frame->Destroy();
        ui::pumpFor(std::chrono::milliseconds(50));
    }

    const ReceptionSession* session() const { return frame->flow().session(); }
    bool inState(ReceptionState state) const {
        return session() && session()->state() == state && !frame->flow().working();
    }
    // Waits for the state; on a timeout says where the session is and what the window said.
    void reach(ReceptionState state) const {
        const bool reached = ui::pumpUntil([&] { return inState(state); });
        std::string where = session() ? std::string(receptionStateName(session()->state())) : "no session";
        if (session())
            for (const auto& warning : session()->warnings()) where += " | " + warning;
        BOOST_REQUIRE_MESSAGE(reached, "waiting for " << receptionStateName(state) << "; at " << where << " | notice: "
                                                      << frame->flow().notice().utf8_string());
    }
    StepPanel& step() const { return *frame->stepPanel(); }
    bool offers(ChoiceId id) const {
        for (const auto& choice : session()->choices())
            if (choice.id == id) return true;
        return false;
    }
    void type(const std::string& field, const std::string& text) const {
        auto* control = dynamic_cast<wxTextCtrl*>(wxWindow::FindWindowByName(field, frame));
        BOOST_REQUIRE_MESSAGE(control, "no text field " << field);
        control->SetValue(wxString::FromUTF8(text.c_str()));
        ui::pumpEvents();
    }
    void enterPin(const std::string& pin) const {
        step().choose(ChoiceId::IdentityPin);
        reach(S::AwaitingPin);
        type("pin_field", pin);
        step().choose(ChoiceId::EnterPin);
    }
    // The journal's visits, whatever the day (a test may run across midnight).
    VisitList visits() const {
        return frame->environment().journal().visitsBetween(*Date::parseIso("2000-01-01"), *Date::parseIso("2099-12-31"));
    }
    void confirmCopay() const {
        type("copay_points", "1000");
        step().choose(ChoiceId::ConfirmCopay);
        reach(S::Completed);
    }

    app::SystemClock machineClock;
    app::DayShiftedClock clock{machineClock, *Date::parseIso(pcsc::kStackToday)};
    pcsc::PcscStack stack;
    std::unique_ptr<GatewaySimulator> simulator;
    ReceptionFrame* frame = nullptr;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(FacilityWindow)

BOOST_AUTO_TEST_CASE(ACertifiedReadersFaceFileBecomesARecordedOnlineVisit) {
    FacilityDesk window(IdentitySource::CertifiedReaderFolders);
    window.simulator->dropFaceResult("P-MADO", "face");
    window.reach(S::EligibilityConfirmed);
    const std::string shown = window.frame->eligibilityPanel()->shownText().utf8_string();
    BOOST_CHECK_MESSAGE(shown.find("01130012") != std::string::npos, shown);
    ui::saveScreenshot(window.frame, "facility-01-face-file-confirmed");
    window.confirmCopay();

    const auto visits = window.visits();
    BOOST_REQUIRE_EQUAL(visits.size(), 1u);
    BOOST_CHECK_EQUAL(visits[0].identityMethod, "face");
    BOOST_CHECK_EQUAL(visits[0].source, "online_card");
    BOOST_CHECK_EQUAL(visits[0].validity, "1");
    BOOST_CHECK_EQUAL(visits[0].claimRoute, "current");
    BOOST_CHECK_EQUAL(visits[0].shareTenths, 3);
    BOOST_REQUIRE(visits[0].copayYen);
    BOOST_CHECK_EQUAL(*visits[0].copayYen, 3000);
    ui::saveScreenshot(window.frame, "facility-02-face-file-recorded");
}

BOOST_AUTO_TEST_CASE(ACardOnTheDirectReaderWithItsPinIsCheckedOverHttpAndRecorded) {
    FacilityDesk window(IdentitySource::DirectReader);
    window.stack.insert("P-MADO");
    window.reach(S::ChoosingIdentityMethod);
    BOOST_CHECK_EQUAL(window.session()->pinTriesLeft(), 3);
    // The window checks no face with a camera: no face choice, and the step says where faces are checked.
    BOOST_CHECK(!window.offers(ChoiceId::IdentityFace));
    const auto* info = dynamic_cast<wxStaticText*>(wxWindow::FindWindowByName("step_info", window.frame));
    BOOST_REQUIRE(info);
    BOOST_CHECK_MESSAGE(info->GetLabel().utf8_string().find("顔認証付きカードリーダー") != std::string::npos,
                        info->GetLabel().utf8_string());
    ui::saveScreenshot(window.frame, "facility-03-direct-reader-identity");
    window.enterPin(kCardPin);
    window.reach(S::EligibilityConfirmed);
    BOOST_REQUIRE(window.session()->onlineResult());
    BOOST_REQUIRE(!window.session()->onlineResult()->results.empty());
    BOOST_CHECK_EQUAL(window.session()->onlineResult()->results.front().insurerNumber, "01130012");
    ui::saveScreenshot(window.frame, "facility-03-direct-reader-pin-confirmed");
    window.confirmCopay();

    const auto visits = window.visits();
    BOOST_REQUIRE_EQUAL(visits.size(), 1u);
    BOOST_CHECK_EQUAL(visits[0].identityMethod, "pin");
    BOOST_CHECK_EQUAL(visits[0].source, "online_card");
    BOOST_CHECK_EQUAL(visits[0].claimRoute, "current");
    BOOST_CHECK_EQUAL(visits[0].shareTenths, 3);
}

BOOST_AUTO_TEST_CASE(ThreeWrongPinsLockTheCardAndStaffConfirmByLookingThenTheCertificate) {
    FacilityDesk window(IdentitySource::DirectReader);
    window.stack.insert("P-MADO");
    window.reach(S::ChoosingIdentityMethod);
    for (int expected : {2, 1}) {
        window.enterPin("9999");
        window.reach(S::ChoosingIdentityMethod);
        BOOST_CHECK_EQUAL(window.session()->pinTriesLeft(), expected);
    }
    window.enterPin("9999");  // the third: the card's PIN is locked for good
    window.reach(S::ChoosingIdentityMethod);
    BOOST_CHECK_EQUAL(window.session()->pinTriesLeft(), 0);
    BOOST_CHECK(!window.offers(ChoiceId::IdentityPin));
    BOOST_CHECK(window.offers(ChoiceId::IdentityVisual));
    ui::saveScreenshot(window.frame, "facility-04-pin-locked");

    window.step().choose(ChoiceId::IdentityVisual);
    window.reach(S::AwaitingVisualCheck);
    window.step().choose(ChoiceId::VisualConfirmed);
    // The locked card cannot sign the gateway's challenge: the check fails and the session
    // offers the fallback documents.
    window.reach(S::ChoosingFallback);
    ui::saveScreenshot(window.frame, "facility-05-visual-then-fallback");
    window.step().choose(ChoiceId::FallbackCertificate);
    window.reach(S::EnteringDocument);
    window.type("doc_name", "窓口　花子");  // the card gave no eligibility: staff copy it from the 資格確認書
    window.type("doc_birth", "1980-06-15");
    window.type("doc_insurer", "01130012");
    window.type("doc_symbol", "1234");
    window.type("doc_number", "10015");
    window.type("doc_branch", "00");
    window.step().choose(ChoiceId::EnterDocument);
    window.reach(S::ConfirmingCopay);
    window.confirmCopay();
    BOOST_CHECK_EQUAL(window.session()->record().identityConfirmedBy, kStaffId);  // the 目視 is theirs
    BOOST_CHECK_EQUAL(window.session()->record().staffId, kStaffId);

    const auto visits = window.visits();
    BOOST_REQUIRE_EQUAL(visits.size(), 1u);
    BOOST_CHECK_EQUAL(visits[0].identityMethod, "visual");
    BOOST_CHECK_EQUAL(visits[0].source, "qualification_certificate");
    BOOST_CHECK_EQUAL(visits[0].claimRoute, "current");
    BOOST_CHECK_EQUAL(visits[0].shareTenths, 3);
    ui::saveScreenshot(window.frame, "facility-06-visual-recorded");
}

// The status bar's reader indicator follows pcscd: green with the vpcd reader, red once the
// service stops (a red change is shown once as a notice).
BOOST_AUTO_TEST_CASE(TheReaderIndicatorTurnsRedWhenThePcscServiceStops) {
    FacilityDesk window(IdentitySource::DirectReader);
    DeviceStatusBar& status = *window.frame->deviceStatus();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::CardReader) == Health::Good);
    BOOST_CHECK(!status.indicator(Device::CardReader)->check().details.empty());  // the reader's name
    BOOST_CHECK(status.health(Device::TerminalFolders) == Health::NotUsed);
    window.stack.stopPcscd();
    MADOGUCHI_REQUIRE_EVENTUALLY(status.health(Device::CardReader) == Health::Failing);
    MADOGUCHI_REQUIRE_EVENTUALLY(window.frame->notice()->IsShown());
    ui::saveScreenshot(window.frame, "status-reader-red");
}

BOOST_AUTO_TEST_SUITE_END()
