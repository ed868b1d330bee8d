#pragma once
// Calendar dates and local timestamps in the Gregorian calendar (the model's only calendar);
// 和暦 exists for display only.
#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace madoguchi {

class Date {
public:
    static std::optional<Date> fromYmd(int year, unsigned month, unsigned day);
    static std::optional<Date> parseIso(std::string_view text);      // YYYY-MM-DD
    static std::optional<Date> parseCompact(std::string_view text);  // YYYYMMDD

    int year() const { return static_cast<int>(ymd_.year()); }
    unsigned month() const { return static_cast<unsigned>(ymd_.month()); }
    unsigned day() const { return static_cast<unsigned>(ymd_.day()); }

    std::string iso() const;      // YYYY-MM-DD
    std::string compact() const;  // YYYYMMDD

    Date plusDays(int days) const;
    // Same day of month, clamped to the last day of a shorter month.
    Date plusMonths(int months) const;
    Date firstOfMonth() const;
    long daysSinceEpoch() const;

    friend auto operator<=>(const Date& a, const Date& b) { return a.daysSinceEpoch() <=> b.daysSinceEpoch(); }
    friend bool operator==(const Date& a, const Date& b) { return a.ymd_ == b.ymd_; }

private:
    explicit Date(std::chrono::year_month_day ymd) : ymd_(ymd) {}
    std::chrono::year_month_day ymd_;
};

// A wall-clock time at the facility (JST); the domain never reads a clock itself.
struct LocalDateTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;

    static std::optional<LocalDateTime> parseCompact(std::string_view text);  // YYYYMMDDHHmmss
    static std::optional<LocalDateTime> parseIso(std::string_view text);      // YYYY-MM-DDTHH:MM:SS
    std::string iso() const;                                                  // YYYY-MM-DDTHH:MM:SS
    std::string compact() const;                                              // YYYYMMDDHHmmss
    friend auto operator<=>(const LocalDateTime&, const LocalDateTime&) = default;
};

// 令和6年12月2日 style, for display; dates before 明治 fall back to the Gregorian form.
std::string formatWareki(const Date& date);

}  // namespace madoguchi
