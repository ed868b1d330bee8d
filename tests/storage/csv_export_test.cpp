// The visits export (app/visits_csv.h) from a real journal holding formula-like text: every
// field is quoted, nothing a spreadsheet would evaluate begins a cell, and coded columns carry
// only code-table values.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "app/csv_writer.h"
#include "app/resources.h"
#include "app/visits_csv.h"
#include "storage_fixtures.h"
#include "temp_folder.h"

using namespace madoguchi;
using madoguchi::test::at;
using madoguchi::test::TempFolder;

namespace {

// The rows of a CSV whose every field is quoted (a field not quoted is a test failure).
std::vector<std::vector<std::string>> parseQuotedCsv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::size_t i = 0;
    while (i < text.size()) {
        BOOST_REQUIRE_MESSAGE(text[i] == '"', "unquoted field at byte " << i);
        std::string field;
        for (++i; i < text.size(); ++i) {
            if (text[i] != '"') field += text[i];
            else if (i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else break;
        }
        ++i;  // the closing quote
        rows.back().push_back(field);
        if (text.compare(i, 1, ",") == 0) ++i;
        else if (text.compare(i, 2, "\r\n") == 0) {
            i += 2;
            if (i < text.size()) rows.emplace_back();
        } else BOOST_FAIL("a field not followed by a comma or CRLF at byte " << i);
    }
    return rows;
}

std::string exported(std::span<const VisitSummary> visits) {
    auto codes = app::loadCodeTables();
    BOOST_REQUIRE(codes.ok());
    std::ostringstream out;
    app::writeVisitsCsv(out, visits, codes.value(), false);
    return out.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(CsvExport)

BOOST_AUTO_TEST_CASE(FormulaLikeTextFromTheJournalOpensAsText) {
    test::JournalPlace folder;
    storage::FacilityJournal journal(folder.journal());
    VisitRecord visit = test::sampleVisit("V-1", "@SUM(A1:A9)", at(2026, 11, 25));
    visit.patient.name = "=HYPERLINK(\"http://evil.example/\",\"山田\")";
    visit.share = *CopayShare::fromTenths(10);
    visit.fullChargeReason = "+cmd|' /C calc'!A0";
    EligibilityResult answer;
    answer.qualificationValidity.raw = "=1+1";  // from the gateway's XML: not a code of OQSCD006
    visit.onlineResult = answer;
    BOOST_REQUIRE(journal.recordVisit(visit).ok());
    VisitRecord tabbed = test::sampleVisit("V-2", "\tP2", at(2026, 11, 25, 10));
    tabbed.patient.name = "-2+3";
    BOOST_REQUIRE(journal.recordVisit(tabbed).ok());

    auto rows = parseQuotedCsv(exported(journal.visitsBetween(*Date::fromYmd(2026, 11, 25), *Date::fromYmd(2026, 11, 25))));
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    for (const auto& row : rows) {
        BOOST_REQUIRE_EQUAL(row.size(), 13u);
        for (const auto& field : row)
            BOOST_CHECK_MESSAGE(field.empty() || std::string("=+-@\t\r").find(field.front()) == std::string::npos,
                                "a cell a spreadsheet would evaluate: " << field);
    }
    const auto& first = rows[1][0] == "V-1" ? rows[1] : rows[2];
    const auto& second = rows[1][0] == "V-1" ? rows[2] : rows[1];
    BOOST_CHECK_EQUAL(first[3], "'@SUM(A1:A9)");
    BOOST_CHECK_EQUAL(first[4], "'=HYPERLINK(\"http://evil.example/\",\"山田\")");
    BOOST_CHECK_EQUAL(first[7], "");  // validity: not a code, so not written
    BOOST_CHECK_EQUAL(first[11], "'+cmd|' /C calc'!A0");
    BOOST_CHECK_EQUAL(second[3], "'\tP2");
    BOOST_CHECK_EQUAL(second[4], "'-2+3");
}

BOOST_AUTO_TEST_CASE(CodedColumnsCarryOnlyCodeTableValues) {
    VisitSummary visit{"V-1", "P1", "山田", *Date::fromYmd(2026, 11, 25), "2026-11-25T09:00:00",
                       "pin", "online_card", "1", "current", 3, 1230, "", false};
    VisitSummary forged{"V-2", "P2", "佐藤", *Date::fromYmd(2026, 11, 25), "2026-11-25T09:10:00",
                        "=face", "online_card\"", "9", "current,old", 3, 1230, "", false};
    auto rows = parseQuotedCsv(exported(VisitList{visit, forged}));
    BOOST_REQUIRE_EQUAL(rows.size(), 3u);
    BOOST_CHECK_EQUAL(rows[1][5], "pin");
    BOOST_CHECK_EQUAL(rows[1][6], "online_card");
    BOOST_CHECK_EQUAL(rows[1][7], "1");
    BOOST_CHECK_EQUAL(rows[1][8], "current");
    for (std::size_t column = 5; column <= 8; ++column) BOOST_CHECK_EQUAL(rows[2][column], "");
}

BOOST_AUTO_TEST_CASE(EveryFieldIsQuotedAndQuotesAreDoubled) {
    BOOST_CHECK_EQUAL(app::csvField("plain"), "\"plain\"");
    BOOST_CHECK_EQUAL(app::csvField(""), "\"\"");
    BOOST_CHECK_EQUAL(app::csvField("a \"b\", c"), "\"a \"\"b\"\", c\"");
    BOOST_CHECK_EQUAL(app::csvField("\rx"), "\"'\rx\"");
    BOOST_CHECK_EQUAL(app::csvField("x=1"), "\"x=1\"");
}

BOOST_AUTO_TEST_SUITE_END()
