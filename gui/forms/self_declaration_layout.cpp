#include "gui/forms/self_declaration_layout.h"

#include "gui/forms/kana_width.h"

#include <wx/brush.h>
#include <wx/graphics.h>
#include <wx/pen.h>

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

namespace madoguchi::gui {
namespace {

// A Japanese font the system has: Noto Sans CJK JP on Debian (fonts-noto-cjk, a dependency of the
// package); Meiryo on Windows, where every Japanese installation has it.
#ifdef _WIN32
const wxString kFace = "Meiryo";
#else
const wxString kFace = "Noto Sans CJK JP";
#endif
constexpr double kUnitsPerMm = 100.0;
// wx's cairo fonts take a pixel size that pango reads at 96 dpi against 72 points: this makes
// a requested size the em height in millimetres.
constexpr double kFontScale = 96.0 / 72.0;
constexpr double kLeft = 18.0;
constexpr double kRight = kA4WidthMm - 18.0;
constexpr double kLabelWidth = 38.0;
const wxColour kInk(0, 0, 0);
const wxColour kLabelShade(236, 236, 236);
const wxColour kGuide(110, 110, 110);

wxString utf8(const std::string& text) { return wxString::FromUTF8(text); }

// 令和8年11月25日（2026年11月25日）
wxString bothCalendars(const Date& date) {
    return utf8(formatWareki(date)) +
           wxString::Format(wxString::FromUTF8("（%d年%u月%u日）"), date.year(), date.month(), date.day());
}

// Small drawing vocabulary in millimetres over one graphics context. Internally it draws in
// hundredths of a millimetre: pango rounds glyph positions to whole user units, which at one
// unit per millimetre would scatter the letters.
class Page {
public:
    explicit Page(wxGraphicsContext& gc) : gc_(gc) {
        gc_.PushState();
        gc_.Scale(1.0 / kUnitsPerMm, 1.0 / kUnitsPerMm);
    }
    ~Page() { gc_.PopState(); }
    Page(const Page&) = delete;
    Page& operator=(const Page&) = delete;

