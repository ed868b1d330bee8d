#pragma once
// A patient arriving at the window: a certified reader's face/ result or a card tapped on our
// own reader. The queue lists them; a reception starts from one.
#include <memory>
#include <string>

#include "domain/eligibility.h"
#include "domain/visit_record.h"
#include "gui/reception/tapped_card.h"

namespace madoguchi::gui {

struct Arrival {
    enum class Kind { CertifiedReaderResult, CardTap };
    enum class Status { Waiting, InReception, Done };

    Kind kind = Kind::CertifiedReaderResult;
    Status status = Status::Waiting;
    int number = 0;  // order of arrival, from 1
    LocalDateTime at{*Date::fromYmd(2000, 1, 1)};
    std::string displayName;  // from the result; empty for a card not yet read
    std::string patientId;    // the facility's patient number, when known
    // CertifiedReaderResult
    EligibilityResult result;
    std::string rawXml;
    IdentityMethod method = IdentityMethod::Face;
    // CardTap
    std::shared_ptr<TappedCard> card;
};

}  // namespace madoguchi::gui
