#pragma once
// Typing in a document's details (マイナポータル screen, 資格情報のお知らせ, 資格確認書, legacy
// card) or the patient's 被保険者資格申立書, with live validation: the insurer number's check
// digit, required fields and dates. The session still decides; this only helps typing right.
#include <map>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/reception_session.h"
#include "gui/reception/step_form.h"

class wxButton;
class wxChoice;
class wxFlexGridSizer;
class wxStaticText;
class wxTextCtrl;

namespace madoguchi::gui {

class ReceptionFlow;

class DocumentEntryPanel : public StepForm {
public:
    enum class Purpose { Document, SelfDeclaration };

    DocumentEntryPanel(wxWindow* parent, ReceptionFlow& flow, Purpose purpose, const DocumentDetails& prefill,
                       Date today);
    bool handleChoice(ChoiceId choice) override;
    void focusFirstField() override;

    // Re-checks every field; returns the problems shown (field name → message).
    std::map<std::string, wxString> validate();
    void submit();

private:
    wxTextCtrl* addField(const char* name, const wxString& label, const std::string& value, bool required);
    std::optional<CopayShare> chosenShare() const;
    DocumentDetails details() const;
    void showAgeRuleShare();

    ReceptionFlow& flow_;
    Purpose purpose_;
    Date today_;
    wxFlexGridSizer* grid_ = nullptr;
    std::map<std::string, wxTextCtrl*> fields_;
    std::map<std::string, wxStaticText*> messages_;
    wxChoice* share_ = nullptr;
    wxChoice* insuranceType_ = nullptr;  // the 申立書 only
    wxStaticText* shareHint_ = nullptr;
    wxButton* submit_ = nullptr;
};

}  // namespace madoguchi::gui
