// wrapToWidth cuts a text into the longest lines that fit the width in the window's own font:
// Japanese at any character, English after the last space, the text's own line breaks kept.
#include <wx/frame.h>
#include <wx/stattext.h>
#include <wx/tokenzr.h>

#include "gui/app/color_scheme.h"
#include "gui/reception/display_text.h"
#include "gui_harness.h"

using namespace madoguchi;
using namespace madoguchi::gui;

namespace {

struct Label {
    Label() { label->SetFont(colors::stepTitleFont()); }
    ~Label() { frame->Destroy(); }
    int width(const wxString& text) const { return label->GetTextExtent(text).GetWidth(); }
    wxFrame* frame = new wxFrame(nullptr, wxID_ANY, "wrap");
    wxStaticText* label = new wxStaticText(frame, wxID_ANY, "");
};

wxArrayString linesOf(const wxString& text) { return wxStringTokenize(text, "\n", wxTOKEN_RET_EMPTY_ALL); }

const wxString kJapanese = wxString::FromUTF8("次の患者さんを待っています。カードをリーダーに置いてください。顔認証または暗証番号で本人を確認します。");

}  // namespace

BOOST_AUTO_TEST_SUITE(WrapToWidth)

BOOST_AUTO_TEST_CASE(JapaneseLinesAreTheLongestThatFit) {
    Label label;
    const int width = 300;
    const wxArrayString lines = linesOf(wrapToWidth(label.label, kJapanese, width));
    BOOST_REQUIRE_GT(lines.size(), 2u);
    wxString joined;
    for (size_t i = 0; i < lines.size(); ++i) {
        joined += lines[i];
        BOOST_TEST(label.width(lines[i]) <= width);
        // One more character would not have fitted.
        if (i + 1 < lines.size()) BOOST_TEST(label.width(lines[i] + lines[i + 1].Left(1)) > width);
    }
    BOOST_TEST(joined == kJapanese);
}

BOOST_AUTO_TEST_CASE(EnglishBreaksAfterTheLastSpaceAndKeepsTheTextsLineBreaks) {
    Label label;
    const wxString paragraph = "Place the card on the reader and wait for the light to turn green before you go on";
    const int width = label.width("Place the card on the");
    const wxArrayString lines = linesOf(wrapToWidth(label.label, paragraph + "\nthen confirm", width));
    BOOST_REQUIRE_GT(lines.size(), 3u);
    BOOST_TEST(lines.Last() == "then confirm");
    wxString joined;
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
        BOOST_TEST(label.width(lines[i]) <= width);
        BOOST_TEST(!lines[i].StartsWith(" "));
        BOOST_TEST(!lines[i].EndsWith(" "));
        // The next line's first word would not have fitted.
        if (i + 2 < lines.size()) BOOST_TEST(label.width(lines[i] + " " + lines[i + 1].BeforeFirst(' ')) > width);
        joined += (i ? " " : "") + lines[i];
    }
    BOOST_TEST(joined == paragraph);
}

BOOST_AUTO_TEST_CASE(ATextThatFitsIsLeftAsItIs) {
    Label label;
    BOOST_TEST(wrapToWidth(label.label, kJapanese, label.width(kJapanese)) == kJapanese);
    BOOST_TEST(wrapToWidth(label.label, kJapanese, 0) == kJapanese);
}

BOOST_AUTO_TEST_SUITE_END()
