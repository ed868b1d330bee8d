#include "devices/gateway/card_check_module.h"

#include "platform/modules.h"

namespace madoguchi::gateway {

Outcome<std::unique_ptr<CardCheckClient>> makeCardCheckClient(const std::string& url, const CodeTables& codes,
                                                              const CardCheckTrust& trust,
                                                              std::chrono::milliseconds timeout) {
    const auto module = platform::Module::open(platform::modulePath(kCardCheckModuleFileName, kCardCheckModuleOverride),
                                               kCardCheckModuleVersionSymbol, kCardCheckModuleVersion);
    auto* factory = module.function<CardCheckClientFactoryFunction>(kCardCheckClientFactorySymbol);
    if (!factory)
        return Problem{"gateway.card_check.module_missing",
                       N_("The direct card check is not installed (its module could not be loaded). Confirm "
                          "eligibility another way and reinstall Madoguchi.")};
    return std::unique_ptr<CardCheckClient>(factory(url, codes, trust, timeout));
}

}  // namespace madoguchi::gateway
