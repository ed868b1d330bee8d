#pragma once
// 薬剤情報 and 特定健診 answers as JSON (madoguchi-cli druginfo/checkup parse and fetch, for レセコン
// and 電子薬歴 integration; keys in docs/cli.md): the status, the patient, the days merged as
// deployed software merges them (revised marked) with the 重複投薬の可能性 pairs first, and the
// checkups newest first with each item's out-of-range mark.
#include <Poco/JSON/Object.h>

#include "devices/gateway/medical_info_messages.h"

namespace madoguchi::gateway {

Poco::JSON::Object::Ptr drugInfoJson(DrugInfoAnswer answer);
Poco::JSON::Object::Ptr checkupJson(CheckupAnswer answer);

}  // namespace madoguchi::gateway
