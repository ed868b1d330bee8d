#include "gui/reception/document_entry_panel.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <array>

#include "domain/copay_rules.h"
#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui/reception/reception_flow.h"

namespace madoguchi::gui {
namespace {

std::string text(const wxTextCtrl* field) { return field ? field->GetValue().utf8_string() : std::string(); }

// The domain's field ids (validateDocument) and the fields of this form.
const std::map<std::string, std::string> kFieldOf{
    {"name", "doc_name"},     {"birth_date", "doc_birth"}, {"address", "doc_address"},
    {"insurer_number", "doc_insurer"}, {"number", "doc_number"}, {"branch", "doc_branch"},
    {"valid_until", "doc_valid_until"}};

const std::array<DeclaredInsuranceType, 5> kInsuranceTypes{
    DeclaredInsuranceType::Unknown, DeclaredInsuranceType::EmployeeInsurance,
    DeclaredInsuranceType::NationalHealthInsurance, DeclaredInsuranceType::NationalHealthInsuranceUnion,
    DeclaredInsuranceType::LateElderly};

wxString insuranceTypeText(DeclaredInsuranceType type) {
    switch (type) {
        case DeclaredInsuranceType::Unknown: return _("Does not know (わからない)");
        case DeclaredInsuranceType::EmployeeInsurance: return _("Employee insurance (被用者保険)");
        case DeclaredInsuranceType::NationalHealthInsurance: return _("National health insurance (国民健康保険)");
        case DeclaredInsuranceType::NationalHealthInsuranceUnion: return _("National health insurance union (国保組合)");
        case DeclaredInsuranceType::LateElderly: return _("Late-stage elderly (後期高齢者医療)");
    }
    return {};
}

}  // namespace

DocumentEntryPanel::DocumentEntryPanel(wxWindow* parent, ReceptionFlow& flow, Purpose purpose,
                                       const DocumentDetails& prefill, Date today)
    : StepForm(parent, wxID_ANY), flow_(flow), purpose_(purpose), today_(today) {
    SetName(purpose == Purpose::Document ? "document_entry" : "declaration_entry");
    grid_ = new wxFlexGridSizer(2, wxSize(10, 2));
    grid_->AddGrowableCol(1, 1);
    const bool declaration = purpose == Purpose::SelfDeclaration;
    const auto& p = prefill.patient;
    const auto& i = prefill.insurance;
    addField("doc_name", _("Name"), p.name, true);
    addField("doc_kana", _("Name in kana"), p.nameKana, false);
    addField("doc_birth", _("Birth date (YYYY-MM-DD)"), p.birthDate ? p.birthDate->iso() : std::string(), true);
    if (declaration) {
        addField("doc_post", _("Postal code"), p.postNumber, false);
        addField("doc_address", _("Address"), p.address, true);
        addField("doc_phone", _("Phone"), p.phone, false);
        addField("doc_employer", _("Employer (事業所名)"), p.employer, false);
        grid_->Add(new wxStaticText(this, wxID_ANY, _("Type of insurance (保険の種類)")), 0, wxALIGN_CENTER_VERTICAL);
        insuranceType_ = new wxChoice(this, wxID_ANY);
        insuranceType_->SetName("doc_insurance_type");
        for (auto type : kInsuranceTypes) insuranceType_->Append(insuranceTypeText(type));
        for (std::size_t i = 0; i < kInsuranceTypes.size(); ++i)
            if (kInsuranceTypes[i] == prefill.insuranceType) insuranceType_->SetSelection(static_cast<int>(i));
        grid_->Add(insuranceType_);
        addField("doc_insurer_name", _("Insurer name (保険者名)"), prefill.insurerName, false);
    }
    addField("doc_insurer", _("Insurer number (保険者番号)"), i.insurerNumber, !declaration);
    addField("doc_symbol", _("Symbol (記号)"), i.card.symbol, false);
    addField("doc_number", _("Number (番号)"), i.card.number, !declaration);
    addField("doc_branch", _("Branch (枝番)"), i.card.branch, false);
    if (!declaration) addField("doc_valid_until", _("Valid until (YYYY-MM-DD), if printed"), {}, false);

    grid_->Add(new wxStaticText(this, wxID_ANY, declaration ? _("Declared share") : _("Share printed on it")), 0,
               wxALIGN_CENTER_VERTICAL);
    share_ = new wxChoice(this, wxID_ANY);
    share_->SetName("doc_share");
    share_->Append(declaration ? _("Does not know") : _("Not printed"));
    share_->Append("1割 (10%)");
    share_->Append("2割 (20%)");
    share_->Append("3割 (30%)");
    share_->SetSelection(0);
    share_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { validate(); });
    shareHint_ = new wxStaticText(this, wxID_ANY, {});
    shareHint_->SetName("doc_share_hint");
    auto* shareRow = new wxBoxSizer(wxVERTICAL);
    shareRow->Add(share_, 0);
    shareRow->Add(shareHint_, 0, wxTOP, 2);
    grid_->Add(shareRow, 0);

