// Staff sign-in at the reception window (FacilityEnvironment on a real journal, no devices, a
// clock moved by hand): nobody receives patients before signing in, a wrong password is refused,
// each visit names who signed in, the window locks when idle (patient data hidden, the queue
// count shown), a colleague who unlocks it with their passcode continues the reception in progress
// and the next visit is theirs; an account an administrator set up chooses its own password first;
// a passcode chosen in its dialogs switches colleagues, and three wrong ones leave only the
// password. The demo opens signed in as its receptionist, and its sign-in screen works after a
// sign-out.
#include <deque>

#include <wx/button.h>
#include <wx/modalhook.h>
#include <wx/msgdlg.h>
#include <wx/textdlg.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "fixed_clock.h"
#include "gui/app/facility_environment.h"
#include "gui/app/reception_frame.h"
#include "gui/reception/queue_panel.h"
#include "gui/reception/step_panel.h"
#include "gui/settings/language.h"
#include "gui/signin/staff_at_window.h"
#include "reception_demo_fixture.h"

using namespace madoguchi;
using namespace madoguchi::gui;
using S = ReceptionState;
namespace ui = madoguchi::test;

namespace {

const LocalDateTime kMorning{*Date::fromYmd(2026, 3, 2), 9, 0, 0};
const char* kKawaguchiPassword = "kawaguchi-window-1";

struct SignInDesk {
    ui::TempFolder folder{"madoguchi-signin"};
    madoguchi::test::FixedClock clock{kMorning};
    ReceptionFrame* frame = nullptr;

    SignInDesk() {
        applyLanguage("ja");
        AppSettings settings;
        settings.facility = FacilitySettings{"1312345678", "まどぐち内科", FacilityKind::Clinic, FacilityMode::Standard, false};
        settings.journalPath = folder / "journal.sqlite3";
        settings.windowName = "受付1";
        settings.idleLockMinutes = 5;
        auto environment = FacilityEnvironment::create(settings, folder / "settings.json", clock);
        BOOST_REQUIRE_MESSAGE(environment, "facility: " << (environment ? "" : environment.problem().message));
        frame = new ReceptionFrame(nullptr, std::move(environment).value());
        addStaff({"kawaguchi", "受付 川口", StaffRole::Receptionist}, kKawaguchiPassword);
        addStaff({"mori", "受付 森", StaffRole::Receptionist}, "mori-window-passphrase");
        frame->SetPosition(wxPoint(0, 0));
        frame->Show();
        MADOGUCHI_REQUIRE_EVENTUALLY(frame->IsShownOnScreen());
    }
    ~SignInDesk() {
        frame->Destroy();
        ui::pumpFor(std::chrono::milliseconds(50));
    }

