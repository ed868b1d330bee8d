#pragma once
// The domain's Date and wx's wxDateTime, both ways (local calendar dates only).
#include <wx/datetime.h>

#include "domain/date.h"

namespace madoguchi::gui {

inline wxDateTime toWxDate(const Date& date) {
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(date.day()), static_cast<wxDateTime::Month>(date.month() - 1),
                      date.year());
}

inline Date fromWxDate(const wxDateTime& date) {
    return *Date::fromYmd(date.GetYear(), static_cast<unsigned>(date.GetMonth()) + 1, date.GetDay());
}

}  // namespace madoguchi::gui
