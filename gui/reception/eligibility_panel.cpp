#include "gui/reception/eligibility_panel.h"

#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/sizer.h>

#include "domain/certificate_rules.h"
#include "domain/copay_rules.h"
#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui/settings/facility_wording.h"

namespace madoguchi::gui {
namespace {

wxString esc(const wxString& text) { return escapeHtml(text); }

wxString hex(const wxColour& colour) { return colour.GetAsString(wxC2S_HTML_SYNTAX); }

wxString row(const wxString& label, const wxString& value) {
    if (value.empty()) return {};
    return "<tr><td><font color='#666666'>" + esc(label) + "</font></td><td><b>" + breakForHtml(esc(value), 26) +
           "</b></td></tr>";
}

wxString block(const wxString& title, const wxString& rows, const wxColour& background) {
    if (rows.empty()) return {};
    return "<table width='100%' cellpadding='4' bgcolor='" + hex(background) + "'><tr><td colspan='2'><b>" +
           esc(title) + "</b></td></tr>" + rows + "</table><br>";
}

wxString compactDate(const std::string& raw) {
    auto date = Date::parseCompact(raw);
    return date ? fromUtf8(formatWareki(*date) + " (" + date->iso() + ")") : fromUtf8(raw);
}

wxString consentText(const CodedValue& flag) {
    if (!flag.present()) return {};
    return fromUtf8(flag.label.empty() ? flag.raw : flag.label);
}

wxString nameRows(const ReceptionSession& session) {
    const VisitRecord& record = session.record();
    const QualificationRecord* online = nullptr;
    if (session.onlineResult() && session.onlineResult()->results.size() == 1)
        online = &session.onlineResult()->results.front();
    wxString name = fromUtf8(record.patient.name);
    wxString kana = fromUtf8(record.patient.nameKana);
    if (name.empty() && online) name = fromUtf8(online->name.empty() ? online->insuredName : online->name);
    if (kana.empty() && online) kana = fromUtf8(online->nameKana);
    wxString rows;
    if (!name.empty()) {
        bool flagged = online && online->nameHasUnrepresentableCharacters;
        wxString shown = "<font size='+2'><b>" + esc(name) + "</b></font>";
        if (flagged)
            shown += " <font color='" + hex(colors::alert()) + "'>● " +
                     esc(_("contains characters the system cannot show: confirm the name")) + "</font>";
        rows += "<tr><td colspan='2'>" + shown + "</td></tr>";
    }
    rows += row(_("Kana"), kana);
    std::optional<Date> birth = record.patient.birthDate;
    if (!birth && online) birth = online->birthDate();
    if (birth) {
        wxString age = wxString::Format(_("%d years"), completedYearsOn(*birth, record.startedAt.date));
        rows += row(_("Birth date"), fromUtf8(formatWareki(*birth)) + " (" + age + ")");
    }
    if (online) rows += row(_("Sex"), fromUtf8(online->sex1.label));
    return rows;
}

wxString insuranceRows(const ReceptionSession& session) {
    const VisitRecord& record = session.record();
    const QualificationRecord* online = nullptr;
    if (session.onlineResult() && session.onlineResult()->results.size() == 1)
        online = &session.onlineResult()->results.front();
    InsuranceIdentity insurance = record.insurance;
    if (insurance.insurerNumber.empty() && online)
        insurance = {online->insurerNumber, {online->insuredCardSymbol, online->insuredIdentificationNumber, online->insuredBranchNumber}};
    wxString rows;
    if (online && !online->insurerName.empty()) rows += row(_("Insurer"), fromUtf8(online->insurerName));
    if (online && !online->welfareOfficeName.empty()) rows += row(_("Welfare office"), fromUtf8(online->welfareOfficeName));
    rows += row(_("Insurer number"), fromUtf8(insurance.insurerNumber));
    wxString numbers;
    if (!insurance.card.symbol.empty()) numbers += fromUtf8(insurance.card.symbol) + " ・ ";
    numbers += fromUtf8(insurance.card.number);
    if (!insurance.card.branch.empty()) numbers += " (" + _("branch") + " " + fromUtf8(insurance.card.branch) + ")";
    rows += row(_("Symbol / number"), numbers);
    if (online) {
        rows += row(_("Insured / family"), fromUtf8(online->personalFamilyClassification.label));
        rows += row(_("Card type"), fromUtf8(online->insuredCardClassification.label));
        if (!online->insuredCardExpirationDate.empty())
            rows += row(_("Valid until"), compactDate(online->insuredCardExpirationDate));
    }
    return rows;
}

wxString shareRows(const ReceptionSession& session) {
    const VisitRecord& record = session.record();
    if (!record.fullChargeReason.empty())
        return "<tr><td colspan='2'><font size='+2' color='" + hex(colors::alert()) + "'><b>" +
               shareText(CopayShare::full()) + "</b></font></td></tr>" +
               row(_("Why"), domainText(record.shareBasis) + ": " + fromUtf8(record.fullChargeReason));
    const auto& decision = session.shareDecision();
    if (!decision) return {};
    wxString rows;
    rows += "<tr><td colspan='2'><font size='+2'><b>" +
            (decision->share ? shareText(*decision->share) : esc(_("Staff must set the share"))) +
            "</b></font></td></tr>";
    rows += row(_("Why"), domainText(decision->basis));
    return rows;
}

wxString changedText(const std::string& raw) {
    return raw == "1" ? _("changed since the last check") : raw == "0" ? _("unchanged") : fromUtf8(raw);
}

// 医療扶助: each 医療券・調剤券 with what the window checks (valid, for us, the patient's payment).
wxString medicalTicketRows(const MedicalTicketInfo& t) {
    wxString rows = row(_("Ticket (issue number)"), fromUtf8(t.issueNumber) + " (" + _("type") + " " + fromUtf8(t.ticketType) + ")");
    rows += row(_("Valid"), compactDate(t.validDate) + " – " + compactDate(t.expirationDate));
    if (!t.medicalTreatmentMonth.empty()) rows += row(_("Treatment month"), fromUtf8(t.medicalTreatmentMonth));
    if (!t.designatedInstitutionName.empty() || !t.designatedInstitutionCode.empty())
        rows += row(_("Designated institution"), fromUtf8(t.designatedInstitutionName.empty() ? t.designatedInstitutionCode
                                                                                              : t.designatedInstitutionName));
    if (!t.prescriptionIssuerName.empty()) rows += row(_("Prescription from"), fromUtf8(t.prescriptionIssuerName));
    if (!t.selfPayAmount.empty()) rows += row(_("Patient pays (yen)"), fromUtf8(t.selfPayAmount));
    for (const std::string* remark : {&t.remarks1, &t.remarks2, &t.remarks3})
        if (!remark->empty()) rows += row(_("Remarks"), fromUtf8(*remark));
    return rows;
}

wxString supplementBlocks(const QualificationRecord& q) {
    wxString out;
    if (q.elderlyRecipient) {
        const auto& e = *q.elderlyRecipient;
        auto share = CopayShare::fromGatewayRatio(e.contributionRatio);
        out += block(_("高齢受給者 (70-74)"),
                     row(_("Share"), share ? shareText(*share) : fromUtf8(e.contributionRatio)) +
                         row(_("Valid"), compactDate(e.validStartDate) + " – " + compactDate(e.validEndDate)),
                     colors::neutralLight());
    }
    if (q.limitApplication || q.limitApplicationConsent.present() || !q.limitApplicationCertificateChanged.empty()) {
        wxString rows = row(_("Consent"), consentText(q.limitApplicationConsent));
        if (!q.limitApplicationCertificateChanged.empty())
            rows += row(_("Certificate"), changedText(q.limitApplicationCertificateChanged));
        if (q.limitApplication) {
            rows += row(_("Classification"), fromUtf8(q.limitApplication->classification.label));
            rows += row(_("Category"), fromUtf8(q.limitApplication->classificationFlag.label.empty()
                                                    ? q.limitApplication->classificationFlag.raw
                                                    : q.limitApplication->classificationFlag.label));
        }
        out += block(_("限度額適用"), rows, colors::neutralLight());
    }
    if (!q.specificDiseases.empty() || q.specificDiseasesConsent.present()) {
        wxString rows = row(_("Consent"), consentText(q.specificDiseasesConsent));
        for (const auto& d : q.specificDiseases)
            rows += row(_("Disease category"), fromUtf8(d.diseaseCategory)) + row(_("Self-pay limit"), fromUtf8(d.selfPay));
        out += block(_("特定疾病療養"), rows, colors::neutralLight());
    }
    if (!q.medicalTickets.empty()) {
        wxString rows;
        for (const auto& ticket : q.medicalTickets) rows += medicalTicketRows(ticket);
        out += block(_("医療扶助 (医療券・調剤券)"), rows, colors::neutralLight());
    }
    return out;
}

// The consents to share medical information (not in mode ③). A pharmacy counter sees the
// 薬剤情報 consent first, at the top of the panel.
wxString consentBlock(const QualificationRecord& q, FacilityKind kind) {
    wxString rows = row(_("Medication (薬剤情報)"), consentText(q.pharmacistsInfo.flag)) +
                    row(_("Health check-ups (特定健診)"), consentText(q.specificHealthCheckupsInfo.flag)) +
                    row(_("Diagnosis (診療情報)"), consentText(q.diagnosisInfo.flag)) +
                    row(_("Operations (手術情報)"), consentText(q.operationInfo.flag));
    return block(medicalInfoConsentLabel(kind), rows,
                 kind == FacilityKind::Pharmacy ? colors::confirmedLight() : colors::neutralLight());
}

wxString alertBlock(const ReceptionSession& session) {
    wxString items;
    std::string advice;  // in red, first; the session also lists it among its warnings
    if (auto standing = session.certificateStanding(); standing && certificateAlertApplies(*standing)) {
        advice = certificateAdvice(*standing);
        items += "<li><font color='" + hex(colors::alert()) + "'><b>" + breakForHtml(esc(domainText(advice)), 34) +
                 "</b></font></li>";
    }
    for (const auto& warning : session.warnings())
        if (warning != advice) items += "<li>" + breakForHtml(esc(domainText(warning)), 34) + "</li>";
    if (items.empty()) return {};
    return "<table width='100%' cellpadding='4' bgcolor='" + hex(colors::warningLight()) + "'><tr><td><b>" +
           esc(_("Alerts")) + "</b><ul>" + items + "</ul></td></tr></table><br>";
}

wxString sourceLine(const ReceptionSession& session) {
    const VisitRecord& record = session.record();
    // Only once the eligibility is decided: mid-fallback the record still holds its defaults.
    const auto state = session.state();
    if (state != ReceptionState::EligibilityConfirmed && state != ReceptionState::ConfirmingCopay &&
        state != ReceptionState::Completed)
        return {};
    return "<p><font color='#666666'>" + esc(_("Source")) + ": " + esc(eligibilitySourceText(record.source)) +
           " &nbsp; " + esc(_("Claim")) + ": " + esc(claimRouteText(record.claimRoute)) + "</font></p>";
}

}  // namespace

wxString eligibilityHtml(const ReceptionSession& session, const FacilitySettings& facility) {
    const Tone tone = session.tone();
    wxString html = "<html><body bgcolor='#ffffff'>";
    html += "<table width='100%' cellpadding='6' bgcolor='" + hex(colors::strongFor(tone)) +
            "'><tr><td><font color='#ffffff' size='+1'><b>" + esc(toneHeadline(session)) + "</b></font></td></tr></table><br>";
    const QualificationRecord* online = session.onlineResult() && session.onlineResult()->results.size() == 1
                                            ? &session.onlineResult()->results.front()
                                            : nullptr;
    const bool consents = online && modeAllowsMedicalInformation(facility.mode);
    const bool pharmacy = facility.kind == FacilityKind::Pharmacy;
    html += alertBlock(session);  // first: what staff must act on
    if (consents && pharmacy) html += consentBlock(*online, facility.kind);
    html += block(_("Patient"), nameRows(session), colors::lightFor(tone));
    html += block(_("Insurance"), insuranceRows(session), colors::lightFor(tone));
    html += block(_("Copay share"), shareRows(session), colors::lightFor(tone));
    if (online) html += supplementBlocks(*online);
    if (consents && !pharmacy) html += consentBlock(*online, facility.kind);
    if (session.onlineResult() && !session.onlineResult()->processingResultMessage.empty())
        html += block(_("Message from the online system"),
                      "<tr><td colspan='2'>" + breakForHtml(esc(fromUtf8(session.onlineResult()->processingResultMessage)), 44) +
                          "</td></tr>",
                      colors::warningLight());
    html += sourceLine(session);
    html += "</body></html>";
    return html;
}

EligibilityPanel::EligibilityPanel(wxWindow* parent, FacilitySettings facility)
    : wxPanel(parent, wxID_ANY), facility_(std::move(facility)) {
    SetName("eligibility_panel");
    html_ = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxHW_SCROLLBAR_AUTO);
    html_->SetStandardFonts(12);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(html_, 1, wxEXPAND);
    SetSizer(sizer);
    render(nullptr);
}

void EligibilityPanel::render(const ReceptionSession* session) {
    if (!session) {
        showPage("<html><body><p><font color='#888888' size='+1'>" +
                 breakForHtml(esc(_("Nobody at the window. Arrivals appear in the queue on the left.")), 30) +
                 "</font></p></body></html>");
        return;
    }
    showPage(eligibilityHtml(*session, facility_));
}

void EligibilityPanel::showPage(const wxString& page) {
    if (page == shownPage_) return;
    shownPage_ = page;
    html_->SetPage(page);
}

wxString EligibilityPanel::shownText() const { return html_->ToText(); }

}  // namespace madoguchi::gui
