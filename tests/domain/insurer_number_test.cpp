#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include "domain/card_numbers.h"
#include "domain/insurer_number.h"

using madoguchi::InsurerKind;
using madoguchi::InsurerNumber;
namespace data = boost::unit_test::data;

BOOST_AUTO_TEST_SUITE(InsurerNumbers)

BOOST_AUTO_TEST_CASE(RealPublicNumbersCarryValidCheckDigits) {
    auto kyokai = InsurerNumber::parse("01130012");  // 協会けんぽ 東京支部
    BOOST_REQUIRE(kyokai);
    BOOST_CHECK(kyokai.value().kind() == InsurerKind::EmployeeInsurance);
    auto kouki = InsurerNumber::parse("39131008");  // 東京都後期高齢者医療広域連合
    BOOST_REQUIRE(kouki);
    BOOST_CHECK(kouki.value().isLateElderly());
    BOOST_CHECK_EQUAL(InsurerNumber::checkDigitFor("0113001"), 2);
    BOOST_CHECK_EQUAL(InsurerNumber::checkDigitFor("3913100"), 8);
}

BOOST_DATA_TEST_CASE(EverySingleDigitChangeIsDetected, data::make({"01130012", "39131008"}), original) {
    std::string number = original;
    for (std::size_t position = 0; position < number.size(); ++position) {
        for (char digit = '0'; digit <= '9'; ++digit) {
            if (digit == original[position]) continue;
            std::string corrupted = number;
            corrupted[position] = digit;
            auto parsed = InsurerNumber::parse(corrupted);
            BOOST_CHECK_MESSAGE(!parsed, "accepted corrupted " << corrupted);
            if (!parsed) BOOST_CHECK_EQUAL(parsed.problem().code, "insurer.check_digit");
        }
    }
}

BOOST_AUTO_TEST_CASE(SixDigitNationalHealthInsuranceNumbersArePaddedToEightForTheGateway) {
    // body 13806 → weights from the right 2,1,2,1,2: 12,0,16,3,2 → 1+2+0+(1+6)+3+2 = 15 → check 5
    auto kokuho = InsurerNumber::parse("138065");
    BOOST_REQUIRE(kokuho);
    BOOST_CHECK(kokuho.value().kind() == InsurerKind::NationalHealthInsurance);
    BOOST_CHECK_EQUAL(kokuho.value().gatewayForm(), "  138065");
    BOOST_CHECK_EQUAL(InsurerNumber::parse("01130012").value().gatewayForm(), "01130012");
}

BOOST_AUTO_TEST_CASE(FullWidthDigitsAndSpacesAreNormalised) {
    auto parsed = InsurerNumber::parse("\u3000０１１３００１２ ");
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().digits(), "01130012");
    BOOST_CHECK_EQUAL(InsurerNumber::parse("  138065").value().digits(), "138065");
}

BOOST_DATA_TEST_CASE(MalformedNumbersAreRefusedWithAReason,
                     data::make({"", "   ", "0113001", "011300120", "0113OO12", "01-30012", "1234567"}) ^
                         data::make({"insurer.empty", "insurer.empty", "insurer.length", "insurer.length",
                                     "insurer.not_digits", "insurer.not_digits", "insurer.length"}),
                     text, code) {
    auto parsed = InsurerNumber::parse(text);
    BOOST_REQUIRE(!parsed);
    BOOST_CHECK_EQUAL(parsed.problem().code, code);
    BOOST_CHECK(!parsed.problem().message.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(CardNumbers)

BOOST_AUTO_TEST_CASE(SymbolNumberAndBranchAreNormalisedToHalfWidth) {
    auto parsed = madoguchi::InsuredCardNumbers::parse("ａｂ－１２", "　１２３４５ ", "０１");
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().symbol, "ab-12");
    BOOST_CHECK_EQUAL(parsed.value().number, "12345");
    BOOST_CHECK_EQUAL(parsed.value().branch, "01");
}

BOOST_AUTO_TEST_CASE(KanjiSymbolsAreKeptAsTheyAre) {
    auto parsed = madoguchi::InsuredCardNumbers::parse("東京１", "7", "");
    BOOST_REQUIRE(parsed);
    BOOST_CHECK_EQUAL(parsed.value().symbol, "東京1");
}

BOOST_AUTO_TEST_CASE(NumberIsRequiredAndBranchHasTwoDigits) {
    BOOST_CHECK_EQUAL(madoguchi::InsuredCardNumbers::parse("1", " ", "").problem().code, "card.number_missing");
    BOOST_CHECK_EQUAL(madoguchi::InsuredCardNumbers::parse("1", "2", "1").problem().code, "card.branch_shape");
    BOOST_CHECK_EQUAL(madoguchi::InsuredCardNumbers::parse("1", "2", "0a").problem().code, "card.branch_shape");
}

BOOST_AUTO_TEST_SUITE_END()
