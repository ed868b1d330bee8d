#pragma once
// Reading a 薬剤情報 answer (YZKsiquc01res_….xml, INTEROP.md §7) with the one message reader
// (message_reader.h: encoding, limits, hostile input): the status (ResultCode, MessageContents,
// wherever they sit), the patient header (QuaInf) and the three sources, month → date → drug (and
// the 診療 items of claims days). Elements may come in any order; unknown ones are ignored.
#include <string_view>

#include "devices/gateway/medical_info_messages.h"
#include "domain/outcome.h"

namespace madoguchi::gateway {

// A Problem "gateway.malformed" when the reader refuses the bytes or no ResultCode is present. An
// answer whose ResultCode is not 1 is a value: status.succeeded() is false, the text in messageContents.
Outcome<DrugInfoAnswer> parseDrugInfoAnswer(std::string_view bytes);

}  // namespace madoguchi::gateway
