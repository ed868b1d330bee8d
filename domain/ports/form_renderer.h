#pragma once
// Port to printing the 被保険者資格申立書 (gui/ renders it through wx printing and PDF).
#include <string>

#include "../outcome.h"
#include "../reception_session.h"

namespace madoguchi {

struct SelfDeclarationForm {
    std::string facilityName;
    Date visitDate;
    DocumentDetails prefilled;  // whatever is already known
};

class FormRenderer {
public:
    virtual ~FormRenderer() = default;
    virtual Outcome<bool> renderSelfDeclaration(const SelfDeclarationForm& form, const std::string& pdfPath) = 0;
};

}  // namespace madoguchi
