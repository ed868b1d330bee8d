#pragma once
// VisitRecord as JSON: the CLI prints it, the journal keeps a copy, exports reuse it.
#include <Poco/JSON/Object.h>

#include "domain/visit_record.h"

namespace madoguchi::app {

Poco::JSON::Object::Ptr visitRecordToJson(const VisitRecord& visit);

}  // namespace madoguchi::app
