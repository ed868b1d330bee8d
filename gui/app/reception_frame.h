#pragma once
// The main window at the front desk: the queue of arriving patients (left), the current
// patient's step (centre), the eligibility panel (right), and in the demo the demo strip.
#include <functional>
#include <memory>

#include <wx/infobar.h>  // wxMSW: wxInfoBar is a macro for wxInfoBarGeneric, no class to declare
#include <wx/frame.h>
#include <wx/timer.h>

#include "gui/app/background_work.h"
#include "gui/app/reception_environment.h"
#include "gui/reception/reception_flow.h"
#include "storage/self_declaration_archive.h"

class wxKeyEvent;

namespace madoguchi::gui {

class EligibilityPanel;
class MedicalInfoPanel;
class QuickGuideFrame;
class QueuePanel;
class StaffAtWindow;
class StepPanel;

class ReceptionFrame : public wxFrame {
public:
    ReceptionFrame(wxWindow* parent, std::unique_ptr<ReceptionEnvironment> environment);
    ~ReceptionFrame() override;

    ReceptionFlow& flow() { return *flow_; }
    ReceptionEnvironment& environment() { return *environment_; }
    StepPanel* stepPanel() const { return step_; }
    QueuePanel* queuePanel() const { return queue_; }
    EligibilityPanel* eligibilityPanel() const { return eligibility_; }
    MedicalInfoPanel* medicalInfoPanel() const { return medicalInfo_; }
    wxWindow* demoPanel() const { return demoPanel_; }
    DeviceStatusBar* deviceStatus() const { return deviceStatus_; }
    wxInfoBar* notice() const { return notice_; }
    // Runs once, after the window painted for the first time (start-up benchmark).
    void onFirstPaint(std::function<void()> callback) { firstPaint_ = std::move(callback); }
    // Who works here: the sign-in screen, sign-out, the idle lock.
    StaffAtWindow& staff() { return *staff_; }
    // The manager window (sign-in first), as ツール › 管理画面 opens it.
    void openManager();
    // ヘルプ › クイックガイド (F1): the guide at the page for the current step.
    QuickGuideFrame* openGuide();

private:
    void buildMenus();
    void openSettings();
    void openSetupAssistant();
    void onStaffChanged(const StaffMember* member);
    void scheduleRender();
    void renderAll();
    void onCharHook(wxKeyEvent& event);
    // The saved 申立書 PDFs past their retention: deleted at start, then checked every few minutes
    // (the archive acts once per day of the clock).
    void startSelfDeclarationRetention(const std::filesystem::path& formsFolder);
    void deleteExpiredSelfDeclarations();

    std::unique_ptr<ReceptionEnvironment> environment_;
    BackgroundWork work_;
    std::unique_ptr<ReceptionFlow> flow_;
    std::unique_ptr<StaffAtWindow> staff_;
    QueuePanel* queue_ = nullptr;
    StepPanel* step_ = nullptr;
    EligibilityPanel* eligibility_ = nullptr;
    MedicalInfoPanel* medicalInfo_ = nullptr;
    wxWindow* demoPanel_ = nullptr;
    DeviceStatusBar* deviceStatus_ = nullptr;
    wxInfoBar* notice_ = nullptr;
    bool renderPending_ = false;
    std::function<void()> firstPaint_;
    std::unique_ptr<storage::SelfDeclarationArchive> selfDeclarations_;
    wxTimer retentionTimer_;
};

}  // namespace madoguchi::gui
