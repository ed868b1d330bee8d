#include "gui/app/reception_frame.h"

#include <algorithm>

#include <wx/choice.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include "app/system_clock.h"
#include "gui/app/program_icon.h"
#include "gui/app/window_placement.h"
#include "gui/help/quick_guide.h"
#include "gui/manager/manager_window.h"
#include "gui/medical/medical_info_panel.h"
#include "gui/reception/eligibility_panel.h"
#include "gui/reception/queue_panel.h"
#include "gui/reception/step_panel.h"
#include "gui/settings/settings_dialog.h"
#include "gui/setup/setup_assistant.h"
#include "gui/signin/staff_at_window.h"

namespace madoguchi::gui {

ReceptionFrame::ReceptionFrame(wxWindow* parent, std::unique_ptr<ReceptionEnvironment> environment)
    : wxFrame(parent, wxID_ANY, _("Madoguchi"), wxDefaultPosition, wxDefaultSize),
      environment_(std::move(environment)),
      work_(*this) {
    SetName("reception_frame");
    const ReceptionServices services = environment_->services();
    flow_ = std::make_unique<ReceptionFlow>(services, work_, [this] { scheduleRender(); });

    auto* body = new wxPanel(this, wxID_ANY);
    body->SetBackgroundColour(*wxWHITE);
    queue_ = new QueuePanel(body, services.context.window);
    step_ = new StepPanel(body, *flow_);
    eligibility_ = new EligibilityPanel(body, services.context.facility);
    medicalInfo_ = new MedicalInfoPanel(body,
                                        MedicalInfoServices{services.context.facility, services.clock,
                                                            &environment_->journal(), environment_->medicalInfoFolders(),
                                                            services.formsFolder, environment_->settings().printerName},
                                        work_);
    queue_->onOpen([this](int number) { flow_->open(number); });
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(queue_, 0, wxEXPAND);
    columns->Add(step_, 1, wxEXPAND);
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(eligibility_, 1, wxEXPAND);
    right->Add(medicalInfo_, 0, wxEXPAND);
    columns->Add(right, 0, wxEXPAND);
    queue_->SetMinSize(wxSize(384, -1));
    step_->SetMinSize(wxSize(460, -1));
    eligibility_->SetMinSize(wxSize(400, -1));
    auto* rows = new wxBoxSizer(wxVERTICAL);
    notice_ = new wxInfoBar(body);
    rows->Add(notice_, 0, wxEXPAND);
    rows->Add(columns, 1, wxEXPAND);
    demoPanel_ = environment_->makeDemoPanel(body);
    if (demoPanel_) rows->Add(demoPanel_, 0, wxEXPAND);
    body->SetSizer(rows);

    buildMenus();
    deviceStatus_ = new DeviceStatusBar(this, environment_->deviceTargets(), work_,
                                        [this](const wxString& text) { notice_->ShowMessage(text, wxICON_WARNING); });
    SetStatusBar(deviceStatus_);
    if (services.demo) SetTitle(_("Madoguchi (demo)"));
    staff_ = std::make_unique<StaffAtWindow>(
        *this, *body, *environment_, [this](const StaffMember* member) { onStaffChanged(member); },
        [this] { return flow_->desk().busy() ? flow_->session()->record().visitId : std::string(); });
    auto* screens = new wxBoxSizer(wxVERTICAL);
    screens->Add(body, 1, wxEXPAND);  // the sign-in screen joins below when first shown (StaffAtWindow)
    SetSizer(screens);
    fitToDisplay(*this, wxSize(1270, 820));
    setProgramIcon(*this);
    staff_->start();

    Bind(wxEVT_CHAR_HOOK, &ReceptionFrame::onCharHook, this);
    step_->Bind(wxEVT_PAINT, [this](wxPaintEvent& event) {
        event.Skip();
        if (firstPaint_) {
            auto callback = std::move(firstPaint_);
            firstPaint_ = nullptr;
            CallAfter(callback);
        }
    });
    renderAll();
    startSelfDeclarationRetention(services.formsFolder);
    environment_->startArrivals(
        work_, [this](Arrival arrival) { flow_->addArrival(std::move(arrival)); },
        [this](std::exception_ptr error) {
            SetStatusText(wxString::Format(_("A device or the gateway failed: %s"), wxString::FromUTF8(describeFailure(error))));
        });
}

ReceptionFrame::~ReceptionFrame() {
    retentionTimer_.Stop();
    staff_.reset();     // its idle watch filters this window's events
    work_.stopAll();    // first: stops the watchers, lookups and card work, and joins them
    flow_.reset();
    DestroyChildren();  // the panels refer to the flow: let them go before it
}

void ReceptionFrame::startSelfDeclarationRetention(const std::filesystem::path& formsFolder) {
    if (formsFolder.empty()) return;
    selfDeclarations_ = std::make_unique<storage::SelfDeclarationArchive>(
        formsFolder, environment_->settings().selfDeclarationRetentionDays, environment_->journal(),
        environment_->clock());
    deleteExpiredSelfDeclarations();
    retentionTimer_.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { deleteExpiredSelfDeclarations(); }, retentionTimer_.GetId());
    retentionTimer_.Start(10 * 60 * 1000);
}

