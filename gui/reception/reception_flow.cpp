#include "gui/reception/reception_flow.h"

#include <algorithm>

#include <wx/intl.h>

#include "devices/card/apdu.h"
#include "gui/reception/display_text.h"
#include "storage/private_files.h"
#include "storage/self_declaration_archive.h"

namespace madoguchi::gui {
namespace {

struct CardReadOutcome {
    std::optional<AuthCertificateInfo> certificate;
    int triesLeft = 0;
    std::string failure;
};

// The window checks no face with a camera: after a card read here, face authentication is offered
// only as the demo's simulation; at a real site it is the certified face reader's (its face/ result).
ReceptionContext withFaceCheckHere(ReceptionContext context, bool demo) {
    context.faceCheckHere = demo;
    return context;
}

}  // namespace

ReceptionFlow::ReceptionFlow(ReceptionServices services, BackgroundWork& work, std::function<void()> changed)
    : services_(std::move(services)),
      work_(work),
      changed_(std::move(changed)),
      desk_(withFaceCheckHere(services_.context, services_.demo), *services_.clock, *services_.journal) {}

ReceptionFlow::~ReceptionFlow() { lookupStop_.request_stop(); }

const Arrival* ReceptionFlow::currentArrival() const {
    for (const auto& arrival : arrivals_)
        if (arrival.number == currentArrival_) return &arrival;
    return nullptr;
}

bool ReceptionFlow::stillIn(int serial, ReceptionState state) {
    if (serial != receptionSerial_) return false;
    working_ = false;
    return desk_.session() && desk_.session()->state() == state;
}

void ReceptionFlow::setNotice(const wxString& text, bool problem) {
    notice_ = text;
    noticeIsProblem_ = problem;
}

// ---- arrivals ----------------------------------------------------------------------------------

void ReceptionFlow::addArrival(Arrival arrival) {
    arrival.number = nextArrivalNumber_++;
    arrival.status = Arrival::Status::Waiting;
    arrivals_.push_back(std::move(arrival));
    Arrival& added = arrivals_.back();
    // A card tapped while the session waits for one belongs to that session.
    if (added.kind == Arrival::Kind::CardTap && desk_.busy() && !card_ &&
        desk_.session()->state() == ReceptionState::ReadingCard) {
        added.status = Arrival::Status::InReception;
        currentArrival_ = added.number;
        card_ = added.card;
        startCardRead();
    } else if (!desk_.session() && staffed()) {
        startReception(added);
    }
    changed_();
}

void ReceptionFlow::setStaff(const std::string& staffId) {
    desk_.setStaff(staffId);
    if (staffed() && !desk_.session()) next();  // arrivals that waited while nobody was signed in
}

void ReceptionFlow::open(int arrivalNumber) {
    if (!staffed()) return;
    if (desk_.busy()) {
        setNotice(_("Finish or cancel the current reception first."), true);
        changed_();
        return;
    }
    for (auto& arrival : arrivals_)
        if (arrival.number == arrivalNumber && arrival.status == Arrival::Status::Waiting) startReception(arrival);
    changed_();
}

void ReceptionFlow::next() {
    if (desk_.busy() || !staffed()) return;
    for (auto& arrival : arrivals_) {
        if (arrival.status == Arrival::Status::Waiting) {
            startReception(arrival);
            changed_();
            return;
        }
    }
    desk_.clear();
    currentArrival_ = 0;
    card_.reset();
    setNotice({});
    changed_();
}

void ReceptionFlow::startWithoutCard() {
    if (!staffed()) return;
    if (desk_.busy()) {
        setNotice(_("Finish or cancel the current reception first."), true);
        changed_();
        return;
    }
    ++receptionSerial_;
    currentArrival_ = 0;
    card_.reset();
    certificate_.reset();
    pastRecord_.reset();
    savedDeclarationPdf_.clear();
    prompt_ = Prompt::None;
    desk_.start({});
    setNotice({});
    changed_();
}

void ReceptionFlow::startReception(Arrival& arrival) {
    ++receptionSerial_;
    arrival.status = Arrival::Status::InReception;
    currentArrival_ = arrival.number;
    card_.reset();
    certificate_.reset();
    pastRecord_.reset();
    savedDeclarationPdf_.clear();
    prompt_ = Prompt::None;
    setNotice({});
    desk_.start(arrival.patientId);
    if (arrival.kind == Arrival::Kind::CertifiedReaderResult) {
        apply(event::CertifiedReaderResult{arrival.result, arrival.method, arrival.rawXml});
    } else {
        card_ = arrival.card;
        apply(event::MyNumberCardPresented{});
    }
}

// ---- events and what follows a new state ------------------------------------------------------

void ReceptionFlow::apply(const ReceptionEvent& event) {
    auto outcome = desk_.apply(event);
    if (!outcome) {
        setNotice(domainText(desk_.lastRefusal()), true);
        changed_();
        return;
    }
    setNotice({});
    afterStateChange();
    changed_();
}

void ReceptionFlow::afterStateChange() {
    const ReceptionSession* session = desk_.session();
    if (!session) return;
    switch (session->state()) {
        case ReceptionState::ReadingCard:
            if (card_) startCardRead();
            else setNotice(_("Place the My Number card on the reader."));
            break;
        case ReceptionState::QueryingEligibility: startLookup(); break;
        case ReceptionState::Completed:
        case ReceptionState::Cancelled:
            for (auto& arrival : arrivals_)
                if (arrival.number == currentArrival_) {
                    arrival.status = Arrival::Status::Done;
                    if (arrival.displayName.empty()) arrival.displayName = session->record().patient.name;
                }
            if (desk_.lastRecordingProblem())
                setNotice(_("The visit could not be saved yet; it is kept and saved again automatically.") + " " +
                          domainText(desk_.lastRecordingProblem()->message), true);
            card_.reset();
            break;
        default: break;
    }
    if (const Arrival* arrival = currentArrival(); arrival && arrival->displayName.empty() && session &&
                                                   !session->record().patient.name.empty()) {
        for (auto& a : arrivals_)
            if (a.number == currentArrival_) a.displayName = session->record().patient.name;
    }
}

void ReceptionFlow::startCardRead() {
    working_ = true;
    setNotice(_("Reading the card…"));
    auto card = card_;
    const int serial = receptionSerial_;
    work_.run<CardReadOutcome>(
        [card](std::stop_token) {
            CardReadOutcome out;
            auto certificate = card->reader().readAuthCertificate();
            if (!certificate) {
                out.failure = certificate.problem().message;
                return out;
            }
            auto tries = card->reader().pinTriesLeft();
            if (!tries) {
                out.failure = tries.problem().message;
                return out;
            }
            out.certificate = certificate.value();
            out.triesLeft = tries.value();
            return out;
        },
        [this, serial](CardReadOutcome out) {
            if (!stillIn(serial, ReceptionState::ReadingCard)) return;
            working_ = false;
            if (!out.certificate) {
                apply(event::CardReadFailed{out.failure});
                return;
            }
            certificate_ = out.certificate;
            apply(event::CardRead{out.certificate->notAfter, out.triesLeft});
        },
        [this, serial](std::exception_ptr error) {
            if (stillIn(serial, ReceptionState::ReadingCard)) apply(event::CardReadFailed{describeFailure(error)});
        });
}

void ReceptionFlow::startLookup() {
    if (!card_ || !certificate_ || !services_.cardLookup) {
        apply(event::EligibilityUnavailable{GatewayFailure::SystemError, _("No online check is configured for a card on this reader.").ToStdString(wxConvUTF8), {}});
        return;
    }
    working_ = true;
    setNotice(_("Asking the online qualification system…"));
    auto card = card_;
    auto certificate = *certificate_;
    CardEligibilityLookup* lookup = services_.cardLookup;
    const int serial = receptionSerial_;
    lookupStop_ = work_.run<GatewayAnswer>(
        [card, certificate, lookup](std::stop_token stop) { return lookup->lookup(card->reader(), certificate, stop); },
        [this, serial](GatewayAnswer answer) {
            if (!stillIn(serial, ReceptionState::QueryingEligibility)) return;
            switch (answer.kind) {
                case GatewayAnswer::Kind::Answered:
                    apply(event::EligibilityAnswered{*answer.result, answer.rawXml});
                    return;
                case GatewayAnswer::Kind::Pending:
                    apply(event::EligibilityUnavailable{GatewayFailure::Pending, {}, answer.requestId});
                    return;
                case GatewayAnswer::Kind::Failed:
                    apply(event::EligibilityUnavailable{GatewayFailure::SystemError, answer.failure, answer.requestId});
                    return;
            }
        },
        [this, serial](std::exception_ptr error) {
            if (stillIn(serial, ReceptionState::QueryingEligibility))
                apply(event::EligibilityUnavailable{GatewayFailure::SystemError, describeFailure(error), {}});
        });
}

// ---- staff actions -----------------------------------------------------------------------------

void ReceptionFlow::choose(ChoiceId choice, wxWindow* parent) {
    if (!desk_.session()) return;
    if (auto event = eventFor(choice)) {
        apply(*event);
        return;
    }
    switch (choice) {  // what the window does itself
        case ChoiceId::Cancel: prompt_ = Prompt::CancelReason; break;
        case ChoiceId::FullCharge:
        case ChoiceId::PresentNoProof: prompt_ = Prompt::FullChargeReason; break;
        case ChoiceId::DeclarationCompleted: prompt_ = Prompt::DeclarationEntry; break;
        case ChoiceId::StopWaiting:
            lookupStop_.request_stop();
            setNotice(_("Stopping: the request stays queued and its answer is attached later."));
            break;
        case ChoiceId::ReturnVisit: chooseReturnVisit(desk_.session()->record().patientId); return;
        case ChoiceId::PrintDeclaration: printSelfDeclaration(parent); return;
        default: break;  // the step's form answers it (PIN, document, match)
    }
    changed_();
}

std::optional<ReceptionEvent> ReceptionFlow::eventFor(ChoiceId choice) const {
    switch (choice) {
        case ChoiceId::PresentCard: return event::MyNumberCardPresented{};
        case ChoiceId::PresentCertificate:
            return event::DocumentPresented{PresentedDocument::QualificationCertificate, false};
        case ChoiceId::PresentLegacyCard: return event::DocumentPresented{PresentedDocument::LegacyInsuranceCard, false};
        case ChoiceId::CardUnreadable:
            return event::CardReadFailed{_("Staff: the card cannot be read.").ToStdString(wxConvUTF8)};
        case ChoiceId::IdentityFace: return event::IdentityMethodChosen{IdentityMethod::Face};
        case ChoiceId::IdentityPin: return event::IdentityMethodChosen{IdentityMethod::Pin};
        case ChoiceId::IdentityVisual: return event::IdentityMethodChosen{IdentityMethod::Visual};
        case ChoiceId::VisualConfirmed: return event::VisualCheckConfirmed{desk_.context().staffId};
        case ChoiceId::FaceMatched: return event::FaceChecked{true};
        case ChoiceId::FaceNotMatched: return event::FaceChecked{false};
        case ChoiceId::FallbackPortal: return event::FallbackChosen{PresentedDocument::PortalScreen, false};
        case ChoiceId::FallbackNotice: return event::FallbackChosen{PresentedDocument::Notice, false};
        case ChoiceId::FallbackCertificate: return event::FallbackChosen{PresentedDocument::QualificationCertificate, false};
        case ChoiceId::FallbackNone: return event::FallbackChosen{std::nullopt, false};
        case ChoiceId::FirstVisit: return event::VisitKindChosen{VisitKind::FirstVisit, std::nullopt};
        case ChoiceId::ConfirmCopay: return event::CopayConfirmed{std::nullopt, std::nullopt};
        case ChoiceId::ConfirmPastRecord: return event::PastRecordConfirmed{true, false};
        default: return std::nullopt;
    }
}

void ReceptionFlow::submitPin(SecretBuffer& pin) {
    if (!card_ || !desk_.session() || desk_.session()->state() != ReceptionState::AwaitingPin) {
        pin.clear();
        return;
    }
    working_ = true;
    setNotice(_("Checking the PIN on the card…"));
    auto secret = std::make_shared<SecretBuffer>();  // never copied: the worker gets the same buffer
    secret->assign(pin.view());
    pin.clear();
    auto card = card_;
    const int serial = receptionSerial_;
    struct PinOutcome {
        std::optional<PinVerification> verification;
        std::string failure;
    };
    work_.run<PinOutcome>(
        [card, secret](std::stop_token) {
            PinOutcome out;
            auto verified = card->reader().verifyPin(*secret);
            secret->clear();
            if (verified) out.verification = verified.value();
            else out.failure = verified.problem().message;
            return out;
        },
        [this, serial](PinOutcome out) {
            if (!stillIn(serial, ReceptionState::AwaitingPin)) return;
            working_ = false;
            if (!out.verification) {
                apply(event::CardReadFailed{out.failure});
                return;
            }
            apply(event::PinChecked{out.verification->accepted, out.verification->triesLeft});
        },
        [this, serial](std::exception_ptr error) {
            if (stillIn(serial, ReceptionState::AwaitingPin)) apply(event::CardReadFailed{describeFailure(error)});
        });
    changed_();
}

void ReceptionFlow::submitDocument(const DocumentDetails& details) { apply(event::DocumentEntered{details}); }

void ReceptionFlow::submitDeclaration(const DocumentDetails& declared, std::optional<CopayShare> share) {
    auto before = desk_.session() ? desk_.session()->state() : ReceptionState::Cancelled;
    apply(event::SelfDeclarationCompleted{declared, share});
    if (desk_.session() && desk_.session()->state() != before) prompt_ = Prompt::None;
    changed_();
}

void ReceptionFlow::submitCopay(std::optional<std::int64_t> points, std::optional<CopayShare> staffShare,
                                const std::string& correctionReason) {
    apply(event::CopayConfirmed{points, staffShare, correctionReason});
}

void ReceptionFlow::submitReason(const std::string& reason) {
    Prompt asked = prompt_;
    auto before = desk_.session() ? desk_.session()->state() : ReceptionState::Cancelled;
    if (asked == Prompt::CancelReason) apply(event::ReceptionCancelled{reason});
    else if (asked == Prompt::FullChargeReason) apply(event::FullChargeChosen{reason});
    if (desk_.session() && desk_.session()->state() != before) {
        prompt_ = Prompt::None;
        if (desk_.session()->state() == ReceptionState::Cancelled) lookupStop_.request_stop();
    }
    changed_();
}

void ReceptionFlow::dismissPrompt() {
    prompt_ = Prompt::None;
    changed_();
}

void ReceptionFlow::chooseMatch(std::size_t index) { apply(event::MatchChosen{index}); }

void ReceptionFlow::chooseFallbackDocument(PresentedDocument document, bool cardShownToo) {
    apply(event::FallbackChosen{document, cardShownToo});
}

void ReceptionFlow::chooseReturnVisit(const std::string& patientId) {
    pastRecord_.reset();
    if (!patientId.empty()) pastRecord_ = services_.journal->lastEligibility(patientId);
    if (pastRecord_) {  // a past record shown at the window is a read of the patient's data: audited, or not shown
        try {
            services_.journal->recordAccess(desk_.context().staffId, patientId,
                                            "past eligibility at the window (return visit)", desk_.now());
        } catch (const std::exception& error) {
            pastRecord_.reset();
            setNotice(wxString::Format(_("The past record is not shown: its reading could not be audited (%s)."),
                                       wxString::FromUTF8(error.what())),
                      true);
        }
    }
    apply(event::VisitKindChosen{VisitKind::ReturnVisit, pastRecord_});
}

void ReceptionFlow::confirmPastRecord(bool confirmedOrally, bool stillValid) {
    apply(event::PastRecordConfirmed{confirmedOrally, stillValid});
}

SelfDeclarationForm ReceptionFlow::selfDeclarationForm() const {
    SelfDeclarationForm form{services_.context.facility.name, desk_.now().date, {}};
    if (const ReceptionSession* session = desk_.session()) form.prefilled = session->selfDeclarationPrefill();
    return form;
}

void ReceptionFlow::printSelfDeclaration(wxWindow* parent) {
    const SelfDeclarationForm form = selfDeclarationForm();
    if (services_.formRenderer && !services_.formsFolder.empty() && desk_.session()) {
        auto path = services_.formsFolder /
                    storage::selfDeclarationFileName(desk_.session()->record().visitId, desk_.now().date);
        storage::makePrivateFolder(services_.formsFolder);
        auto saved = services_.formRenderer->renderSelfDeclaration(form, path.string());
        if (saved) {
            storage::makePrivateFile(path);
            savedDeclarationPdf_ = path;
            setNotice(wxString::Format(_("The 申立書 was saved as %s"), path.string()));
        } else {
            setNotice(domainText(saved.problem().message), true);
        }
    }
    if (services_.printSelfDeclaration) services_.printSelfDeclaration(parent, form);
    else if (!services_.formRenderer) setNotice(_("Printing the 申立書 is not available in this build."));
    changed_();
}

}  // namespace madoguchi::gui
