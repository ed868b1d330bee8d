// DOMAIN.md §8: the one precedence of the share, row by row. Each row is a patient on 2026-11-25
// (or the date given) with what the window knows; 0 means the rules do not decide: staff choose.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/copay_rules.h"
#include "domain_printers.h"

using namespace madoguchi;
namespace data = boost::unit_test::data;

namespace {

struct Row {
    const char* what;
    const char* birth;
    const char* on;
    bool lateElderlyInsurer;  // insurer number 39…
    const char* resultKouki;  // InsuredPartialContributionRatio, "" none
    const char* resultElderly;
    int printed;   // 0: none
    int declared;  // 0: none
    int expected;  // 0: staff decide
};

std::ostream& operator<<(std::ostream& out, const Row& row) { return out << row.what; }

const Row kRows[] = {
    // under 70: the age rule, whatever is declared; a printed share that disagrees goes to staff
    {"45, nothing known", "1981-05-05", "2026-11-25", false, "", "", 0, 0, 3},
    {"preschool, nothing known", "2022-05-01", "2026-11-25", false, "", "", 0, 0, 2},
    {"preschool declared 30% pays 20%", "2022-05-01", "2026-11-25", false, "", "", 0, 3, 2},
    {"45 declared 10% pays 30%", "1981-05-05", "2026-11-25", false, "", "", 0, 1, 3},
    {"69 declared 20% pays 30%", "1956-12-15", "2026-11-25", false, "", "", 0, 2, 3},
    {"45 printed 30%", "1981-05-05", "2026-11-25", false, "", "", 3, 0, 3},
    {"45 printed 20%: staff", "1981-05-05", "2026-11-25", false, "", "", 2, 0, 0},
    {"preschool printed 20%", "2022-05-01", "2026-11-25", false, "", "", 2, 0, 2},
    {"last preschool day 31 March", "2019-04-02", "2026-03-31", false, "", "", 0, 3, 2},
    {"first school day 1 April", "2019-04-02", "2026-04-01", false, "", "", 0, 2, 3},
    // 後期 insured under 75 by disability certification: the printed or result share
    {"68, 39… insurer, printed 10%", "1958-03-03", "2026-11-25", true, "", "", 1, 0, 1},
    {"68, 39… insurer, result 020", "1958-03-03", "2026-11-25", true, "020", "", 0, 0, 2},
    {"67, result 後期 010 without the insurer", "1959-01-01", "2026-11-25", false, "010", "", 0, 0, 1},
    {"68, 39… insurer, declared 10%", "1958-03-03", "2026-11-25", true, "", "", 0, 1, 1},
    {"68, 39… insurer, nothing: staff", "1958-03-03", "2026-11-25", true, "", "", 0, 0, 0},
    {"72, 39… insurer, printed 10%", "1954-03-10", "2026-11-25", true, "", "", 1, 0, 1},
    // 70-74: result, printed, declared (20% or 30%), else 20% by default
    {"first day of 70-74 (born on the 1st)", "1956-11-01", "2026-11-01", false, "", "", 0, 3, 3},
    {"last day before 70-74", "1956-11-02", "2026-11-30", false, "", "", 0, 2, 3},
    {"72, nothing: 20% by default", "1954-03-10", "2026-11-25", false, "", "", 0, 0, 2},
    {"72 declared 30% (現役並み)", "1954-03-10", "2026-11-25", false, "", "", 0, 3, 3},
    {"72 declared 20%", "1954-03-10", "2026-11-25", false, "", "", 0, 2, 2},
    {"72 printed 30%", "1954-03-10", "2026-11-25", false, "", "", 3, 0, 3},
    {"72 printed 10% without 39…: staff", "1954-03-10", "2026-11-25", false, "", "", 1, 0, 0},
    {"72 declared 10% without 39…: staff", "1954-03-10", "2026-11-25", false, "", "", 0, 1, 0},
    {"72 result 030 wins over printed 20%", "1954-03-10", "2026-11-25", false, "", "030", 2, 0, 3},
    {"day before the 75th birthday printed 10%: staff", "1951-11-26", "2026-11-25", false, "", "", 1, 0, 0},
    // 75+: result, printed, declared 1/2/3; nothing: staff
    {"75th birthday itself, nothing: staff", "1951-11-25", "2026-11-25", true, "", "", 0, 0, 0},
    {"75th birthday itself printed 10%", "1951-11-25", "2026-11-25", true, "", "", 1, 0, 1},
    {"80 result 010", "1946-01-01", "2026-11-25", true, "010", "", 3, 0, 1},
    {"80 printed 20%", "1946-01-01", "2026-11-25", true, "", "", 2, 0, 2},
    {"80 declared 30%", "1946-01-01", "2026-11-25", false, "", "", 0, 3, 3},
    {"80 printed 20% beats declared 30%", "1946-01-01", "2026-11-25", true, "", "", 2, 3, 2},
};

ShareEvidence evidenceOf(const Row& row) {
    ShareEvidence evidence;
    if (*row.resultKouki) evidence.lateElderlyRatio = row.resultKouki;
    if (*row.resultElderly) evidence.elderlyRecipientRatio = row.resultElderly;
    if (row.printed) evidence.printedShare = CopayShare::fromTenths(row.printed);
    if (row.declared) evidence.declaredShare = CopayShare::fromTenths(row.declared);
    evidence.lateElderlyInsured = row.lateElderlyInsurer;
    return evidence;
}

Date d(const char* iso) { return *Date::parseIso(iso); }

}  // namespace

