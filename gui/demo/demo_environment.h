#pragma once
// `madoguchi --demo`: a throw-away folder with the gateway's req/ res/ face/ folders and a
// fresh journal, the terminal simulator answering in-process from the demo dataset, virtual
// My Number cards, and a demo staff account. Nothing of it outlives the demo.
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "app/day_shifted_clock.h"
#include "app/system_clock.h"
#include "devices/gateway/demo_dataset.h"
#include "devices/gateway/folder_gateway.h"
#include "devices/gateway/terminal_simulator.h"
#include "gui/app/face_arrivals.h"
#include "gui/app/reception_environment.h"
#include "gui/demo/demo_card_lookup.h"
#include "gui/demo/demo_cards.h"
#include "storage/visit_journal.h"

namespace madoguchi::gui {

inline constexpr const char* kDemoStaffId = "demo";
inline constexpr const char* kDemoStaffPassword = "demo-password";

class DemoEnvironment : public ReceptionEnvironment {
public:
    // Creates the folder (under the system temp folder unless given) and everything in it.
    // A pharmacy demo shows the counter's wording and the 薬剤情報 consent first; mode ③ shows no
    // medical information.
    static Outcome<std::unique_ptr<DemoEnvironment>> create(std::filesystem::path root = {},
                                                            FacilityKind kind = FacilityKind::Clinic,
                                                            FacilityMode mode = FacilityMode::Standard);
    ~DemoEnvironment() override;

    ReceptionServices services() override;
    // Also starts the simulator, which answers req/ and hands late answers to the journal.
    void startArrivals(BackgroundWork& work, std::function<void(Arrival)> deliver,
                       BackgroundWork::Failure failed) override;
    wxWindow* makeDemoPanel(wxWindow* parent) override;
    storage::FacilityJournal& journal() override { return *journal_; }
    AppSettings& settings() override { return settings_; }
    std::filesystem::path settingsPath() const override { return root_ / "settings.json"; }
    // The simulator's folders and the throw-away journal; the demo's cards are virtual.
    DeviceTargets deviceTargets() override { return {root_ / "gateway", false, root_ / "journal.sqlite", {}}; }
    // The simulator answers 薬剤情報 and 特定健診 requests too (P001 has both).
    std::optional<MedicalInfoFolders> medicalInfoFolders() override {
        return MedicalInfoFolders{layout_, dataset_.medicalInstitutionCode()};
    }
    // The demo account demo/demo (administrator), made on first use: hashing the password
    // takes a moment that does not belong on the way to the first paint.
    void prepareStaffAccounts() override;
    // The demo opens signed in as its receptionist (no password to hash on the way to the first
    // paint); after a sign-out or an idle lock the sign-in screen names the demo account.
    std::optional<StaffMember> memberAtStart() override { return demoMember(); }
    wxString signInHint() const override;
    static StaffMember demoMember() { return {kDemoStaffId, "デモ 受付", StaffRole::Admin}; }

    // The demo's hands (GUI thread, after startArrivals). A tap delivers a card arrival once
    // the virtual card is ready; a card that cannot be made goes to the window as a failure.
    void tapCard(const std::string& personId);
    Outcome<std::string> dropFaceResult(const std::string& personId, IdentityMethod method);

    const gateway::DemoDataset& dataset() const { return dataset_; }
    const std::filesystem::path& root() const { return root_; }
    gateway::FolderLayout layout() const { return layout_; }
    // The demo's clock: the dataset's demo_today at the machine's time of day (docs/testing.md, "The clock").
    const Clock& clock() const override { return clock_; }

private:
    DemoEnvironment(std::filesystem::path root, FacilityKind kind, FacilityMode mode, CodeTables codes, DatedSettings dated,
                    gateway::DemoDataset dataset);
    std::string patientNumberFor(const EligibilityResult& result) const;
    // Runs until stopped: serves req/ and emits late answers (about once a second).
    void runSimulator(const std::stop_token& stop, const std::function<void(GatewayAnswer)>& emit);
    // Late answers wait here until their visit is in the journal (it may still be at the window).
    void keepLateAnswer(const GatewayAnswer& answer);
    void attachLateAnswer(GatewayAnswer answer);  // GUI thread

    std::filesystem::path root_;
    FacilityKind kind_;
    FacilityMode mode_;
    CodeTables codes_;
    DatedSettings dated_;
    gateway::DemoDataset dataset_;
    gateway::FolderLayout layout_;
    app::SystemClock systemClock_;
    app::DayShiftedClock clock_;
    std::unique_ptr<storage::FacilityJournal> journal_;
    gateway::FolderEligibilityGateway gateway_;
    std::mutex simulatorMutex_;
    gateway::TerminalSimulator simulator_;
    DemoCards cards_;
    FolderCardLookup lookup_;
    std::unique_ptr<FaceArrivals> faces_;
    std::unique_ptr<FormRenderer> formRenderer_;
    AppSettings settings_;
    BackgroundWork* work_ = nullptr;  // the window's, from startArrivals
    std::function<void(Arrival)> deliver_;
    BackgroundWork::Failure failed_;
    bool staffPrepared_ = false;
    std::mutex lateMutex_;
    std::vector<GatewayAnswer> lateAnswers_;  // collected by the simulator's thread, not yet attached
};

}  // namespace madoguchi::gui
