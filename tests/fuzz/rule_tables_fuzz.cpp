// libFuzzer: the TSV reader and the rule tables built on it (code tables, bonus tiers, dated
// settings) must answer every input with a table or a Problem.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "domain/rule_tables.h"
#include "domain/tsv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace madoguchi;
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)readTsv(text);
    if (auto codes = CodeTables::parse(text)) (void)codes.value().label("OQSCD006", "1");
    if (auto tiers = BonusTierTable::parse(text))
        for (const auto& period : tiers.value().periods()) (void)tiers.value().tierFor(period.from, 4500, true);
    if (auto settings = DatedSettings::parse(text)) {
        // The keys the application reads (resources/rules/dated_settings.tsv), through their users too.
        (void)settings.value().date("legacy_insurance_card_last_day");
        (void)settings.value().date("my_number_insurance_card_start");
        (void)settings.value().legacyCardUsable(Date::fromYmd(2025, 7, 31), *Date::fromYmd(2025, 11, 30));
    }
    return 0;
}
