// The 被保険者資格申立書: a real A4 PDF whose text shows the prefilled fields (pdftotext), and
// the wx print preview of the same drawing.
#include <wx/print.h>
#include <wx/toplevel.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>

#include "gui/forms/kana_width.h"
#include "gui/forms/self_declaration_printer.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

SelfDeclarationForm prefilledForm() {
    SelfDeclarationForm form{"みどり内科クリニック", *Date::fromYmd(2026, 11, 25), {}};
    PatientDetails& patient = form.prefilled.patient;
    patient.name = "山田 太郎";
    patient.nameKana = "ヤマダ タロウ";
    patient.birthDate = Date::fromYmd(1958, 4, 3);
    patient.sex = "1";
    patient.postNumber = "100-8916";
    patient.address = "東京都千代田区霞が関1-2-2";
    patient.phone = "03-5253-1111";
    patient.employer = "株式会社みどり商事";
    form.prefilled.insurance.insurerNumber = "06132013";
    form.prefilled.insurance.card = {"12-34", "5678", "01"};
    form.prefilled.printedShare = CopayShare::fromTenths(3);
    return form;
}

// Runs a command and returns what it printed on stdout.
std::string commandOutput(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    BOOST_REQUIRE(pipe);
    std::string output;
    std::array<char, 4096> buffer{};
    while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe.get())) output.append(buffer.data(), n);
    return output;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// "Pages:           1" → "1"
std::string pdfinfoField(const std::string& info, const std::string& field) {
    std::istringstream lines(info);
    for (std::string line; std::getline(lines, line);)
        if (line.rfind(field + ":", 0) == 0) {
            std::size_t value = line.find_first_not_of(' ', field.size() + 1);
            return value == std::string::npos ? std::string() : line.substr(value);
        }
    return {};
}

// Also saves a PNG of the page beside the screenshots, for a person to look at.
void savePagePicture(const std::filesystem::path& pdf, const std::string& name) {
    std::filesystem::create_directories(test::screenshotDir());
    std::string stem = (test::screenshotDir() / name).string();
    commandOutput("pdftoppm -r 100 -png -singlefile '" + pdf.string() + "' '" + stem + "'");
    BOOST_CHECK_MESSAGE(std::filesystem::exists(stem + ".png"), "申立書 page picture not written: " << stem << ".png");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(SelfDeclarationForms)

BOOST_AUTO_TEST_CASE(PdfIsOneA4PageWithThePrefilledFields) {
    test::TempFolder folder;
    std::filesystem::path pdf = folder.path() / "申立書.pdf";
    WxFormRenderer renderer;
    auto rendered = renderer.renderSelfDeclaration(prefilledForm(), pdf.string());
    BOOST_REQUIRE_MESSAGE(rendered.ok(), (rendered.ok() ? "" : rendered.problem().message));
    BOOST_CHECK(!std::filesystem::exists(pdf.string() + ".part"));

    std::string info = commandOutput("pdfinfo '" + pdf.string() + "'");
    BOOST_CHECK_MESSAGE(contains(info, "(A4)"), info);
    BOOST_CHECK_EQUAL(pdfinfoField(info, "Pages"), "1");
    BOOST_CHECK(contains(info, "被保険者資格申立書"));  // the title metadata

    std::string text = commandOutput("pdftotext -layout '" + pdf.string() + "' -");
    for (const char* expected : {"被保険者資格申立書", "みどり内科クリニック", "山田 太郎", "ヤマダ タロウ",
                                 "令和8年11月25日", "2026年11月25日", "昭和33年4月3日", "1958年4月3日",
                                 "東京都千代田区霞が関1-2-2", "100-8916", "03-5253-1111", "株式会社みどり商事",
                                 "12-34", "5678", "保険者番号", "本人（被保険者）", "家族（被扶養者）",
                                 "申立者署名", "一部負担金の割合"})
        BOOST_CHECK_MESSAGE(contains(text, expected), "the PDF text lacks " << expected);
    savePagePicture(pdf, "form-self-declaration-prefilled");
}

BOOST_AUTO_TEST_CASE(UnknownFieldsAreLeftBlankForTheHand) {
    test::TempFolder folder;
    std::filesystem::path pdf = folder.path() / "blank.pdf";
    SelfDeclarationForm form{"", *Date::fromYmd(2027, 1, 4), {}};
    form.prefilled.patient.name = "佐藤 花子";
    BOOST_REQUIRE(WxFormRenderer().renderSelfDeclaration(form, pdf.string()).ok());
    std::string text = commandOutput("pdftotext -layout '" + pdf.string() + "' -");
    BOOST_CHECK(contains(text, "佐藤 花子"));
    BOOST_CHECK(contains(text, "令和9年1月4日"));
    BOOST_CHECK(contains(text, "明・大・昭・平・令"));  // the birth date is written by hand
    BOOST_CHECK(!contains(text, "昭和33年"));
    savePagePicture(pdf, "form-self-declaration-blank");
}

BOOST_AUTO_TEST_CASE(HalfWidthKanaIsPrintedFullWidth) {
    BOOST_CHECK_EQUAL(fullWidthKatakana(wxString::FromUTF8("ﾔﾏﾀﾞ ﾀﾛｳ")).utf8_string(), "ヤマダ タロウ");
    BOOST_CHECK_EQUAL(fullWidthKatakana(wxString::FromUTF8("ﾎﾟﾝﾌﾟ ｳﾞｨｰ")).utf8_string(), "ポンプ ヴィー");
    BOOST_CHECK_EQUAL(fullWidthKatakana(wxString::FromUTF8("ヤマダ ﾂﾞｯ")).utf8_string(), "ヤマダ ヅッ");
    test::TempFolder folder;
    std::filesystem::path pdf = folder.path() / "kana.pdf";
    SelfDeclarationForm form = prefilledForm();
    form.prefilled.patient.nameKana = "ﾔﾏﾀﾞ ﾀﾛｳ";
    BOOST_REQUIRE(WxFormRenderer().renderSelfDeclaration(form, pdf.string()).ok());
    BOOST_CHECK(contains(commandOutput("pdftotext -layout '" + pdf.string() + "' -"), "ヤマダ タロウ"));
}

BOOST_AUTO_TEST_CASE(UnwritablePathIsAProblemNamingIt) {
    auto rendered = WxFormRenderer().renderSelfDeclaration(prefilledForm(), "/nonexistent-folder/x.pdf");
    BOOST_REQUIRE(!rendered.ok());
    BOOST_CHECK_EQUAL(rendered.problem().code, "form.pdf_unwritable");
    BOOST_CHECK(contains(rendered.problem().message, "/nonexistent-folder/x.pdf"));
}

BOOST_AUTO_TEST_CASE(PrintPreviewOpensForAPrefilledFormAndIsPictured) {
    BOOST_REQUIRE(previewAndPrintSelfDeclaration(nullptr, prefilledForm()));
    wxPreviewFrame* preview = nullptr;
    MADOGUCHI_REQUIRE_EVENTUALLY((preview = [] {
        for (wxWindow* window : wxTopLevelWindows)
            if (auto* frame = dynamic_cast<wxPreviewFrame*>(window); frame && frame->IsShownOnScreen()) return frame;
        return static_cast<wxPreviewFrame*>(nullptr);
    }()));
    test::pumpFor(std::chrono::milliseconds(500));
    BOOST_CHECK(!test::saveScreenshot(preview, "form-print-preview").empty());
    preview->Destroy();
    test::pumpEvents();
}

BOOST_AUTO_TEST_SUITE_END()
