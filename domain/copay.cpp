#include "copay.h"

namespace madoguchi {

std::optional<CopayShare> CopayShare::fromTenths(int tenths) {
    if (tenths == 1 || tenths == 2 || tenths == 3 || tenths == 10) return CopayShare(tenths);
    return std::nullopt;
}

std::optional<CopayShare> CopayShare::fromGatewayRatio(std::string_view code) {
    if (code == "010") return CopayShare(1);
    if (code == "020") return CopayShare(2);
    if (code == "030") return CopayShare(3);
    return std::nullopt;
}

Yen copayAmount(std::int64_t points, CopayShare share) {
    // points x 10 yen x tenths / 10 = points x tenths yen; round half-up to 10 yen.
    std::int64_t yen = points * share.tenths();
    return Yen{(yen + 5) / 10 * 10};
}

}  // namespace madoguchi