    storage::FacilityJournal& journal() const { return frame->environment().journal(); }
    void addStaff(const StaffMember& member, std::string password) const {
        BOOST_REQUIRE(storage::createStaff(journal().database(), member, password).ok());
    }
    SignInPanel& panel() const { return *frame->staff().signInPanel(); }
    bool signIn(const std::string& id, const std::string& password) const {
        panel().setCredentials(wxString::FromUTF8(id), wxString::FromUTF8(password));
        const bool done = panel().submit();
        ui::pumpEvents();
        return done;
    }
    template <class Control>
    Control* find(const std::string& name) const {
        return dynamic_cast<Control*>(wxWindow::FindWindowByName(name, frame));
    }
    bool inState(ReceptionState state) const {
        const ReceptionSession* session = frame->flow().session();
        return session && session->state() == state && !frame->flow().working();
    }
    void click(const std::string& name) const {
        auto* button = find<wxButton>(name);
        BOOST_REQUIRE_MESSAGE(button, "no button " << name);
        wxCommandEvent clicked(wxEVT_BUTTON, button->GetId());
        clicked.SetEventObject(button);
        button->GetEventHandler()->ProcessEvent(clicked);
        ui::pumpEvents();
    }
    // A patient with nothing to show, to the end: the shortest visit that reaches the journal.
    std::string receiveWithoutProof() const {
        frame->flow().startWithoutCard();
        MADOGUCHI_REQUIRE_EVENTUALLY(inState(S::AwaitingPresentation));
        const std::string visitId = frame->flow().session()->record().visitId;
        finishWithoutProof();
        return visitId;
    }
    void finishWithoutProof() const {
        frame->stepPanel()->choose(ChoiceId::PresentNoProof);
        MADOGUCHI_REQUIRE_EVENTUALLY(find<wxTextCtrl>("reason_field") != nullptr);
        find<wxTextCtrl>("reason_field")->SetValue("保険証類を何も持参せず");
        ui::pumpEvents();
        click("reason_submit");
        MADOGUCHI_REQUIRE_EVENTUALLY(inState(S::ConfirmingCopay));
        frame->stepPanel()->choose(ChoiceId::ConfirmCopay);
        MADOGUCHI_REQUIRE_EVENTUALLY(inState(S::Completed));
    }
    std::string visitStaff(const std::string& visitId) const {
        auto query = journal().database().prepare("SELECT staff_id FROM visits WHERE id = ?");
        query.bind(1, visitId);
        return query.step() ? query.text(0) : "(no visit " + visitId + ")";
    }
    // "staff action visit detail window" of each audit row with this action, in order.
    std::vector<std::string> auditRows(const std::string& action) const {
        auto query = journal().database().prepare(
            "SELECT staff_id, visit_id, detail, window FROM audit_log WHERE action = ? ORDER BY seq");
        query.bind(1, action);
        std::vector<std::string> rows;
        while (query.step())
            rows.push_back(query.text(0) + "|" + query.text(1) + "|" + query.text(2) + "|" + query.text(3));
        return rows;
    }
};

// Answers the modal dialogs the window opens (受付 › My passcode…), in order: each text entry
// dialog is shown, pictured, given the next answer and closed with OK; a message box is not
// shown, its text kept.
class DialogAnswers : public wxModalDialogHook {
public:
    DialogAnswers(std::deque<std::string> answers, std::string picturePrefix)
        : answers_(std::move(answers)), prefix_(std::move(picturePrefix)) {
        Register();
    }
    const std::vector<std::string>& messages() const { return messages_; }
    bool allAnswered() const { return answers_.empty(); }

protected:
    int Enter(wxDialog* dialog) override {
        if (auto* message = dynamic_cast<wxMessageDialog*>(dialog)) {
            messages_.push_back(message->GetMessage().utf8_string());
            return wxID_OK;
        }
        auto* entry = dynamic_cast<wxTextEntryDialog*>(dialog);
        if (!entry || answers_.empty()) return wxID_CANCEL;
        entry->SetValue(wxString::FromUTF8(answers_.front()));
        answers_.pop_front();
        entry->Show();
        ui::pumpFor(std::chrono::milliseconds(150));
        ui::saveScreenshot(entry, prefix_ + "-" + std::to_string(++shown_));
        entry->Hide();
        return wxID_OK;
    }

private:
    std::deque<std::string> answers_;
    std::string prefix_;
    std::vector<std::string> messages_;
    int shown_ = 0;
};

Arrival waitingPatient(const std::string& name, const LocalDateTime& at) {
    Arrival arrival;
    arrival.displayName = name;
    arrival.at = at;
    return arrival;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(WindowSignIn)

BOOST_AUTO_TEST_CASE(AWrongPasswordIsRefusedTheRightOneOpensTheWindowAndTheVisitNamesWhoSignedIn) {
    SignInDesk desk;
    BOOST_CHECK(desk.panel().IsShownOnScreen());
    BOOST_CHECK(!desk.frame->stepPanel()->IsShownOnScreen());
    BOOST_CHECK(desk.frame->FindFocus() == desk.find<wxTextCtrl>("signin_id"));
    desk.frame->flow().startWithoutCard();  // Ctrl+N before anyone signed in: nothing starts
    BOOST_CHECK(desk.frame->flow().session() == nullptr);

    // Keyboard first: Enter in the staff ID moves to the password.
    auto* id = desk.find<wxTextCtrl>("signin_id");
    id->SetValue("kawaguchi");
    wxCommandEvent enter(wxEVT_TEXT_ENTER, id->GetId());
    enter.SetEventObject(id);
    id->GetEventHandler()->ProcessEvent(enter);
    BOOST_CHECK(desk.frame->FindFocus() == desk.find<wxTextCtrl>("signin_password"));

    BOOST_CHECK(!desk.signIn("kawaguchi", "not-the-password"));
    BOOST_CHECK(!desk.panel().messageText().empty());
    BOOST_CHECK(desk.find<wxTextCtrl>("signin_password")->IsEmpty());  // never kept on screen
    BOOST_CHECK(!desk.frame->stepPanel()->IsShownOnScreen());
    ui::saveScreenshot(desk.frame, "signin_refused");

    BOOST_REQUIRE(desk.signIn("kawaguchi", kKawaguchiPassword));
    BOOST_CHECK(desk.frame->stepPanel()->IsShownOnScreen());
    BOOST_CHECK(!desk.panel().IsShown());
    BOOST_CHECK(desk.frame->GetStatusBar()->GetStatusText().utf8_string().find("受付 川口") != std::string::npos);
    const std::string visitId = desk.receiveWithoutProof();
    BOOST_CHECK_EQUAL(desk.visitStaff(visitId), "kawaguchi");
    BOOST_REQUIRE_EQUAL(desk.auditRows("staff.sign_in_failed").size(), 1u);
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in_failed")[0], "kawaguchi||wrong password|受付1");
    BOOST_REQUIRE_EQUAL(desk.auditRows("staff.sign_in").size(), 1u);
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in")[0], "kawaguchi|||受付1");
    BOOST_CHECK_EQUAL(desk.auditRows("visit.full_charge").at(0).substr(0, 10), "kawaguchi|");

    desk.frame->staff().signOut();
    BOOST_CHECK(desk.panel().IsShownOnScreen());
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_out").size(), 1u);
    BOOST_CHECK(desk.find<wxTextCtrl>("signin_id")->IsEmpty());
}

BOOST_AUTO_TEST_CASE(AnAccountAnAdministratorSetUpChoosesItsOwnPasswordAtTheFirstSignIn) {
    SignInDesk desk;
    storage::StaffAccounts staff(desk.journal(), desk.clock);
    std::string password = "admin-password-long";
    BOOST_REQUIRE(staff.createFirstAdministrator({"admin", "管理者", StaffRole::Admin}, password).ok());
    password = "given-by-the-admin";
    BOOST_REQUIRE(staff.create({"admin", "管理者", StaffRole::Admin}, {"ueda", "受付 上田", StaffRole::Receptionist},
                               password)
                      .ok());

    BOOST_CHECK(!desk.signIn("ueda", "given-by-the-admin"));
    BOOST_REQUIRE(desk.panel().asksForNewPassword());
    BOOST_CHECK(!desk.frame->stepPanel()->IsShownOnScreen());
    ui::saveScreenshot(desk.frame, "signin_choose_password");
    desk.panel().setNewPassword("short");
    BOOST_CHECK(!desk.signIn("ueda", "given-by-the-admin"));  // the policy applies
    BOOST_CHECK(!desk.panel().messageText().empty());
    desk.panel().setNewPassword("ueda-own-passphrase");
    BOOST_REQUIRE(desk.signIn("ueda", "given-by-the-admin"));
    BOOST_CHECK(!staff.mustChangePassword("ueda"));
    BOOST_CHECK_EQUAL(desk.visitStaff(desk.receiveWithoutProof()), "ueda");
}

BOOST_AUTO_TEST_CASE(AnIdleWindowLocksAndAColleagueContinuesTheReception) {
    SignInDesk desk;
    BOOST_REQUIRE(desk.signIn("kawaguchi", kKawaguchiPassword));
    desk.frame->flow().startWithoutCard();
    MADOGUCHI_REQUIRE_EVENTUALLY(desk.inState(S::AwaitingPresentation));
    const std::string inProgress = desk.frame->flow().session()->record().visitId;
    desk.frame->flow().addArrival(waitingPatient("待合　一郎", kMorning));
    desk.frame->flow().addArrival(waitingPatient("待合　二郎", kMorning));

    desk.clock.advanceMinutes(4);
    ui::pumpFor(std::chrono::milliseconds(1200));  // a tick of the idle check: not quiet long enough
    BOOST_CHECK(desk.frame->staff().signIn().open());
    desk.clock.advanceMinutes(2);  // five minutes without a key or a click
    MADOGUCHI_REQUIRE_EVENTUALLY(desk.frame->staff().signIn().state() == gui::WindowSignIn::State::Locked);

    BOOST_CHECK(!desk.frame->stepPanel()->IsShownOnScreen());
    BOOST_CHECK(!desk.frame->queuePanel()->IsShownOnScreen());
    BOOST_CHECK(!desk.frame->eligibilityPanel()->IsShownOnScreen());
    auto* waiting = desk.find<wxStaticText>("signin_waiting");
    BOOST_REQUIRE(waiting);
    BOOST_CHECK(waiting->IsShownOnScreen());
    BOOST_CHECK(waiting->GetLabel().utf8_string().find('2') != std::string::npos);
    BOOST_CHECK_EQUAL(desk.find<wxTextCtrl>("signin_id")->GetValue().utf8_string(), "kawaguchi");
    BOOST_CHECK_EQUAL(desk.auditRows("staff.idle_lock").size(), 1u);
    ui::saveScreenshot(desk.frame, "signin_idle_lock");
    desk.frame->flow().startWithoutCard();  // nothing moves while locked
    BOOST_CHECK(desk.inState(S::AwaitingPresentation));

    std::string passcode = "4711";
    BOOST_REQUIRE(storage::setStaffPasscode(desk.journal().database(), "mori", passcode).ok());
    BOOST_CHECK(!desk.signIn("mori", "4712"));
    BOOST_CHECK(!desk.panel().messageText().empty());
    BOOST_REQUIRE(desk.signIn("mori", "4711"));  // a colleague takes over with their passcode
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in_failed").at(0), "mori||wrong passcode|受付1");
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in").back(), "mori||by passcode|受付1");
    BOOST_REQUIRE_EQUAL(desk.auditRows("staff.switched").size(), 1u);
    BOOST_CHECK_EQUAL(desk.auditRows("staff.switched")[0],
                      "mori|" + inProgress + "|took over from kawaguchi, continuing the visit|受付1");
    BOOST_CHECK(desk.inState(S::AwaitingPresentation));  // the reception in progress is kept
    desk.finishWithoutProof();
    BOOST_CHECK_EQUAL(desk.visitStaff(inProgress), "kawaguchi");  // who started it; the switch row says who finished

    const std::string next = desk.receiveWithoutProof();
    BOOST_CHECK_EQUAL(desk.visitStaff(next), "mori");
}

BOOST_AUTO_TEST_CASE(APasscodeChosenInItsDialogsSwitchesColleaguesAndThreeWrongOnesLeaveOnlyThePassword) {
    SignInDesk desk;
    BOOST_REQUIRE(desk.signIn("mori", "mori-window-passphrase"));
    {
        DialogAnswers typed({"mori-window-passphrase", "2468", "2469"}, "passcode_dialog_differs");
        desk.frame->staff().choosePasscode();  // the two passcodes differ: nothing is set
        BOOST_REQUIRE_EQUAL(typed.messages().size(), 1u);
        BOOST_CHECK_EQUAL(typed.messages()[0],
                          wxGetTranslation("The two passcodes differ: nothing was changed.").utf8_string());
    }
    BOOST_CHECK(desk.auditRows("staff.passcode_set").empty());
    {
        DialogAnswers typed({"mori-window-passphrase", "2468", "2468"}, "passcode_dialog");
        desk.frame->staff().choosePasscode();
        BOOST_CHECK(typed.allAnswered());
        BOOST_REQUIRE_EQUAL(typed.messages().size(), 1u);
        BOOST_CHECK_EQUAL(typed.messages()[0],
                          wxGetTranslation("Your passcode is set: it unlocks this window when it is locked.").utf8_string());
    }
    BOOST_CHECK_EQUAL(desk.auditRows("staff.passcode_set").size(), 1u);
    desk.frame->staff().signOut();

    // kawaguchi works; the window locks; mori switches in with the passcode.
    BOOST_REQUIRE(desk.signIn("kawaguchi", kKawaguchiPassword));
    desk.frame->staff().lockIdle();
    BOOST_REQUIRE(desk.signIn("mori", "2468"));
    BOOST_CHECK_EQUAL(desk.frame->staff().signIn().member()->id, "mori");
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in").back(), "mori||by passcode|受付1");
    BOOST_CHECK_EQUAL(desk.auditRows("staff.switched").back(), "mori||took over from kawaguchi|受付1");

    // Locked again: three wrong passcodes, then the right one no longer opens; the password does.
    desk.frame->staff().lockIdle();
    for (const char* wrong : {"1111", "2222", "3333"}) BOOST_CHECK(!desk.signIn("mori", wrong));
    BOOST_CHECK_EQUAL(desk.auditRows("staff.passcode_locked").size(), 1u);
    BOOST_CHECK(!desk.signIn("mori", "2468"));
    BOOST_CHECK(!desk.panel().messageText().empty());
    BOOST_CHECK(!desk.frame->stepPanel()->IsShownOnScreen());
    BOOST_CHECK_EQUAL(desk.auditRows("staff.sign_in_failed").back(), "mori||passcode locked|受付1");
    ui::saveScreenshot(desk.frame, "signin_passcode_locked");
    BOOST_REQUIRE(desk.signIn("mori", "mori-window-passphrase"));
    BOOST_CHECK(desk.frame->stepPanel()->IsShownOnScreen());
    desk.frame->staff().lockIdle();  // the password cleared the count: the passcode opens again
    BOOST_CHECK(desk.signIn("mori", "2468"));
}

BOOST_AUTO_TEST_CASE(TheDemoOpensSignedInAndItsSignInScreenWorksAfterASignOut) {
    test::ReceptionDemo window;
    BOOST_CHECK(window.frame->staff().signIn().open());
    BOOST_CHECK_EQUAL(window.frame->staff().signIn().member()->id, kDemoStaffId);
    window.frame->staff().signOut();
    SignInPanel& panel = *window.frame->staff().signInPanel();
    BOOST_CHECK(panel.IsShownOnScreen());
    BOOST_CHECK(!window.frame->stepPanel()->IsShownOnScreen());
    panel.setCredentials(kDemoStaffId, "wrong-demo-password");
    BOOST_CHECK(!panel.submit());
    panel.setCredentials(kDemoStaffId, kDemoStaffPassword);
    BOOST_REQUIRE(panel.submit());
    BOOST_CHECK(window.frame->stepPanel()->IsShownOnScreen());
    window.frame->flow().startWithoutCard();
    MADOGUCHI_REQUIRE_EVENTUALLY(window.inState(S::AwaitingPresentation));
    BOOST_CHECK_EQUAL(window.session()->record().staffId, kDemoStaffId);
}

BOOST_AUTO_TEST_SUITE_END()