    void text(double x, double y, const wxString& text, double size, bool bold = false,
              const wxColour& colour = kInk) {
        setFont(size, bold, colour);
        gc_.DrawText(text, x * kUnitsPerMm, y * kUnitsPerMm);
    }
    double textWidth(const wxString& text, double size, bool bold = false) {
        setFont(size, bold, kInk);
        double width = 0, height = 0;
        gc_.GetTextExtent(text, &width, &height);
        return width / kUnitsPerMm;
    }
    // Text vertically centred in a band [top, top + height].
    void textInBand(double x, double top, double height, const wxString& text, double size, bool bold = false,
                    const wxColour& colour = kInk) {
        setFont(size, bold, colour);
        double width = 0, textHeight = 0;
        gc_.GetTextExtent(text, &width, &textHeight);
        gc_.DrawText(text, x * kUnitsPerMm, top * kUnitsPerMm + (height * kUnitsPerMm - textHeight) / 2);
    }
    void centred(double centreX, double y, const wxString& text, double size, bool bold = false) {
        this->text(centreX - textWidth(text, size, bold) / 2, y, text, size, bold);
    }
    void rectangle(double x, double y, double w, double h, double lineWidth = 0.3,
                   const wxColour* fill = nullptr) {
        gc_.SetPen(gc_.CreatePen(wxGraphicsPenInfo(kInk).Width(lineWidth * kUnitsPerMm)));
        gc_.SetBrush(fill ? wxBrush(*fill) : *wxTRANSPARENT_BRUSH);
        gc_.DrawRectangle(x * kUnitsPerMm, y * kUnitsPerMm, w * kUnitsPerMm, h * kUnitsPerMm);
    }
    void line(double x1, double y1, double x2, double y2, double lineWidth = 0.3, const wxColour& colour = kInk) {
        gc_.SetPen(gc_.CreatePen(wxGraphicsPenInfo(colour).Width(lineWidth * kUnitsPerMm)));
        gc_.StrokeLine(x1 * kUnitsPerMm, y1 * kUnitsPerMm, x2 * kUnitsPerMm, y2 * kUnitsPerMm);
    }
    // □ or ■ followed by its label; returns the x after the label.
    double checkbox(double x, double top, double height, bool checked, const wxString& label, double size = 3.6) {
        const double side = 3.4;
        double y = top + (height - side) / 2;
        rectangle(x, y, side, side, 0.25);
        if (checked) {
            gc_.SetPen(gc_.CreatePen(wxGraphicsPenInfo(kInk).Width(0.5 * kUnitsPerMm)));
            wxGraphicsPath tick = gc_.CreatePath();
            tick.MoveToPoint((x + 0.6) * kUnitsPerMm, (y + 1.7) * kUnitsPerMm);
            tick.AddLineToPoint((x + 1.4) * kUnitsPerMm, (y + 2.7) * kUnitsPerMm);
            tick.AddLineToPoint((x + 2.9) * kUnitsPerMm, (y + 0.6) * kUnitsPerMm);
            gc_.StrokePath(tick);
        }
        textInBand(x + side + 1.2, top, height, label, size);
        return x + side + 1.2 + textWidth(label, size) + 4.5;
    }

private:
    void text_(double x, double y, const wxString& text, double size, bool bold) {
        setFont(size, bold, kInk);
        gc_.DrawText(text, x * kUnitsPerMm, y * kUnitsPerMm);
    }
    void setFont(double size, bool bold, const wxColour& colour) {
        gc_.SetFont(gc_.CreateFont(size * kFontScale * kUnitsPerMm, kFace, bold ? wxFONTFLAG_BOLD : wxFONTFLAG_DEFAULT, colour));
    }
    wxGraphicsContext& gc_;
};

// One labelled row of a form table: the label cell shaded, the value drawn by `value`.
struct Row {
    wxString label;
    double height;
    std::function<void(Page&, double x, double top, double width, double height)> value;
};

// Draws rows as one ruled table; returns the y below it.
double drawTable(Page& page, double top, const std::vector<Row>& rows) {
    double y = top;
    for (const Row& row : rows) {
        page.rectangle(kLeft, y, kLabelWidth, row.height, 0.3, &kLabelShade);
        page.rectangle(kLeft + kLabelWidth, y, kRight - kLeft - kLabelWidth, row.height);
        page.textInBand(kLeft + 2.5, y, row.height, row.label, 3.8, true);
        row.value(page, kLeft + kLabelWidth + 3.0, y, kRight - kLeft - kLabelWidth - 6.0, row.height);
        y += row.height;
    }
    page.rectangle(kLeft, top, kRight - kLeft, y - top, 0.6);
    return y;
}

// A value, or a pale hint that the patient writes it by hand.
auto valueOrBlank(const std::string& value, double size = 4.6) {
    return [value, size](Page& page, double x, double top, double, double height) {
        if (!value.empty()) page.textInBand(x, top, height, utf8(value), size);
    };
}

wxString blankDate() { return wxString::FromUTF8("　　　　年　　　月　　　日"); }

// The insurer number in eight boxes, as on the printed cards.
void insurerNumberBoxes(Page& page, double x, double top, double height, const std::string& digits) {
    const double side = 7.0;
    double y = top + (height - side) / 2;
    for (int i = 0; i < 8; ++i) {
        page.rectangle(x + i * side, y, side, side, 0.25);
        if (static_cast<std::size_t>(i) < digits.size())
            page.textInBand(x + i * side + 1.9, y, side, utf8(digits.substr(i, 1)), 4.6);
    }
    page.textInBand(x + 8 * side + 3.0, top, height,
                    wxString::FromUTF8("（国民健康保険は6桁）"), 3.0, false, kGuide);
}

std::vector<Row> patientRows(const PatientDetails& patient) {
    std::vector<Row> rows;
    rows.push_back({wxString::FromUTF8("フリガナ"), 8.0,
                    [kana = fullWidthKatakana(utf8(patient.nameKana))](Page& page, double x, double top, double,
                                                                       double height) {
                        page.textInBand(x, top, height, kana, 3.8);
                    }});
    rows.push_back({wxString::FromUTF8("氏　　名"), 13.0, valueOrBlank(patient.name, 6.0)});
    rows.push_back({wxString::FromUTF8("生年月日・性別"), 10.0,
                    [patient](Page& page, double x, double top, double width, double height) {
                        wxString birth = patient.birthDate ? bothCalendars(*patient.birthDate)
                                                           : wxString::FromUTF8("明・大・昭・平・令　") + blankDate();
                        page.textInBand(x, top, height, birth, 4.2);
                        double sexX = x + width - 36.0;
                        page.line(sexX - 4.0, top, sexX - 4.0, top + height);
                        sexX = page.checkbox(sexX, top, height, patient.sex == "1", wxString::FromUTF8("男"), 4.0);
                        page.checkbox(sexX, top, height, patient.sex == "2", wxString::FromUTF8("女"), 4.0);
                    }});
    rows.push_back({wxString::FromUTF8("住　　所"), 16.0,
                    [patient](Page& page, double x, double top, double, double) {
                        page.text(x, top + 1.5, wxString::FromUTF8("〒 ") + utf8(patient.postNumber), 3.6);
                        if (!patient.address.empty()) page.text(x, top + 7.5, utf8(patient.address), 4.6);
                    }});
    rows.push_back({wxString::FromUTF8("電話番号"), 9.0, valueOrBlank(patient.phone)});
    return rows;
}

std::vector<Row> insuranceRows(const DocumentDetails& known) {
    const InsuranceIdentity& insurance = known.insurance;
    std::vector<Row> rows;
    // 保険の種類 as the domain prefilled it from the number (a ticked box), else left for the patient.
    rows.push_back({wxString::FromUTF8("保険の種類"), 10.0,
                    [type = known.insuranceType](Page& page, double x, double top, double, double height) {
                        for (auto option : {DeclaredInsuranceType::EmployeeInsurance,
                                            DeclaredInsuranceType::NationalHealthInsurance,
                                            DeclaredInsuranceType::NationalHealthInsuranceUnion,
                                            DeclaredInsuranceType::LateElderly, DeclaredInsuranceType::Unknown})
                            x = page.checkbox(x, top, height, type != DeclaredInsuranceType::Unknown && type == option,
                                              utf8(std::string(declaredInsuranceTypeJapanese(option))), 3.4);
                    }});
    rows.push_back({wxString::FromUTF8("保険者名"), 10.0, valueOrBlank(known.insurerName)});
    rows.push_back({wxString::FromUTF8("保険者番号"), 11.0,
                    [number = insurance.insurerNumber](Page& page, double x, double top, double, double height) {
                        insurerNumberBoxes(page, x, top, height, number);
                    }});
    rows.push_back({wxString::FromUTF8("記号・番号・枝番"), 11.0,
                    [card = insurance.card](Page& page, double x, double top, double width, double height) {
                        const wxString labels[] = {wxString::FromUTF8("記号"), wxString::FromUTF8("番号"),
                                                   wxString::FromUTF8("枝番")};
                        const std::string values[] = {card.symbol, card.number, card.branch};
                        const double widths[] = {width * 0.38, width * 0.42, width * 0.20};
                        for (int i = 0; i < 3; ++i) {
                            page.text(x, top + 0.8, labels[i], 2.8, false, kGuide);
                            if (!values[i].empty()) page.textInBand(x + 1.0, top + 2.0, height - 2.0, utf8(values[i]), 4.6);
                            x += widths[i];
                            if (i < 2) page.line(x - 2.0, top, x - 2.0, top + height, 0.2);
                        }
                    }});
    rows.push_back({wxString::FromUTF8("本人・家族の別"), 10.0,
                    [](Page& page, double x, double top, double, double height) {
                        x = page.checkbox(x, top, height, false, wxString::FromUTF8("本人（被保険者）"));
                        page.checkbox(x, top, height, false, wxString::FromUTF8("家族（被扶養者）"));
                    }});
    rows.push_back({wxString::FromUTF8("勤務先（事業所名）"), 10.0, valueOrBlank(known.patient.employer)});
    rows.push_back({wxString::FromUTF8("一部負担金の割合"), 10.0,
                    [share = known.printedShare](Page& page, double x, double top, double, double height) {
                        for (int tenths = 1; tenths <= 3; ++tenths)
                            x = page.checkbox(x, top, height, share && share->tenths() == tenths,
                                              wxString::Format(wxString::FromUTF8("%d割"), tenths));
                        page.textInBand(x, top, height, wxString::FromUTF8("（資格確認書などに記載の割合）"), 3.0,
                                        false, kGuide);
                    }});
    return rows;
}

double drawHeader(Page& page, const SelfDeclarationForm& form) {
    page.centred(kA4WidthMm / 2, 16.0, wxString::FromUTF8("被保険者資格申立書"), 8.0, true);
    page.line(kA4WidthMm / 2 - 42, 27.5, kA4WidthMm / 2 + 42, 27.5, 0.4);
    wxString date = wxString::FromUTF8("記入日　") + bothCalendars(form.visitDate);
    page.text(kRight - page.textWidth(date, 3.8), 31.0, date, 3.8);
    if (form.facilityName.empty()) {
        page.line(kLeft, 44.0, kLeft + 70.0, 44.0, 0.3);
        page.text(kLeft + 72.0, 38.0, wxString::FromUTF8("御中"), 5.0, true);
    } else {
        page.text(kLeft, 38.0, utf8(form.facilityName) + wxString::FromUTF8("　御中"), 5.0, true);
    }
    page.text(kLeft, 47.0,
              wxString::FromUTF8("マイナ保険証などで資格確認ができなかったため、現在加入している医療保険について、"), 3.8);
    page.text(kLeft, 52.5, wxString::FromUTF8("以下のとおり申し立てます。わかる範囲でご記入ください。"), 3.8);
    return 60.0;
}

double sectionTitle(Page& page, double y, const wxString& title) {
    page.rectangle(kLeft, y + 0.6, 1.6, 4.6, 0.1, &kInk);
    page.text(kLeft + 3.5, y, title, 4.4, true);
    return y + 7.0;
}

double drawSignature(Page& page, double y) {
    page.text(kLeft, y, wxString::FromUTF8("上記の内容に相違ないことを申し立てます。"), 4.0);
    y += 9.0;
    page.text(kLeft + 60.0, y + 1.0, wxString::FromUTF8("申立者署名"), 4.0, true);
    page.line(kLeft + 84.0, y + 7.0, kRight, y + 7.0, 0.4);
    y += 11.0;
    page.text(kLeft + 60.0, y + 1.0, wxString::FromUTF8("代筆者氏名・続柄"), 3.4, false, kGuide);
    page.line(kLeft + 84.0, y + 6.0, kRight, y + 6.0, 0.25);
    return y + 12.0;
}

void drawFacilityBox(Page& page, double y) {
    const double height = 29.0;
    page.rectangle(kLeft, y, kRight - kLeft, height, 0.5);
    page.rectangle(kLeft, y, 7.0, height, 0.3, &kLabelShade);
    const wxString vertical = wxString::FromUTF8("医療機関記入欄");
    for (size_t i = 0; i < vertical.length(); ++i)
        page.text(kLeft + 1.8, y + 2.2 + i * 3.6, vertical.Mid(i, 1), 3.2, true);
    double x = kLeft + 10.0;
    page.textInBand(x, y + 1.0, 8.0, wxString::FromUTF8("受付者"), 3.6);
    page.line(x + 14.0, y + 7.5, x + 60.0, y + 7.5, 0.25);
    page.textInBand(x + 68.0, y + 1.0, 8.0, wxString::FromUTF8("後日の資格確認日"), 3.6);
    page.textInBand(x + 100.0, y + 1.0, 8.0, wxString::FromUTF8("　　年　　月　　日"), 3.6);
    double cx = page.checkbox(x, y + 10.0, 8.0, false, wxString::FromUTF8("現資格で請求"));
    cx = page.checkbox(cx, y + 10.0, 8.0, false, wxString::FromUTF8("旧資格で請求"));
    page.checkbox(cx, y + 10.0, 8.0, false, wxString::FromUTF8("資格不詳で請求（不詳請求）"));
    page.text(x, y + 20.0,
              wxString::FromUTF8("※ 資格が確認できない場合、住所・勤務先・電話番号をレセプトの摘要欄に記載します。"),
              3.0, false, kGuide);
}

}  // namespace

void drawSelfDeclaration(wxGraphicsContext& gc, const SelfDeclarationForm& form) {
    gc.SetAntialiasMode(wxANTIALIAS_DEFAULT);
    Page page(gc);
    double y = drawHeader(page, form);
    y = sectionTitle(page, y, wxString::FromUTF8("受診される方"));
    y = drawTable(page, y, patientRows(form.prefilled.patient));
    y = sectionTitle(page, y + 6.0, wxString::FromUTF8("加入している医療保険"));
    y = drawTable(page, y, insuranceRows(form.prefilled));
    y = drawSignature(page, y + 7.0);
    drawFacilityBox(page, std::max(y + 4.0, kA4HeightMm - 18.0 - 29.0));
}

}  // namespace madoguchi::gui
