#pragma once
// 自己負担割合 and the amount collected at the window.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

struct Yen {
    std::int64_t value = 0;
    friend auto operator<=>(const Yen&, const Yen&) = default;
};

// The share in tenths: 1, 2 or 3 for insured care, 10 for 10割 (full charge, needs a reason).
class CopayShare {
public:
    static std::optional<CopayShare> fromTenths(int tenths);
    // "010" / "020" / "030" as InsuredPartialContributionRatio and ElderlyRecipientContributionRatio carry it.
    static std::optional<CopayShare> fromGatewayRatio(std::string_view code);
    static constexpr int kFullChargeTenths = 10;
    static CopayShare full() { return CopayShare(kFullChargeTenths); }

    int tenths() const { return tenths_; }
    bool isFullCharge() const { return tenths_ == kFullChargeTenths; }
    friend auto operator<=>(const CopayShare&, const CopayShare&) = default;

private:
    explicit CopayShare(int tenths) : tenths_(tenths) {}
    int tenths_;
};

// 一部負担金 = points x 10 yen x share, rounded half-up to 10 yen (四捨五入 at 5 yen), exact.
Yen copayAmount(std::int64_t points, CopayShare share);

}  // namespace madoguchi
