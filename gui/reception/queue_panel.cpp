#include "gui/reception/queue_panel.h"

#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"

namespace madoguchi::gui {
namespace {

wxString howText(const Arrival& arrival) {
    if (arrival.kind == Arrival::Kind::CardTap) return _("Card tap");
    switch (arrival.method) {
        case IdentityMethod::Face: return _("Reader: face");
        case IdentityMethod::Pin: return _("Reader: PIN");
        case IdentityMethod::Visual: return _("Reader: 目視");
        case IdentityMethod::None: break;
    }
    return _("Reader");
}

wxString statusText(const Arrival& arrival, bool newest) {
    switch (arrival.status) {
        case Arrival::Status::InReception: return _("at the window");
        case Arrival::Status::Done: return _("done");
        case Arrival::Status::Waiting: break;
    }
    return newest ? _("★ new") : _("waiting");
}

}  // namespace

QueuePanel::QueuePanel(wxWindow* parent, const std::string& windowName) : wxPanel(parent, wxID_ANY) {
    SetName("queue_panel");
    auto* title = new wxStaticText(this, wxID_ANY,
                                   windowName.empty() ? _("Arrivals")
                                                      : wxString::Format(_("Arrivals at %s"), fromUtf8(windowName)));
    title_ = title;
    title->SetFont(colors::choiceFont());
    list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list_->SetName("queue_list");
    list_->SetFont(colors::bodyFont());
    list_->AppendColumn(_("Time"), wxLIST_FORMAT_LEFT, 64);
    list_->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, 104);
    list_->AppendColumn(_("How"), wxLIST_FORMAT_LEFT, 124);
    list_->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, 80);
    list_->Bind(wxEVT_LIST_ITEM_ACTIVATED, &QueuePanel::activated, this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, 0, wxALL, 6);
    sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, 6);
    SetSizer(sizer);
}

void QueuePanel::render(const std::vector<Arrival>& arrivals) {
    list_->Freeze();
    list_->DeleteAllItems();
    numbers_.clear();
    int newest = arrivals.empty() ? 0 : arrivals.back().number;
    for (const auto& arrival : arrivals) {
        long row = list_->InsertItem(list_->GetItemCount(), wxString::Format("%02d:%02d", arrival.at.hour, arrival.at.minute));
        wxString name = arrival.displayName.empty() ? wxString(_("(card not read yet)")) : fromUtf8(arrival.displayName);
        list_->SetItem(row, 1, name);
        list_->SetItem(row, 2, howText(arrival));
        bool isNewest = arrival.number == newest && arrival.status == Arrival::Status::Waiting;
        list_->SetItem(row, 3, statusText(arrival, isNewest));
        if (isNewest) list_->SetItemBackgroundColour(row, colors::newestArrival());
        if (arrival.status == Arrival::Status::InReception) {
            wxFont bold = list_->GetFont();
            bold.SetWeight(wxFONTWEIGHT_BOLD);
            list_->SetItemFont(row, bold);
        }
        if (arrival.status == Arrival::Status::Done) list_->SetItemTextColour(row, *wxLIGHT_GREY);
        numbers_.push_back(arrival.number);
    }
    list_->Thaw();
}

wxString QueuePanel::titleText() const { return title_->GetLabel(); }

int QueuePanel::rowCount() const { return list_->GetItemCount(); }

wxString QueuePanel::rowText(int row, int column) const { return list_->GetItemText(row, column); }

void QueuePanel::activated(wxListEvent& event) {
    long row = event.GetIndex();
    if (row >= 0 && row < static_cast<long>(numbers_.size()) && open_) open_(numbers_[static_cast<std::size_t>(row)]);
}

}  // namespace madoguchi::gui
