#pragma once
// What happens at the window between the receptionist and the session: arrivals become
// receptions, choices and forms become session events, card and gateway work runs off the
// GUI thread. The session decides everything; this class only routes and waits.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include <wx/string.h>

#include "domain/ports/clock.h"
#include "domain/secret_buffer.h"
#include "domain/ports/form_renderer.h"
#include "domain/ports/visit_journal.h"
#include "gui/app/background_work.h"
#include "gui/reception/arrival.h"
#include "gui/reception/card_eligibility_lookup.h"
#include "gui/reception/reception_desk.h"

class wxWindow;

namespace madoguchi::gui {

// What the window needs from the outside (the composition root fills it in).
struct ReceptionServices {
    ReceptionContext context;  // facility and dated settings; the staff member comes with setStaff()
    const Clock* clock = nullptr;
    VisitJournal* journal = nullptr;
    CardEligibilityLookup* cardLookup = nullptr;  // null: no direct card check configured
    // Saves the prefilled 申立書 as PDF into formsFolder (null renderer: not saved).
    FormRenderer* formRenderer = nullptr;
    std::filesystem::path formsFolder;
    // Shows the prefilled 申立書 with a print preview; may be empty.
    std::function<void(wxWindow* parent, const SelfDeclarationForm& form)> printSelfDeclaration;
    bool demo = false;  // offers simulated face results at the reader
};

class ReceptionFlow {
public:
    // A question the window asks before it can send the session an event.
    enum class Prompt { None, CancelReason, FullChargeReason, DeclarationEntry };

    ReceptionFlow(ReceptionServices services, BackgroundWork& work, std::function<void()> changed);
    ~ReceptionFlow();

    // Arrivals (GUI thread). A new one starts a reception when the window is free.
    void addArrival(Arrival arrival);
    const std::vector<Arrival>& arrivals() const { return arrivals_; }
    void open(int arrivalNumber);
    void startWithoutCard();  // a patient with a 資格確認書 or a legacy card
    void next();              // after a finished reception: the oldest waiting arrival
    // The member signed in at the window: the next visit and every confirmation are theirs.
    // Empty while the window is signed out or locked: no reception starts then.
    void setStaff(const std::string& staffId);
    bool staffed() const { return !desk_.context().staffId.empty(); }

    // Staff actions.
    void choose(ChoiceId choice, wxWindow* parent = nullptr);
    void submitPin(SecretBuffer& pin);  // wiped here and by the card; never kept
    void submitDocument(const DocumentDetails& details);
    void submitDeclaration(const DocumentDetails& declared, std::optional<CopayShare> share);
    // staffShare: the share staff set or corrected; a correction of a decided share needs the reason.
    void submitCopay(std::optional<std::int64_t> points, std::optional<CopayShare> staffShare,
                     const std::string& correctionReason = {});
    void submitReason(const std::string& reason);
    void dismissPrompt();
    void chooseMatch(std::size_t index);
    void chooseFallbackDocument(PresentedDocument document, bool cardShownToo);
    void chooseReturnVisit(const std::string& patientId);
    void confirmPastRecord(bool confirmedOrally, bool stillValid);
    void printSelfDeclaration(wxWindow* parent);
    SelfDeclarationForm selfDeclarationForm() const;
    // The 申立書 PDF saved for the current reception (empty until printed).
    const std::filesystem::path& savedDeclarationPdf() const { return savedDeclarationPdf_; }

    // For rendering.
    const ReceptionSession* session() const { return desk_.session(); }
    ReceptionDesk& desk() { return desk_; }
    const ReceptionServices& services() const { return services_; }
    Prompt prompt() const { return prompt_; }
    const wxString& notice() const { return notice_; }  // the last refusal or what is happening
    bool noticeIsProblem() const { return noticeIsProblem_; }
    bool working() const { return working_; }           // a card or gateway job is running
    const Arrival* currentArrival() const;
    std::optional<PastEligibility> pastRecord() const { return pastRecord_; }
    // Changes whenever a new reception starts, so views can tell a new patient from a new step.
    int receptionSerial() const { return receptionSerial_; }

private:
    void apply(const ReceptionEvent& event);
    // The session event a choice stands for, when it needs nothing more from the window.
    std::optional<ReceptionEvent> eventFor(ChoiceId choice) const;
    void afterStateChange();
    void startCardRead();
    void startLookup();
    void startReception(Arrival& arrival);
    void setNotice(const wxString& text, bool problem = false);
    // True when a worker's result still belongs to the reception and the step it was for.
    bool stillIn(int serial, ReceptionState state);

    ReceptionServices services_;
    BackgroundWork& work_;
    std::function<void()> changed_;
    ReceptionDesk desk_;
    std::vector<Arrival> arrivals_;
    int currentArrival_ = 0;  // arrival number in reception, 0: none
    std::shared_ptr<TappedCard> card_;
    std::optional<AuthCertificateInfo> certificate_;
    std::stop_source lookupStop_;  // the running lookup's, for "stop waiting" and cancel
    std::optional<PastEligibility> pastRecord_;
    Prompt prompt_ = Prompt::None;
    std::filesystem::path savedDeclarationPdf_;
    wxString notice_;
    bool noticeIsProblem_ = false;
    bool working_ = false;
    int receptionSerial_ = 0;
    int nextArrivalNumber_ = 1;
};

}  // namespace madoguchi::gui
