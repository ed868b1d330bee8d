#include "gui/manager/usage_page.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>

#include "app/resources.h"
#include "domain/manager_desk.h"
#include "gui/manager/report_labels.h"
#include "gui/settings/language.h"

namespace madoguchi::gui {
namespace {

wxString monthText(const Date& month) { return wxString::Format("%04d-%02u", month.year(), month.month()); }

const wxColour kEstimateColour(70, 130, 200);   // our count
const wxColour kOfficialColour(40, 40, 40);     // the 支払基金's figure
const wxColour kTierColour(200, 60, 40);

// The billing month's period; past the table's end, its last period (the text says so).
std::optional<BonusTierPeriod> tierLinesFor(const BonusTierTable& tiers, const Date& month) {
    if (auto period = tiers.periodFor(month)) return period;
    std::optional<BonusTierPeriod> latest;
    for (const BonusTierPeriod& period : tiers.periods())
        if (period.from <= month && (!latest || latest->from < period.from)) latest = period;
    return latest;
}

}  // namespace

UsageChart::UsageChart(wxWindow* parent) : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxSize(-1, 300)) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    Bind(wxEVT_PAINT, [this](wxPaintEvent&) { onPaint(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& event) {
        Refresh();
        event.Skip();
    });
}

void UsageChart::setData(std::map<Date, MonthlyUsage> months, std::optional<BonusTierPeriod> tiers) {
    months_ = std::move(months);
    tiers_ = tiers;
    Refresh();
}

void UsageChart::onPaint() {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(*wxWHITE_BRUSH);
    dc.Clear();
    const wxSize size = GetClientSize();
    const int left = 56, right = 150, top = 16, bottom = 40;
    const int width = std::max(10, size.x - left - right), height = std::max(10, size.y - top - bottom);
    auto yFor = [&](int basisPoints) { return top + height - height * std::clamp(basisPoints, 0, 10000) / 10000; };

    dc.SetFont(GetFont());
    dc.SetTextForeground(*wxBLACK);
    dc.SetPen(wxPen(wxColour(220, 220, 220)));
    for (int percent = 0; percent <= 100; percent += 20) {
        int y = yFor(percent * 100);
        dc.DrawLine(left, y, left + width, y);
        dc.DrawText(wxString::Format("%d%%", percent), 8, y - 8);
    }

    if (!months_.empty()) {
        const int slot = width / static_cast<int>(months_.size());
        const int bar = std::max(3, slot / 3);
        int x = left + 4;
        for (const auto& [month, usage] : months_) {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(kEstimateColour));
            int y = yFor(usage.estimateBasisPoints);
            dc.DrawRectangle(x, y, bar, top + height - y);
            if (usage.officialBasisPoints) {
                dc.SetBrush(wxBrush(kOfficialColour));
                int official = yFor(*usage.officialBasisPoints);
                dc.DrawRectangle(x + bar + 1, official, bar, top + height - official);
            }
            dc.DrawText(wxString::Format("%02u", month.month()), x, top + height + 4);
            if (month.month() == 1 || &month == &months_.begin()->first)
                dc.DrawText(wxString::Format("%d", month.year()), x, top + height + 20);
            x += slot;
        }
    }

    if (tiers_) {
        const std::pair<int, wxString> lines[] = {
            {tiers_->tier1, _("加算1/4")}, {tiers_->tier2, _("加算2/5")}, {tiers_->tier3, _("加算3/6")}};
        dc.SetPen(wxPen(kTierColour, 2, wxPENSTYLE_SHORT_DASH));
        dc.SetTextForeground(kTierColour);
        for (const auto& [threshold, label] : lines) {
            int y = yFor(threshold);
            dc.DrawLine(left, y, left + width, y);
            dc.DrawText(label + " " + percentText(threshold), left + width + 6, y - 8);
        }
    }
    // Legend
    dc.SetTextForeground(*wxBLACK);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(kEstimateColour));
    dc.DrawRectangle(left + width + 6, top + height - 30, 10, 10);
    dc.DrawText(_("Our count"), left + width + 20, top + height - 33);
    dc.SetBrush(wxBrush(kOfficialColour));
    dc.DrawRectangle(left + width + 6, top + height - 12, 10, 10);
    dc.DrawText(_("Official"), left + width + 20, top + height - 15);
}

