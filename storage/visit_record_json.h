#pragma once
// VisitRecord as JSON, one codec: the journal keeps a copy, the CLI prints it, exports reuse it.
#include <Poco/JSON/Object.h>

#include "domain/visit_record.h"

namespace madoguchi::storage {

Poco::JSON::Object::Ptr visitRecordToJson(const VisitRecord& visit);

}  // namespace madoguchi::storage