    submit_ = new wxButton(this, wxID_ANY, declaration ? _("The 申立書 is filled in: continue") : _("Use these details"));
    submit_->SetName("doc_submit");
    submit_->SetFont(colors::choiceFont());
    submit_->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { submit(); });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid_, 0, wxEXPAND | wxBOTTOM, 10);
    sizer->Add(submit_, 0);
    SetSizer(sizer);
    if (prefill.printedShare) share_->SetSelection(prefill.printedShare->tenths());
    showAgeRuleShare();
    validate();
}

wxTextCtrl* DocumentEntryPanel::addField(const char* name, const wxString& label, const std::string& value,
                                         bool required) {
    grid_->Add(new wxStaticText(this, wxID_ANY, required ? label + " *" : label), 0, wxALIGN_CENTER_VERTICAL);
    auto* field = new wxTextCtrl(this, wxID_ANY, fromUtf8(value), wxDefaultPosition, wxSize(220, -1));
    field->SetName(name);
    field->Bind(wxEVT_TEXT, [this](wxCommandEvent&) {
        showAgeRuleShare();
        validate();
    });
    auto* message = new wxStaticText(this, wxID_ANY, {});
    message->SetName(std::string(name) + "_problem");
    message->SetForegroundColour(colors::alert());
    message->Hide();
    auto* cell = new wxBoxSizer(wxVERTICAL);
    cell->Add(field, 0, wxEXPAND);
    cell->Add(message, 0);
    grid_->Add(cell, 0, wxEXPAND);
    fields_[name] = field;
    messages_[name] = message;
    return field;
}

std::optional<CopayShare> DocumentEntryPanel::chosenShare() const {
    int selection = share_->GetSelection();
    if (selection <= 0) return std::nullopt;
    return CopayShare::fromTenths(selection);
}

void DocumentEntryPanel::showAgeRuleShare() {
    if (!shareHint_) return;
    auto birth = Date::parseIso(text(fields_["doc_birth"]));
    if (!birth || *birth > today_) {
        shareHint_->SetLabel({});
        return;
    }
    auto rule = decideShare(*birth, today_, {});
    if (!rule.share) {
        shareHint_->SetLabel(_("Age rule: ask the patient (後期高齢者 1割, 2割 or 3割)"));
        return;
    }
    shareHint_->SetLabel(_("Age rule:") + " " + shareText(*rule.share));
}

std::map<std::string, wxString> DocumentEntryPanel::validate() {
    std::map<std::string, wxString> problems;
    const DocumentDetails typed = details();
    const auto purpose = purpose_ == Purpose::SelfDeclaration ? DocumentPurpose::SelfDeclaration : DocumentPurpose::Document;
    for (const auto& [field, message] : validateDocument(typed, purpose, today_))
        if (auto found = kFieldOf.find(field); found != kFieldOf.end()) problems[found->second] = domainText(message);
    // What only typing can get wrong: a date that does not parse.
    if (!text(fields_["doc_birth"]).empty() && !typed.patient.birthDate)
        problems["doc_birth"] = _("Not a date: write it as 1980-06-15");
    if (auto it = fields_.find("doc_valid_until"); it != fields_.end() && !text(it->second).empty() && !typed.validUntil)
        problems["doc_valid_until"] = _("Not a date: write it as 2027-03-31");
    for (auto& [name, message] : messages_) {
        auto found = problems.find(name);
        message->SetLabel(found == problems.end() ? wxString() : wrapToWidth(message, found->second, 220));
        message->Show(found != problems.end());
    }
    submit_->Enable(problems.empty());
    Layout();
    return problems;
}

DocumentDetails DocumentEntryPanel::details() const {
    DocumentDetails d;
    auto get = [this](const char* name) {
        auto it = fields_.find(name);
        return it == fields_.end() ? std::string() : text(it->second);
    };
    d.patient.name = get("doc_name");
    d.patient.nameKana = get("doc_kana");
    d.patient.birthDate = Date::parseIso(get("doc_birth"));
    d.patient.postNumber = get("doc_post");
    d.patient.address = get("doc_address");
    d.patient.phone = get("doc_phone");
    d.patient.employer = get("doc_employer");
    d.insurance.insurerNumber = get("doc_insurer");
    d.insurance.card = {get("doc_symbol"), get("doc_number"), get("doc_branch")};
    d.printedShare = chosenShare();
    if (!get("doc_valid_until").empty()) d.validUntil = Date::parseIso(get("doc_valid_until"));
    if (insuranceType_ && insuranceType_->GetSelection() >= 0)
        d.insuranceType = kInsuranceTypes[static_cast<std::size_t>(insuranceType_->GetSelection())];
    d.insurerName = get("doc_insurer_name");
    return d;
}

bool DocumentEntryPanel::handleChoice(ChoiceId choice) {
    if (choice != ChoiceId::EnterDocument) return false;
    submit();
    return true;
}

void DocumentEntryPanel::focusFirstField() { fields_["doc_name"]->SetFocus(); }

void DocumentEntryPanel::submit() {
    if (!validate().empty()) return;
    if (purpose_ == Purpose::SelfDeclaration) flow_.submitDeclaration(details(), chosenShare());
    else flow_.submitDocument(details());
}

}  // namespace madoguchi::gui