void ReceptionFrame::deleteExpiredSelfDeclarations() {
    try {
        selfDeclarations_->deleteExpired();
    } catch (const std::exception& error) {
        SetStatusText(wxString::Format(_("The expired 申立書 PDFs could not be deleted: %s"),
                                       wxString::FromUTF8(error.what())));
    }
}

void ReceptionFrame::buildMenus() {
    auto* reception = new wxMenu;
    const int withoutCard = wxWindow::NewControlId();
    const int next = wxWindow::NewControlId();
    reception->Append(withoutCard, _("Patient without a My Number card…\tCtrl+N"));
    reception->Append(next, _("Next patient\tCtrl+Enter"));
    reception->AppendSeparator();
    const int signOut = wxWindow::NewControlId();
    const int passcode = wxWindow::NewControlId();
    reception->Append(passcode, _("My passcode…"));
    reception->Append(signOut, _("Sign out\tCtrl+L"));
    reception->Append(wxID_EXIT, _("Quit\tCtrl+Q"));
    auto* tools = new wxMenu;
    const int manager = wxWindow::NewControlId();
    const int settings = wxWindow::NewControlId();
    tools->Append(manager, _("Manager window…"));
    tools->Append(settings, _("Settings…"));
    const int setup = wxWindow::NewControlId();
    tools->Append(setup, _("Set-up assistant…"));
    auto* help = new wxMenu;
    help->Append(wxID_HELP, _("Quick guide\tF1"));
    auto* bar = new wxMenuBar;
    bar->Append(reception, _("&Reception"));
    bar->Append(tools, _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { flow_->startWithoutCard(); }, withoutCard);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { flow_->next(); }, next);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { staff_->choosePasscode(); }, passcode);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { staff_->signOut(); }, signOut);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openManager(); }, manager);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openSettings(); }, settings);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openSetupAssistant(); }, setup);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openGuide(); }, wxID_HELP);
}

void ReceptionFrame::openManager() {
    environment_->prepareStaffAccounts();
    storage::StaffAccounts staff(environment_->journal(), environment_->clock());
    openManagerWindow(this, environment_->journal(), staff, environment_->settings(), environment_->clock());
}

void ReceptionFrame::openSettings() {
    environment_->prepareStaffAccounts();
    storage::StaffAccounts staff(environment_->journal(), environment_->clock());
    if (editSettings(this, environment_->settings(), staff, environment_->settingsPath(), environment_->clock()))
        wxMessageBox(_("The settings were saved. Restart Madoguchi to use them at the window."), GetTitle(), wxOK, this);
}

QuickGuideFrame* ReceptionFrame::openGuide() {
    const ReceptionSession* session = flow_->session();
    return openQuickGuide(this, guidePageFor(session ? std::optional(session->state()) : std::nullopt));
}

void ReceptionFrame::openSetupAssistant() {
    environment_->prepareStaffAccounts();
    storage::StaffAccounts staff(environment_->journal(), environment_->clock());
    if (reopenSetupAssistant(this, environment_->settings(), staff, environment_->settingsPath(), environment_->clock()))
        wxMessageBox(_("The settings were saved. Restart Madoguchi to use them at the window."), GetTitle(), wxOK, this);
}

void ReceptionFrame::onStaffChanged(const StaffMember* member) {
    flow_->setStaff(member ? member->id : std::string());
    if (!member) return;
    const ReceptionServices& services = flow_->services();
    const wxString who = wxString::FromUTF8(member->displayName.empty() ? member->id
                                                                        : member->displayName + " (" + member->id + ")");
    SetStatusText(wxString::Format(_("%s — staff: %s"), wxString::FromUTF8(services.context.facility.name), who) +
                  (services.demo ? "  —  " + _("DEMO: simulated devices, throw-away data") : wxString()));
}

void ReceptionFrame::scheduleRender() {
    if (renderPending_) return;
    renderPending_ = true;
    CallAfter([this] { renderAll(); });
}

void ReceptionFrame::renderAll() {
    renderPending_ = false;
    queue_->render(flow_->arrivals());
    staff_->showWaiting(static_cast<int>(std::count_if(flow_->arrivals().begin(), flow_->arrivals().end(), [](const Arrival& a) {
        return a.status == Arrival::Status::Waiting;
    })));
    step_->render();
    eligibility_->render(flow_->session());
    medicalInfo_->render(flow_->session(), flow_->desk().context().staffId);
}

void ReceptionFrame::onCharHook(wxKeyEvent& event) {
    wxWindow* focus = FindFocus();
    const bool typing = focus && (wxDynamicCast(focus, wxTextCtrl) != nullptr);
    if (!typing && staff_->signIn().open() && !event.HasAnyModifiers() && step_->pressShortcut(event.GetKeyCode())) return;
    event.Skip();
}

}  // namespace madoguchi::gui