BOOST_AUTO_TEST_SUITE(SharePrecedence)

BOOST_DATA_TEST_CASE(OneRuleDecidesTheShare, data::make(kRows), row) {
    ShareDecision decision = decideShare(d(row.birth), d(row.on), evidenceOf(row));
    BOOST_CHECK_EQUAL(decision.share ? decision.share->tenths() : 0, row.expected);
    BOOST_CHECK(!decision.basis.empty());
    if (!decision.share) {
        // Never charged silently: staff get the candidates (the document's share among them).
        BOOST_CHECK(!decision.candidates.empty());
        if (row.printed) {
            bool offered = false;
            for (const auto& candidate : decision.candidates) offered |= candidate.tenths() == row.printed;
            BOOST_CHECK(offered);
        }
    }
}

// Whatever overrides or disagrees is said, not silently applied.
BOOST_DATA_TEST_CASE(DisagreementsAreShownAsWarnings, data::make(kRows), row) {
    ShareDecision decision = decideShare(d(row.birth), d(row.on), evidenceOf(row));
    const int given = row.printed ? row.printed : row.declared;
    const bool disagrees = given && decision.share && decision.share->tenths() != given;
    if (disagrees || (given && !decision.share)) BOOST_CHECK(!decision.warnings.empty());
}

BOOST_AUTO_TEST_CASE(APastShareIsReadOnlyInTheSameAgeBand) {
    const Date birth = d("1956-06-15");  // 70-74 from 2026-07-01
    const auto thirty = CopayShare::fromTenths(3);
    BOOST_CHECK(!pastShareStillReadable(thirty, birth, d("2026-06-01"), d("2026-11-25"), false));
    BOOST_CHECK(pastShareStillReadable(thirty, birth, d("2026-07-01"), d("2026-11-25"), false) == thirty);
    BOOST_CHECK(pastShareStillReadable(thirty, birth, d("2026-06-01"), d("2026-06-30"), false) == thirty);
    BOOST_CHECK(pastShareStillReadable(CopayShare::fromTenths(1), birth, d("2026-06-01"), d("2026-11-25"), true));
    BOOST_CHECK(!pastShareStillReadable(CopayShare::full(), birth, d("2026-07-01"), d("2026-11-25"), false));
}

BOOST_AUTO_TEST_SUITE_END()