UsagePage::UsagePage(wxWindow* parent, storage::FacilityJournal& journal, const StaffMember& member,
                     const Clock& clock)
    : wxPanel(parent), journal_(journal), member_(journal.database(), member), clock_(clock) {
    if (auto table = app::loadBonusTierTable(); table)
        tiers_ = table.value();
    else
        tierProblem_ = wxString::FromUTF8(translated(table.problem().message));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   _("マイナ保険証 usage: patients confirmed online with the card ÷ patients seen, per "
                                     "month. The billing month may use the best of the 3rd, 4th and 5th months before it."));
    intro->Wrap(900);
    sizer->Add(intro, 0, wxALL, 8);
    chart_ = new UsageChart(this);
    sizer->Add(chart_, 1, wxEXPAND | wxLEFT | wxRIGHT, 8);
    standingLabel_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    standingLabel_->SetFont(standingLabel_->GetFont().Bold().Larger());
    sizer->Add(standingLabel_, 0, wxALL, 8);

    auto* entry = new wxBoxSizer(wxHORIZONTAL);
    entry->Add(new wxStaticText(this, wxID_ANY, _("Official rate (支払基金) for")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    month_ = new wxChoice(this, wxID_ANY);
    entry->Add(month_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 6);
    rate_ = new wxSpinCtrlDouble(this, wxID_ANY, wxEmptyString, wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 0.0,
                                 100.0, 0.0, 0.01);
    rate_->SetDigits(2);
    entry->Add(rate_, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 4);
    entry->Add(new wxStaticText(this, wxID_ANY, "%"), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    auto* save = new wxButton(this, wxID_ANY, _("Save the official rate"));
    entry->Add(save, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, 10);
    status_ = new wxStaticText(this, wxID_ANY, wxEmptyString);
    entry->Add(status_, 1, wxALIGN_CENTER_VERTICAL);
    sizer->Add(entry, 0, wxEXPAND | wxALL, 8);
    SetSizer(sizer);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { onSaveClicked(); });
    reload();
}

void UsagePage::reload() {
    const Date thisMonth = clock_.now().date.firstOfMonth();
    const Date first = thisMonth.plusMonths(-(kMonthsShown - 1));
    months_.clear();
    standing_.reset();
    const int previousSelection = month_->GetSelection();
    month_->Clear();
    for (int i = 0; i < kMonthsShown; ++i) month_->Append(monthText(first.plusMonths(i)));
    month_->SetSelection(previousSelection >= 0 ? previousSelection : kMonthsShown - 4);
    refused_.clear();
    if (tiers_) {
        auto history = usageHistory(member_.now(), journal_, thisMonth, kMonthsShown, *tiers_);  // role check first, as the CLI
        if (history) {
            months_ = history.value().months;
            standing_ = history.value().standing;
        } else {
            refused_ = wxString::FromUTF8(translated(history.problem().message));
        }
    }
    chart_->setData(months_, tiers_ ? tierLinesFor(*tiers_, thisMonth) : std::nullopt);
    standingLabel_->SetLabel(standingText());
    Layout();
}

wxString UsagePage::standingText() const {
    if (!tiers_) return tierProblem_;
    if (!refused_.empty()) return refused_;
    if (!standing_) return {};
    wxString text = wxString::Format(_("Billing month %s:"), monthText(standing_->billingMonth)) + " ";
    if (!standing_->bestMonth) return text + _("no usage counted in the 3rd to 5th months before it.");
    text += wxString::Format(_("best month %s at %s"), monthText(*standing_->bestMonth),
                             percentText(standing_->bestBasisPoints));
    if (!standing_->tier)
        return text + " — " + _("the tier table has no period for this month: update resources/rules/bonus_tiers.tsv.");
    const BonusTierReached& tier = *standing_->tier;
    text += " — ";
    text += tier.tier > 0 ? wxString::Format(_("加算%d reached"), tier.tier) : _("no tier reached");
    if (tier.nextTier)
        text += "; " + wxString::Format(_("%s short of 加算%d"), percentText(tier.gapBasisPoints), *tier.nextTier);
    return text;
}

Outcome<bool> UsagePage::enterOfficialRate(const Date& month, int basisPoints) {
    auto saved = madoguchi::enterOfficialRate(member_.now(), journal_, month, basisPoints, clock_.now());
    if (saved) reload();
    return saved;
}

void UsagePage::onSaveClicked() {
    int selection = month_->GetSelection();
    if (selection < 0) return;
    Date month = clock_.now().date.firstOfMonth().plusMonths(selection - (kMonthsShown - 1));
    auto saved = enterOfficialRate(month, static_cast<int>(std::lround(rate_->GetValue() * 100)));
    status_->SetLabel(saved ? wxString::Format(_("Saved the official rate for %s."), monthText(month))
                            : wxString::FromUTF8(translated(saved.problem().message)));
}

}  // namespace madoguchi::gui
