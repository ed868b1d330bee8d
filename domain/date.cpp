#include "date.h"

#include <array>
#include <cstdio>

namespace madoguchi {
namespace {

using namespace std::chrono;

std::optional<int> digitsValue(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

std::optional<Date> fromParts(std::string_view y, std::string_view m, std::string_view d) {
    auto year = digitsValue(y), month = digitsValue(m), day = digitsValue(d);
    if (!year || !month || !day) return std::nullopt;
    return Date::fromYmd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
}

std::string twoDigits(int value) {
    std::array<char, 4> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%02d", value);
    return buffer.data();
}

}  // namespace

std::optional<Date> Date::fromYmd(int year, unsigned month, unsigned day) {
    if (year < 1 || year > 9999) return std::nullopt;
    year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return Date(ymd);
}

std::optional<Date> Date::parseIso(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    return fromParts(text.substr(0, 4), text.substr(5, 2), text.substr(8, 2));
}

std::optional<Date> Date::parseCompact(std::string_view text) {
    if (text.size() != 8) return std::nullopt;
    return fromParts(text.substr(0, 4), text.substr(4, 2), text.substr(6, 2));
}

std::string Date::iso() const {
    return std::to_string(year()) + "-" + twoDigits(static_cast<int>(month())) + "-" + twoDigits(static_cast<int>(day()));
}

std::string Date::compact() const {
    return std::to_string(year()) + twoDigits(static_cast<int>(month())) + twoDigits(static_cast<int>(day()));
}

Date Date::plusDays(int days) const { return Date(year_month_day{sys_days{ymd_} + std::chrono::days{days}}); }

Date Date::plusMonths(int months) const {
    year_month_day shifted = ymd_ + std::chrono::months{months};
    if (!shifted.ok()) shifted = year_month_day_last{shifted.year(), month_day_last{shifted.month()}};
    return Date(shifted);
}

Date Date::firstOfMonth() const { return Date(year_month_day{ymd_.year(), ymd_.month(), std::chrono::day{1}}); }

long Date::daysSinceEpoch() const { return sys_days{ymd_}.time_since_epoch().count(); }

std::optional<LocalDateTime> LocalDateTime::parseCompact(std::string_view text) {
    if (text.size() != 14) return std::nullopt;
    auto date = Date::parseCompact(text.substr(0, 8));
    auto h = digitsValue(text.substr(8, 2)), m = digitsValue(text.substr(10, 2)), s = digitsValue(text.substr(12, 2));
    if (!date || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    return LocalDateTime{*date, *h, *m, *s};
}

std::optional<LocalDateTime> LocalDateTime::parseIso(std::string_view text) {
    if (text.size() != 19 || (text[10] != 'T' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    auto date = Date::parseIso(text.substr(0, 10));
    auto h = digitsValue(text.substr(11, 2)), m = digitsValue(text.substr(14, 2)), s = digitsValue(text.substr(17, 2));
    if (!date || !h || !m || !s || *h > 23 || *m > 59 || *s > 59) return std::nullopt;
    return LocalDateTime{*date, *h, *m, *s};
}

std::string LocalDateTime::iso() const {
    return date.iso() + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second);
}

std::string LocalDateTime::compact() const { return date.compact() + twoDigits(hour) + twoDigits(minute) + twoDigits(second); }

namespace {
struct Era {
    const char* name;
    int year;
    unsigned month, day;
};
// Newest first; the first era whose start is on or before the date names it.
constexpr std::array<Era, 5> kEras{{{"令和", 2019, 5, 1},
                                    {"平成", 1989, 1, 8},
                                    {"昭和", 1926, 12, 25},
                                    {"大正", 1912, 7, 30},
                                    {"明治", 1868, 1, 25}}};
}  // namespace

std::string formatWareki(const Date& date) {
    for (const Era& era : kEras) {
        if (date >= *Date::fromYmd(era.year, era.month, era.day)) {
            int eraYear = date.year() - era.year + 1;
            std::string yearText = eraYear == 1 ? std::string("元") : std::to_string(eraYear);
            return std::string(era.name) + yearText + "年" + std::to_string(date.month()) + "月" +
                   std::to_string(date.day()) + "日";
        }
    }
    return std::to_string(date.year()) + "年" + std::to_string(date.month()) + "月" + std::to_string(date.day()) + "日";
}

}  // namespace madoguchi
