#include "facility.h"

namespace madoguchi {

bool modeAllowsFaceAuthentication(FacilityMode mode) { return mode == FacilityMode::Standard; }
bool modeAllowsMedicalInformation(FacilityMode mode) { return mode != FacilityMode::QualificationOnly; }
bool modeAllowsScreenshots(FacilityMode mode) { return mode != FacilityMode::QualificationOnly; }

}  // namespace madoguchi
